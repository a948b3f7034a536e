// Runs npm scripts one after the other (2 cores: no parallel builds), each
// to its end even when an earlier one failed, and exits non-zero if any of
// them did. Usage: node scripts/ci/run-steps.mjs <script> [<script> ...]
//
// Around each step it prints marker lines that scripts/ci/summarize.mjs reads
// to attribute test counts to steps (and to count a step without a test
// runner, such as a lint, as one test):
//   ##[ci-step] begin <script>
//   ##[ci-step] end <script> exit=<code> seconds=<s>
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function runStep(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n##[ci-step] begin ${script}`);
    const child = spawn(npm, ['run', script], { stdio: 'inherit' });
    const finish = (code) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(
        `\n##[ci-step] end ${script} exit=${code} seconds=${seconds}`,
      );
      resolve({ script, code, seconds });
    };
    child.on('error', (error) => {
      console.error(error);
      finish(127);
    });
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

async function main(scripts) {
  if (scripts.length === 0) {
    console.error('usage: node scripts/ci/run-steps.mjs <npm script> [...]');
    return 2;
  }
  let current = null;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      // npm passes the signal on to the running script; stop after it.
      current = 'interrupted';
    });
  }
  const results = [];
  for (const script of scripts) {
    if (current === 'interrupted') break;
    results.push(await runStep(script));
  }
  console.log('\n# steps');
  for (const { script, code, seconds } of results) {
    console.log(
      `#   ${code === 0 ? 'ok    ' : 'FAILED'} ${script} (${seconds} s)`,
    );
  }
  const failed = results.filter(({ code }) => code !== 0).length;
  const skipped = scripts.length - results.length;
  return failed || skipped ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
