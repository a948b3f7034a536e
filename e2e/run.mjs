// `npm run test:e2e`: serves the demo app once for the whole run, then runs
// every e2e/**/*.test.mjs with node's test runner against it (E2E_BASE_URL).
// The server is stopped however the run ends; the exit code is the test
// runner's (or 1 when the server could not start).
import { spawn } from 'node:child_process';
import { ROOT, startServer } from './support/app.mjs';

let server;
let child;
let code = 1;

async function shutdown(signal) {
  child?.kill(signal);
  await server?.stop();
  // eslint-disable-next-line n/no-process-exit -- interrupted: stop here
  process.exit(130);
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));

try {
  const started = Date.now();
  server = await startServer();
  console.log(
    `# e2e: serving the demo app at ${server.baseUrl} (ready in ${Math.round((Date.now() - started) / 1000)} s)`,
  );
  // One file at a time: the tests share the server, and each resets it.
  child = spawn(
    process.execPath,
    ['--test', '--test-concurrency=1', ...process.argv.slice(2), 'e2e/'],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: server.baseUrl },
    },
  );
  code = await new Promise((resolve) =>
    child.on('exit', (exitCode, signal) =>
      resolve(exitCode ?? (signal ? 1 : 0)),
    ),
  );
} catch (error) {
  console.error(error);
  // Report the failure the way node's test runner would, so that it counts.
  console.log('# fail 1');
  code = 1;
} finally {
  await server?.stop();
}
process.exitCode = code;
