// `npm run bench`: builds the demo app for production, serves it, runs the
// benchmark page (/bench, tests/dummy/app/bench/) in headless Chromium and
// prints one Markdown table of medians, each timing beside the floor measured
// in the same run and the same page.
//
//   npm run bench                       # the full benchmark (several minutes)
//   npm run bench -- --smoke            # one run at small sizes: checks that every measure produces a number
//   npm run bench -- --runs=7           # more runs per measure
//   npm run bench -- --dist=<dir>       # reuse a production build of the demo app
//   npm run bench -- --json=<file>      # also write every sample
//
// The smoke run (part of `npm test`) fails only when a measure produced no
// number; it never judges a timing.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, ROOT, findBrowser } from '../e2e/support/app.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const hit = args.find(
    (arg) => arg === `--${name}` || arg.startsWith(`--${name}=`),
  );
  if (!hit) return undefined;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
const unknown = args.filter(
  (arg) => !/^--(smoke|runs|dist|json|verbose)(=|$)/.test(arg),
);
if (unknown.length > 0)
  throw new Error(`bench: unknown option(s) ${unknown.join(' ')}`);

const SMOKE = option('smoke') === true;
const VERBOSE = option('verbose') === true;
const RUNS = Number(option('runs') ?? (SMOKE ? 1 : 5));
const CHURN_RUNS = SMOKE ? 1 : 3;
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error('bench: --runs takes a positive integer');

// The sizes the issue names; the smoke run divides them by 25.
const size = (n) => (SMOKE ? Math.max(2, Math.round(n / 25)) : n);
const N = {
  open: size(1000),
  openSmall: size(250),
  restore: size(500),
  restoreSmall: size(250),
  restoreLarge: size(1000),
  boot200: size(200),
  boot500: size(500),
  status: size(500),
};
const STATUS_CHANGES = SMOKE ? 2 : 5;
const CHURN_OPS = SMOKE ? 200 : 10_000;
const CHURN_WARMUP_OPS = SMOKE ? 50 : 1_000;

const BENCH_BROWSER_ARGS = [
  ...BROWSER_ARGS,
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];
const log = (message) => console.error(`# bench: ${message}`);

// --- build and serve --------------------------------------------------------

function build(outputPath) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'ember-cli', 'bin', 'ember'),
        'build',
        '--environment=production',
        `--output-path=${outputPath}`,
      ],
      {
        cwd: ROOT,
        // The demo's in-page backend: no server/ needed, no network noise.
        env: { ...process.env, DEMO_BACKEND: 'memory', CI: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const collect = (chunk) => {
      output = (output + chunk).slice(-20_000);
      if (VERBOSE) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`ember build failed (${code}):\n${output}`)),
    );
  });
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** A page of the app's origin without the app: sessionStorage is set up there before a load. */
const BLANK_PAGE = `<!doctype html><title>blank</title><script>
  window.__setStash = (key, value) => {
    sessionStorage.clear();
    if (key && value !== undefined) sessionStorage.setItem(key, value);
  };
</script>`;

/** A static server for the build, with the history fallback, and a blank page of the same origin. */
function serve(root) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname === '/__blank') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(BLANK_PAGE);
      return;
    }
    let path = normalize(join(root, decodeURIComponent(pathname)));
    if (path !== root && !path.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    if (!existsSync(path) || statSync(path).isDirectory())
      path = join(root, 'index.html');
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    response.writeHead(200, {
      'content-type': type,
      // Fingerprinted assets come from the cache on reloads, as in production.
      'cache-control': type.startsWith('text/html')
        ? 'no-store'
        : 'max-age=3600',
    });
    response.end(readFileSync(path));
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: (path) => `http://127.0.0.1:${port}${path}`,
        close: () => server.close(),
      });
    });
  });
}

// --- statistics -------------------------------------------------------------

