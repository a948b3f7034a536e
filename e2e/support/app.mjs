// Helpers for the end-to-end suite: serve the demo app (tests/dummy) with
// `ember serve`, so that whatever ember-cli serves (server/ middleware
// included) is what the tests see, and drive an installed Chrome or Chromium
// with playwright-core.
//
// Usage in a test file (node:test):
//
//   import { before, after, test } from 'node:test';
//   import { startE2E } from './support/app.mjs';
//
//   let e2e;
//   before(async () => (e2e = await startE2E()), { timeout: 600_000 });
//   after(() => e2e?.close());
//
//   test('…', async () => {
//     const page = await e2e.newPage();
//     await page.goto(e2e.url('/'));
//   });
//
// `npm run test:e2e` (e2e/run.mjs) starts one server for the whole run and
// hands its address to every test file in E2E_BASE_URL; a test file run on its
// own (`node --test e2e/app.test.mjs`) starts a server of its own.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SERVER_START_TIMEOUT_MS = 10 * 60 * 1000;

/** Headless, and quiet on a closed network (no background connections). */
export const BROWSER_ARGS = [
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--mute-audio',
];

/** The path of an installed Chrome or Chromium (CHROME_PATH wins). */
export function findBrowser() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(path)) return path;
  }
  for (const name of [
    'chromium',
    'chromium-browser',
    'google-chrome',
    'google-chrome-stable',
    'chrome',
  ]) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], {
        encoding: 'utf8',
      }).trim();
      if (path) return path;
    } catch {
      // not on PATH
    }
  }
  throw new Error(
    'No Chrome or Chromium found: install one (apt-get install chromium) or set CHROME_PATH',
  );
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether baseUrl answers 200 with an HTML page that loads scripts. */
export function isServing(baseUrl, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const request = get(baseUrl, { timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () =>
        resolve(response.statusCode === 200 && body.includes('<script')),
      );
      response.on('error', () => resolve(false));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/**
 * Starts `ember serve` (development build, no live reload) on a free port of
 * 127.0.0.1 and resolves once it serves the app's index.html.
 * Returns { baseUrl, stop() }; stop() kills the server's whole process group.
 */
export async function startServer({
  timeoutMs = SERVER_START_TIMEOUT_MS,
} = {}) {
  const port = await freePort();
  const outputPath = mkdtempSync(join(tmpdir(), 'e2e-dist-'));
  const baseUrl = `http://127.0.0.1:${port}/`;
  const emberBin = join(ROOT, 'node_modules', 'ember-cli', 'bin', 'ember');
  const verbose = Boolean(process.env.E2E_VERBOSE);

  // The guard runs `ember serve` in a process group of its own, and kills that
  // group when our end of its stdin closes: even if this process dies hard.
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'e2e', 'support', 'serve-guard.mjs'),
      process.execPath,
      emberBin,
      'serve',
      '--environment=development',
      `--port=${port}`,
      '--host=127.0.0.1',
      '--live-reload=false',
      `--output-path=${outputPath}`,
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CI: 'true', SERVE_GUARD_CLEANUP: outputPath },
    },
  );

  let output = '';
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-20000);
    if (verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  let exited = false;
  const exitedPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = true;
      resolve({ code, signal });
    }),
  );

  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const killOnExit = () => killGroup('SIGKILL');
  process.on('exit', killOnExit);

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      killGroup('SIGTERM');
      const timedOut = await Promise.race([
        exitedPromise.then(() => false),
        sleep(10000).then(() => true),
      ]);
      if (timedOut) killGroup('SIGKILL');
    }
    // The guard has gone: make sure nothing of its group survives it.
    killGroup('SIGKILL');
    process.off('exit', killOnExit);
    child.stdin.destroy();
    rmSync(outputPath, { recursive: true, force: true });
  }

  const deadline = Date.now() + timeoutMs;
  try {
    while (!(await isServing(baseUrl))) {
      if (exited) {
        throw new Error(`ember serve exited before serving:\n${output}`);
      }
      if (Date.now() > deadline) {
        throw new Error(
          `ember serve did not serve ${baseUrl} within ${timeoutMs} ms:\n${output}`,
        );
      }
      await sleep(500);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return { baseUrl, stop, output: () => output };
}

/** Launches the installed Chrome/Chromium headless. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    args: BROWSER_ARGS,
  });
}

/**
 * Starts (or, with E2E_BASE_URL set, reuses) the app server and launches the
 * browser. Resolves to { baseUrl, url(path), browser, newPage(), close() }.
 * newPage() returns a page in a fresh browser context that records the page's
 * uncaught errors in page.errors; close() closes everything it started.
 */
export async function startE2E() {
  let server = null;
  let browser = null;
  async function close() {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
  try {
    let baseUrl = process.env.E2E_BASE_URL;
    if (!baseUrl) {
      server = await startServer();
      baseUrl = server.baseUrl;
    }
    browser = await launchBrowser();
    return {
      baseUrl,
      browser,
      url: (path = '/') => new URL(path, baseUrl).href,
      async newPage() {
        const context = await browser.newContext();
        const page = await context.newPage();
        page.errors = [];
        page.on('pageerror', (error) => page.errors.push(error));
        return page;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
