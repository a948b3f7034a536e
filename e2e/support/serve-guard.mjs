// Runs a command (argv after this script) and ends it, with every process of
// this process group, as soon as stdin closes: app.mjs starts this in a group
// of its own with a pipe on stdin, so the server cannot outlive the test
// process, even when that one is killed without a chance to clean up.
// A directory named in SERVE_GUARD_CLEANUP (the build output) is removed then.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

function killGroup() {
  const cleanup = process.env.SERVE_GUARD_CLEANUP;
  if (cleanup) {
    child.kill('SIGKILL');
    rmSync(cleanup, { recursive: true, force: true });
  }
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    // eslint-disable-next-line n/no-process-exit -- a supervisor's whole job
    process.exit(1);
  }
}

process.stdin.on('end', killGroup);
process.stdin.on('close', killGroup);
process.stdin.resume();
process.on('SIGTERM', () => {
  child.kill('SIGTERM');
  setTimeout(killGroup, 5000).unref();
});
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
  process.stdin.off('end', killGroup).off('close', killGroup).destroy();
});