function median(values) {
  const numbers = values.filter(
    (v) => typeof v === 'number' && Number.isFinite(v),
  );
  if (numbers.length === 0) return NaN;
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of per-run ratios (each pair measured in the same round). */
const pairedRatio = (as, bs) => median(as.map((a, i) => a / bs[i]));

// --- the page ---------------------------------------------------------------

async function openBenchPage(context, url, errors) {
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    if (VERBOSE) console.error(`[page] ${message.type()}: ${message.text()}`);
  });
  return page;
}

async function loadBench(page, url, { stashKey, stash } = {}) {
  await page.goto(url('/__blank'));
  await page.evaluate(
    ([key, value]) => globalThis.__setStash(key, value),
    [stashKey, stash],
  );
}

async function benchPage(page, url) {
  await loadBench(page, url);
  await page.goto(url('/bench'));
  await page.waitForFunction(() => globalThis.__bench !== undefined, null, {
    timeout: 60_000,
  });
}

const call = (page, name, ...params) =>
  page.evaluate(
    ([name, params]) => globalThis.__bench[name](...params),
    [name, params],
  );

/** One page load with a stash of n processes: restore() to the painted tab bar. */
async function bootLoad(page, url, stashKey, n, stash) {
  await loadBench(page, url, { stashKey, stash: n > 0 ? stash : undefined });
  await page.goto(url(`/bench?boot=${n}`));
  await page.waitForFunction(
    () => {
      const boot = globalThis.__benchBoot;
      return (
        boot &&
        (boot.error ||
          (boot.paintMs !== undefined && boot.restoreMs !== undefined))
      );
    },
    null,
    { timeout: 120_000, polling: 250 },
  );
  const result = await page.evaluate(() => globalThis.__benchBoot);
  if (result.error) throw new Error(`boot with ${n}: ${result.error}`);
  return result;
}

async function heapUsed(cdp) {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

// --- the run ----------------------------------------------------------------

async function measure(browser, url) {
  const errors = [];
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
  });
  await context.addInitScript({ path: join(ROOT, 'bench', 'page-init.js') });
  const page = await openBenchPage(context, url, errors);
  const r = {
    selfTest: null,
    open: { manager: {}, floor: {}, plain: {}, naive: {} },
    restore: { manager: {}, floor: {}, parse: {}, plain: {}, naive: {} },
    boot: {},
    status: { ms: [], outside: [], inside: [], outsideExamples: [] },
    churn: [],
    errors,
  };
  const push = (object, key, value) => (object[key] ??= []).push(value);

  // In-page measures, on one page load.
  log('in-page measures');
  await benchPage(page, url);
  r.selfTest = await call(page, 'selfTest');
  const stashKey = await page.evaluate(() => globalThis.__bench.stashKey);
  const stashes = {};
  for (const n of new Set([
    N.restoreSmall,
    N.restore,
    N.restoreLarge,
    N.boot200,
    N.boot500,
  ])) {
    stashes[n] = await call(page, 'captureStash', n);
  }
  // Warm-up: the code runs once before anything is timed.
  await call(page, 'openManager', N.open);
  await call(page, 'floor', N.open);
  await call(page, 'naiveOpen', N.openSmall);
  await call(page, 'restoreManager', stashes[N.restore]);
  await call(page, 'naiveRestore', stashes[N.restoreSmall]);

  for (let round = 0; round < RUNS; round++) {
    log(`in-page round ${round + 1}/${RUNS}`);
    for (const n of [N.openSmall, N.open]) {
      // Alternate the order, so that neither side always runs first.
      const first = round % 2 === 0;
      if (first) push(r.open.floor, n, await call(page, 'floor', n));
      push(r.open.manager, n, await call(page, 'openManager', n));
      if (!first) push(r.open.floor, n, await call(page, 'floor', n));
      push(r.open.plain, n, await call(page, 'plainOpen', n));
      push(r.open.naive, n, await call(page, 'naiveOpen', n));
    }
    for (const n of [N.restoreSmall, N.restore, N.restoreLarge]) {
      const first = round % 2 === 0;
      if (first) push(r.restore.floor, n, await call(page, 'floor', n));
      push(
        r.restore.manager,
        n,
        await call(page, 'restoreManager', stashes[n]),
      );
      if (!first) push(r.restore.floor, n, await call(page, 'floor', n));
      push(r.restore.parse, n, await call(page, 'parse', stashes[n]));
      push(r.restore.plain, n, await call(page, 'plainRestore', stashes[n]));
      push(r.restore.naive, n, await call(page, 'naiveRestore', stashes[n]));
    }
    const status = await call(page, 'statusChange', N.status, STATUS_CHANGES);
    for (const key of ['ms', 'outside', 'inside', 'outsideExamples'])
      r.status[key].push(...status[key]);
  }

  // Restore on boot: fresh page loads, the sizes interleaved.
  const bootSizes = [0, N.boot200, N.restoreSmall, N.boot500, N.restoreLarge];
  for (let round = 0; round < RUNS; round++) {
    log(`boot round ${round + 1}/${RUNS}`);
    const order = round % 2 === 0 ? bootSizes : [...bootSizes].reverse();
    for (const n of order)
      push(r.boot, n, await bootLoad(page, url, stashKey, n, stashes[n]));
  }

  // Churn and the heap: a fresh page, the heap through the DevTools protocol.
  log('churn');
  await benchPage(page, url);
  const cdp = await context.newCDPSession(page);
  await call(page, 'churn', CHURN_WARMUP_OPS, 7);
  for (let run = 0; run < CHURN_RUNS; run++) {
    const before = await heapUsed(cdp);
    const churn = await call(page, 'churn', CHURN_OPS, 42 + run);
    const after = await heapUsed(cdp);
    r.churn.push({ ...churn, heapBefore: before, heapAfter: after });
    log(
      `churn ${run + 1}/${CHURN_RUNS}: ${Math.round(churn.ms)} ms, heap ${before} -> ${after}`,
    );
  }
  await cdp.detach();
  await context.close();
  return r;
}

