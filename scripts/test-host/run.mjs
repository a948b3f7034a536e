/**
 * `npm run test:host`: tries the packed addon in a brand-new app, as a user
 * would.
 *
 *  1. `npm pack` this addon into a temporary folder (its `prepack` emits the
 *     declarations) and check that the tarball holds code and `.d.ts` files;
 *  2. `ember new host-app --typescript` (ember-cli 7.3: Vite + Embroider),
 *     then `npm install`, then `npm install` of the tarball;
 *  3. copy `fixture/` into the app (a `note` process type in app/processes, a
 *     session route with the mixin, a `note/:id` route, an acceptance test and
 *     a testem config that finds Chrome or Chromium) and add the routes;
 *  4. type-check the app (`npm run lint:types`) against the shipped
 *     declarations;
 *  5. `vite build --mode development` and `testem ci` in headless Chromium;
 *  6. print `N passed, N failed` (the app's QUnit tests, plus one for the type
 *     check) as the last line, and exit non-zero on any failure.
 *
 * Options:
 *   --keep            keep the temporary folder (it is always kept on failure)
 *   --addon DIR       pack the addon in DIR instead of this checkout
 *   --reuse-app DIR   use an app that an earlier --keep run left in DIR:
 *                     skips `ember new` and its install (for quick iterations)
 *   --online          let npm revalidate its cache (default: --prefer-offline)
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fixtureDir = join(here, 'fixture');

const argv = process.argv.slice(2);
function option(name) {
  const i = argv.indexOf(name);
  return i === -1 ? undefined : resolve(argv[i + 1] ?? '');
}
const keep = argv.includes('--keep');
const addonDir = option('--addon') ?? resolve(here, '../..');
const reuseApp = option('--reuse-app');
const npmCacheFlags = argv.includes('--online') ? [] : ['--prefer-offline'];
const npmQuiet = ['--no-audit', '--no-fund', ...npmCacheFlags];

const EMBER_CLI = 'ember-cli@7.3';
const APP_NAME = 'host-app';

// What `npm run` puts in the environment describes this package: keep it out
// of the commands run for the host app.
const env = { ...process.env };
for (const key of Object.keys(env)) {
  if (
    /^npm_(package|lifecycle)_/.test(key) ||
    ['npm_config_local_prefix', 'npm_command', 'INIT_CWD'].includes(key)
  ) {
    delete env[key];
  }
}

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;

function log(message) {
  console.log(`[test:host ${seconds(Date.now() - started)}] ${message}`);
}

// ember-cli 7.3 looks for `ember-cli-build.js` in every parent folder before
// it looks for the app's own `ember-cli-build.mjs` (find-build-file.js), so a
// stray ember-cli-build.js above the app makes it build that one instead. Put
// the app where no parent folder has one.
function strayBuildFile(dir) {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const file = join(d, 'ember-cli-build.js');
    if (existsSync(file)) return file;
    if (dirname(d) === d) return undefined;
  }
}
function workBase() {
  const candidates = [tmpdir(), '/var/tmp', join(homedir(), '.cache')];
  for (const base of candidates) {
    const stray = strayBuildFile(base);
    if (!stray && existsSync(base)) return base;
    if (stray)
      log(`not using ${base}: ${stray} would be built instead of the app`);
  }
  throw new Error(
    `every one of ${candidates} has an ember-cli-build.js above it`,
  );
}

const work = reuseApp
  ? dirname(reuseApp)
  : mkdtempSync(join(workBase(), 'ember-process-manager-host-'));
const appDir = reuseApp ?? join(work, APP_NAME);
const packDir = join(work, 'pack');
const logDir = join(work, 'logs');
mkdirSync(logDir, { recursive: true });

/** Runs a command, its output into logs/<name>.log; resolves to its result. */
function run(name, command, args, { cwd, timeout = 300_000 } = {}) {
  const logFile = join(logDir, `${name}.log`);
  const out = createWriteStream(logFile);
  const t0 = Date.now();
  log(`${name}: ${command} ${args.join(' ')}  (in ${cwd})`);
  return new Promise((done) => {
    let output = '';
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const collect = (chunk) => {
      output += chunk;
      out.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeout);
    const finish = (code) => {
      clearTimeout(timer);
      out.end();
      const ok = code === 0 && !timedOut;
      log(
        `${name}: ${ok ? 'ok' : timedOut ? `timed out after ${seconds(timeout)}` : `exit ${code}`} in ${seconds(Date.now() - t0)}`,
      );
      if (!ok) {
        console.log(`----- last lines of ${logFile} -----`);
        console.log(output.split('\n').slice(-60).join('\n'));
        console.log('-----');
      }
      done({ ok, code, output });
    };
    child.on('error', (error) => {
      collect(String(error));
      finish(-1);
    });
    child.on('close', finish);
  });
}