// --- the table --------------------------------------------------------------

const ms = (value) =>
  Number.isFinite(value)
    ? value < 10
      ? value.toFixed(2)
      : value.toFixed(1)
    : 'n/a';
const times = (value) =>
  Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : '**missed**');

function summarize(r) {
  const rows = [];
  const numbers = []; // every figure, for the smoke check
  const row = (measure, n, value, ratio = '', target = '', ok = undefined) => {
    rows.push([
      measure,
      n === undefined ? '' : String(n),
      value,
      ratio,
      target,
      verdict(ok),
    ]);
  };
  const track = (name, ...values) => {
    for (const value of values) numbers.push([name, value]);
  };

  const { open, restore, boot, status, churn } = r;
  const o = N.open;
  const os = N.openSmall;

  // Open.
  const floorOpen = median(open.floor[o]);
  const plainOpen = median(open.plain[o]);
  const openMs = median(open.manager[o].map((x) => x.ms));
  const openPainted = median(open.manager[o].map((x) => x.msPainted));
  const openRatio = pairedRatio(
    open.manager[o].map((x) => x.ms),
    open.floor[o],
  );
  const writesInLoop = Math.max(
    ...open.manager[o].map((x) => x.writesInLoop ?? NaN),
  );
  const writesAfterReady = Math.max(
    ...open.manager[o].map((x) => x.writesAfterReady ?? NaN),
  );
  const naiveOpen = median(open.naive[o].map((x) => x.ms));
  const naiveOpenWrites = median(open.naive[o].map((x) => x.writes ?? NaN));
  track('open floor', floorOpen, plainOpen);
  track(
    'open',
    openMs,
    openPainted,
    openRatio,
    writesInLoop,
    writesAfterReady,
    naiveOpen,
    naiveOpenWrites,
  );
  row(
    'Framework floor: owner + 1 tracked + destroyable child + 1 task, in one run loop',
    o,
    ms(floorOpen),
    '1.00x',
  );
  row(
    'Plain-JS floor: instances + a Map + one JSON.stringify of an equal stash',
    o,
    ms(plainOpen),
    times(plainOpen / floorOpen),
  );
  row(
    '**Open** in one run loop (background, trivial type): until the stash is written, before render',
    o,
    ms(openMs),
    times(openRatio),
    '<= 2x framework floor',
    openRatio <= 2,
  );
  row(
    'Open: until the tab bar has painted them (for information)',
    o,
    ms(openPainted),
    times(openPainted / floorOpen),
  );
  row(
    'Open: sessionStorage writes in the run loop / after all became ready',
    o,
    `${writesInLoop} / ${writesAfterReady}`,
    '',
    'exactly 1',
    writesInLoop === 1 && writesAfterReady === 1,
  );
  row(
    'Naive open: StorageArray written + tracked array copied on every change',
    o,
    ms(naiveOpen),
    times(
      pairedRatio(
        open.naive[o].map((x) => x.ms),
        open.floor[o],
      ),
    ),
    `(${naiveOpenWrites} writes)`,
  );

  // Restore, warm, in the page.
  const rs = N.restore;
  const floorRestore = (n) =>
    restore.floor[n].map((f, i) => f + restore.parse[n][i]);
  const restoreMs = (n) => restore.manager[n].map((x) => x.restoreMs);
  const restoreFloor = median(floorRestore(rs));
  const restoreMedian = median(restoreMs(rs));
  const restoreRatio = pairedRatio(restoreMs(rs), floorRestore(rs));
  const constructMs = median(restore.manager[rs].map((x) => x.constructMs));
  const restoreWrites = median(restore.manager[rs].map((x) => x.writes ?? NaN));
  const parseMs = median(restore.parse[rs]);
  const plainRestore = median(restore.plain[rs]);
  const naiveRestore = median(restore.naive[rs].map((x) => x.ms));
  const naiveRestoreWrites = median(
    restore.naive[rs].map((x) => x.writes ?? NaN),
  );
  track(
    'restore',
    restoreFloor,
    restoreMedian,
    restoreRatio,
    constructMs,
    restoreWrites,
    parseMs,
    plainRestore,
    naiveRestore,
    naiveRestoreWrites,
  );
  row(
    'Restore floor: framework floor + one JSON.parse of the stash',
    rs,
    ms(restoreFloor),
    '1.00x',
    `(JSON.parse ${ms(parseMs)} ms)`,
  );
  row(
    'Plain-JS floor: one JSON.parse + instances + a Map',
    rs,
    ms(plainRestore),
    times(plainRestore / restoreFloor),
  );
  row(
    '**Restore**: restore() until it resolves (new service instance, warm)',
    rs,
    ms(restoreMedian),
    times(restoreRatio),
    '<= 2x restore floor',
    restoreRatio <= 2,
  );
  row(
    'Restore: creating the service before it (ember-local-storage reads the stash)',
    rs,
    ms(constructMs),
    times(constructMs / restoreFloor),
    `(${restoreWrites} write)`,
  );
  row(
    'Naive restore: from a StorageArray, written + tracked array copied per process',
    rs,
    ms(naiveRestore),
    times(
      pairedRatio(
        restore.naive[rs].map((x) => x.ms),
        floorRestore(rs),
      ),
    ),
    `(${naiveRestoreWrites} writes)`,
  );

  // Restore on boot, to the painted tab bar.
  const paint = (n) => boot[n].map((x) => x.paintMs);
  const empty = paint(0);
  const emptyMs = median(empty);
  const bootRestore = median(boot[rs].map((x) => x.restoreMs));
  const bootWrites = Math.max(...boot[rs].map((x) => x.writes ?? NaN));
  const busy = Math.min(
    ...[N.boot200, rs].flatMap((n) => boot[n].map((x) => x.busy)),
  );
  track('boot', emptyMs, bootRestore, bootWrites, busy);
  row(
    'Boot: restore() to the painted tab bar, empty stash',
    0,
    ms(emptyMs),
    '1.00x',
  );
  for (const [n, limit] of [
    [N.boot200, 2],
    [N.restoreSmall, undefined],
    [rs, 4],
    [N.restoreLarge, undefined],
  ]) {
    const ratio = pairedRatio(paint(n), empty);
    track(`boot ${n}`, median(paint(n)), ratio);
    row(
      `${limit ? '**Boot**' : 'Boot'}: restore() to the painted tab bar, restore tasks running`,
      n,
      ms(median(paint(n))),
      times(ratio),
      limit ? `<= ${limit}x empty` : '',
      limit ? ratio <= limit : undefined,
    );
  }
  row(
    'Boot: restore() until it resolves, first page load (cold; for information)',
    rs,
    ms(bootRestore),
    times(bootRestore / restoreFloor),
    `(${bootWrites} write; ${busy} tabs busy at least)`,
  );

  // Growth: 4x the processes.
  const rl = N.restoreLarge;
  const rsm = N.restoreSmall;
  const growthOpen = pairedRatio(
    open.manager[o].map((x) => x.ms),
    open.manager[os].map((x) => x.ms),
  );
  const growthOpenFloor = pairedRatio(open.floor[o], open.floor[os]);
  const growthRestore = pairedRatio(restoreMs(rl), restoreMs(rsm));
  const growthRestoreFloor = pairedRatio(floorRestore(rl), floorRestore(rsm));
  const netPaint = (n) => paint(n).map((p, i) => p - empty[i]);
  const growthPaint = pairedRatio(netPaint(rl), netPaint(rsm));
  const growthPaintRaw = pairedRatio(paint(rl), paint(rsm));
  const growthNaiveOpen = pairedRatio(
    open.naive[o].map((x) => x.ms),
    open.naive[os].map((x) => x.ms),
  );
  const growthNaiveRestore = pairedRatio(
    restore.naive[rl].map((x) => x.ms),
    restore.naive[rsm].map((x) => x.ms),
  );
  track(
    'growth',
    growthOpen,
    growthOpenFloor,
    growthRestore,
    growthRestoreFloor,
    growthPaint,
    growthPaintRaw,
    growthNaiveOpen,
    growthNaiveRestore,
  );
  row(
    `**Growth**, open ${os} -> ${o} (framework floor: ${times(growthOpenFloor)})`,
    `${os}/${o}`,
    `${ms(median(open.manager[os].map((x) => x.ms)))} / ${ms(openMs)}`,
    times(growthOpen),
    '<= 4.4x',
    growthOpen <= 4.4,
  );
  row(
    `**Growth**, restore() ${rsm} -> ${rl} (floor: ${times(growthRestoreFloor)})`,
    `${rsm}/${rl}`,
    `${ms(median(restoreMs(rsm)))} / ${ms(median(restoreMs(rl)))}`,
    times(growthRestore),
    '<= 4.4x',
    growthRestore <= 4.4,
  );
  row(
    `**Growth**, boot to painted tab bar ${rsm} -> ${rl}, beyond the empty stash (raw: ${times(growthPaintRaw)})`,
    `${rsm}/${rl}`,
    `${ms(median(netPaint(rsm)))} / ${ms(median(netPaint(rl)))}`,
    times(growthPaint),
    '<= 4.4x',
    growthPaint <= 4.4,
  );
  row(
    `Growth of the naive way: open ${os} -> ${o} / restore ${rsm} -> ${rl}`,
    `${os}/${o}`,
    '',
    `${times(growthNaiveOpen)} / ${times(growthNaiveRestore)}`,
  );

  // One status change among n rendered tabs.
  const statusMs = median(status.ms);
  const outside = Math.max(...status.outside);
  track('status', statusMs, outside, median(status.inside));
  row(
    `**Status change** of one tab among ${N.status}: DOM mutations outside that tab (MutationObserver)`,
    N.status,
    `${outside} (inside: ${median(status.inside)})`,
    '',
    '0',
    outside === 0,
  );
  row(
    `**Status change**: to re-rendered (${status.ms.length} changes)`,
    N.status,
    ms(statusMs),
    times(statusMs / 16),
    '< 16 ms',
    statusMs < 16,
  );

  // Churn.
  const heapGrowth = median(churn.map((c) => c.heapAfter / c.heapBefore - 1));
  const perProcess = Math.max(...churn.flatMap((c) => c.bytesPerProcess));
  const churnMs = median(churn.map((c) => c.ms));
  const c0 = churn[0];
  track('churn', heapGrowth, perProcess, churnMs, c0?.entryOverhead);
  row(
    `**Churn**: ${CHURN_OPS} random open/close/activate, then closeAll(): JS heap after GC vs before`,
    `<= ${c0?.maxOpen}`,
    `${(median(churn.map((c) => c.heapBefore)) / 1e6).toFixed(2)} -> ${(median(churn.map((c) => c.heapAfter)) / 1e6).toFixed(2)} MB`,
    `${heapGrowth >= 0 ? '+' : ''}${(heapGrowth * 100).toFixed(2)}%`,
    '<= 5%',
    Math.abs(heapGrowth) <= 0.05,
  );
  row(
    `**Stash** bytes per process without data (max over the churn; e.g. \`${c0?.entryExample}\`, ${c0?.entryOverhead} bytes of format)`,
    '',
    `${perProcess.toFixed(1)} B`,
    '',
    '<= 160 B',
    perProcess <= 160,
  );
  row(
    `Churn: the whole run (${c0?.opens} opens, ${c0?.closes} closes, ${c0?.activations} activations, one run loop each)`,
    '',
    ms(churnMs),
    '',
    `(${median(churn.map((c) => c.writes ?? NaN))} writes)`,
  );

  return { rows, numbers };
}

function table(rows) {
  const header = ['Measure', 'N', 'Median (ms)', 'Ratio', 'Target', 'Result'];
  const escape = (cell) => cell.replaceAll('|', '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((h, i) => (i === 0 ? '---' : '--:')).join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.map(escape).join(' | ')} |`),
  ].join('\n');
}

function machine(browserVersion) {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    const model = readFileSync('/proc/cpuinfo', 'utf8').match(
      /^model name\s*:\s*(.+)$/m,
    );
    if (model) cpu = model[1].trim();
  } catch {
    // not Linux
  }
  let cores = cpus().length;
  try {
    cores = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    // no nproc
  }
  return `${cores} cores (\`nproc\`), ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Chromium ${browserVersion} headless, Node ${process.version}`;
}

// --- main -------------------------------------------------------------------

async function main() {
  let dist = option('dist');
  let built;
  if (typeof dist !== 'string') {
    built = mkdtempSync(join(tmpdir(), 'bench-dist-'));
    dist = built;
    const started = Date.now();
    log('building the demo app for production...');
    await build(dist);
    log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const server = await serve(normalize(dist));
  const browser = await chromium.launch({
    executablePath: findBrowser(),
    headless: true,
    args: BENCH_BROWSER_ARGS,
  });
  try {
    const started = Date.now();
    const results = await measure(browser, server.url);
    const { rows, numbers } = summarize(results);
    const head = `${SMOKE ? 'Smoke run (small sizes, 1 run: not figures to read)' : `Medians of ${RUNS} runs (churn: ${CHURN_RUNS})`}, ${new Date().toISOString().slice(0, 10)}; ${machine(browser.version())}.`;
    console.log(`${head}\n\n${table(rows)}\n`);
    log(`measured in ${Math.round((Date.now() - started) / 1000)} s`);
    const json = option('json');
    if (typeof json === 'string')
      writeFileSync(json, JSON.stringify({ N, results }, null, 2));

    const problems = [];
    for (const [name, value] of numbers) {
      if (typeof value !== 'number' || !Number.isFinite(value))
        problems.push(`${name}: no number (${value})`);
    }
    if (results.selfTest.assignment !== 1 || results.selfTest.setItem !== 1) {
      problems.push(
        `the sessionStorage write counter is off: ${JSON.stringify(results.selfTest)}`,
      );
    }
    if (results.errors.length > 0)
      problems.push(`errors in the page:\n  ${results.errors.join('\n  ')}`);
    if (problems.length > 0) {
      console.error(
        `bench: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`,
      );
      process.exitCode = 1;
    } else if (SMOKE) {
      console.log('bench smoke: every measure produced a number');
    }
  } finally {
    await browser.close();
    server.close();
    if (built) rmSync(built, { recursive: true, force: true });
  }
}

await main();