let passed = 0;
let failed = 0;

function finish(exitCode) {
  if (exitCode === 0 && !keep && !reuseApp) {
    rmSync(work, { recursive: true, force: true });
  } else {
    log(`kept ${work} (logs in ${logDir})`);
  }
  log(`done in ${seconds(Date.now() - started)}`);
  console.log(`${passed} passed, ${failed} failed`);
  // A failed step ends the run here, wherever it is.
  // eslint-disable-next-line n/no-process-exit
  process.exit(exitCode);
}

/** A step that the rest depends on: its failure ends the run. */
async function mustRun(...args) {
  const result = await run(...args);
  if (!result.ok) {
    failed += 1;
    finish(1);
  }
  return result;
}

function fail(message) {
  console.log(`FAIL: ${message}`);
  failed += 1;
  finish(1);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

if (reuseApp && strayBuildFile(dirname(appDir))) {
  fail(
    `${strayBuildFile(dirname(appDir))} would be built instead of ${appDir}`,
  );
}

// 1. Pack the addon ---------------------------------------------------------
rmSync(packDir, { recursive: true, force: true });
mkdirSync(packDir, { recursive: true });
await mustRun('pack', 'npm', ['pack', '--pack-destination', packDir], {
  cwd: addonDir,
  timeout: 180_000,
});
const tarballs = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
if (tarballs.length !== 1) fail(`expected one tarball, found ${tarballs}`);
const tarball = join(packDir, tarballs[0]);

const listing = await mustRun('pack-contents', 'tar', ['-tzf', tarball], {
  cwd: packDir,
});
const packed = listing.output
  .split('\n')
  .map((line) => line.replace(/^package\//, ''));
const required = [
  'index.js',
  'package.json',
  'addon/index.ts',
  'declarations/addon/index.d.ts',
  'declarations/addon/registry.d.ts',
  'declarations/addon/mixins/session-route.d.ts',
  'declarations/addon-test-support/index.d.ts',
];
const missing = required.filter((file) => !packed.includes(file));
if (missing.length > 0) {
  fail(`the tarball lacks ${missing.join(', ')}`);
}
log(
  `${tarballs[0]}: ${packed.filter(Boolean).length} files, ${
    packed.filter((f) => f.endsWith('.d.ts')).length
  } declarations`,
);
if (existsSync(join(addonDir, 'declarations'))) {
  log('warning: declarations/ is still in the addon after `npm pack`');
}

// 2. A new app, and the addon in it ----------------------------------------
if (!reuseApp) {
  await mustRun(
    'ember-new',
    'npx',
    [
      '--yes',
      EMBER_CLI,
      'new',
      APP_NAME,
      '--typescript',
      '--skip-git',
      '--skip-npm',
    ],
    { cwd: work, timeout: 180_000 },
  );
  await mustRun('npm-install', 'npm', ['install', ...npmQuiet], {
    cwd: appDir,
    timeout: 420_000,
  });
}
await mustRun(
  'install-addon',
  'npm',
  ['install', '--save-dev', ...npmQuiet, tarball],
  { cwd: appDir, timeout: 300_000 },
);

// 3. The app's code and tests ----------------------------------------------
for (const file of listFiles(fixtureDir)) {
  const target = join(
    appDir,
    relative(fixtureDir, file).replace(/\.tmpl$/, ''),
  );
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
}
// The generator, as a user runs it: its process type and unit test are
// type-checked and run with the rest below.
await mustRun(
  'generate',
  'npx',
  ['ember', 'generate', 'process', 'sample-thing', '--lint-fix=false'],
  { cwd: appDir, timeout: 180_000 },
);
for (const generated of [
  'app/processes/sample-thing.ts',
  'tests/unit/processes/sample-thing-test.ts',
]) {
  if (!existsSync(join(appDir, generated))) {
    fail(`ember generate process did not create ${generated}`);
  }
}

const routerFile = join(appDir, 'app/router.ts');
const router = readFileSync(routerFile, 'utf8');
const routes = `  // The signed-in part of the app; its children restore the processes first.
  this.route('session', { path: '' }, function () {
    this.route('note', { path: 'note/:id', resetNamespace: true });
  });`;
if (!router.includes("this.route('session'")) {
  const patched = router.replace('  // Add route declarations here', routes);
  if (patched === router) fail(`cannot find where to add routes in ${router}`);
  writeFileSync(routerFile, patched);
}

const versions = {};
for (const name of [
  'ember-source',
  'ember-cli',
  'vite',
  '@embroider/vite',
  '@embroider/compat',
  'typescript',
  '@glint/ember-tsc',
  'ember-concurrency',
  'ember-local-storage',
  'ember-process-manager',
]) {
  try {
    versions[name] = JSON.parse(
      readFileSync(join(appDir, 'node_modules', name, 'package.json'), 'utf8'),
    ).version;
  } catch {
    versions[name] = '?';
  }
}
log(
  Object.entries(versions)
    .map(([name, version]) => `${name}@${version}`)
    .join(' '),
);

// 4. The type check, against the shipped declarations ----------------------
let types = await run('lint-types', 'npm', ['run', 'lint:types'], {
  cwd: appDir,
  timeout: 300_000,
});
if (
  !types.ok &&
  types.output.includes('[glint] failed to patch @volar/typescript')
) {
  // Not this addon's doing: @glint/ember-tsc 1.11.4 (what a new app gets)
  // patches @volar/typescript's source and stops on 2.4.30+, where that code
  // changed, so `lint:types` fails in a new app before it checks anything.
  // Pin what ember-tsc expects, as a user would, and check again.
  log(
    'workaround: ember-tsc cannot start with this @volar/typescript; ' +
      'pinning @volar/typescript 2.4.28 in the app (npm overrides)',
  );
  const packageFile = join(appDir, 'package.json');
  const pkg = JSON.parse(readFileSync(packageFile, 'utf8'));
  pkg.overrides = { ...pkg.overrides, '@volar/typescript': '2.4.28' };
  writeFileSync(packageFile, `${JSON.stringify(pkg, null, 2)}\n`);
  await mustRun('npm-install-volar-pin', 'npm', ['install', ...npmQuiet], {
    cwd: appDir,
    timeout: 300_000,
  });
  types = await run('lint-types-pinned', 'npm', ['run', 'lint:types'], {
    cwd: appDir,
    timeout: 300_000,
  });
}
if (types.ok) passed += 1;
else failed += 1;

// 5. Build and run the tests in the browser --------------------------------
await mustRun('build', 'npx', ['vite', 'build', '--mode', 'development'], {
  cwd: appDir,
  timeout: 420_000,
});
const testem = await run('testem', 'npx', ['testem', 'ci', '--port', '0'], {
  cwd: appDir,
  timeout: 300_000,
});

// 6. Count --------------------------------------------------------------------
const tap = testem.output;
const count = (label) => {
  const match = tap.match(new RegExp(`^# ${label} +(\\d+)\\s*$`, 'm'));
  return match ? Number(match[1]) : undefined;
};
const okLines = tap.match(/^ok \d+/gm)?.length ?? 0;
const notOkLines = tap.match(/^not ok \d+/gm)?.length ?? 0;
const testsPassed = count('pass') ?? okLines;
const testsFailed = count('fail') ?? notOkLines;
for (const line of tap.split('\n')) {
  if (/^(not )?ok \d+/.test(line)) console.log(`  ${line}`);
}
passed += testsPassed;
failed += testsFailed;
if (testsPassed + testsFailed === 0) {
  console.log('FAIL: no host test ran');
  failed += 1;
} else if (!testem.ok && testsFailed === 0) {
  console.log(`FAIL: testem exited with ${testem.code}`);
  failed += 1;
}
if (!types.ok) console.log('FAIL: the type check of the host app failed');

finish(failed === 0 ? 0 : 1);
