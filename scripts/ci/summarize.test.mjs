import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse, report } from './summarize.mjs';

const summarize = (text) => report(parse(text));
const lines = (...parts) => parts.join('\n');
const begin = (name) => `\n##[ci-step] begin ${name}`;
const end = (name, exit) => `\n##[ci-step] end ${name} exit=${exit} seconds=1`;

const testemTap = (pass, fail) =>
  lines(
    'ok 1 - Chromium 156.0 - [1 ms] - x',
    '1..2',
    '# tests 2',
    `# pass  ${pass}`,
    '# skip  0',
    '# todo  0',
    `# fail  ${fail}`,
  );

const nodeTap = (pass, fail) =>
  lines(
    'TAP version 13',
    '# tests 1',
    '# suites 0',
    `# pass ${pass}`,
    `# fail ${fail}`,
    '# cancelled 0',
    '# skipped 0',
  );

test('sums testem and node TAP, counts each lint step as one', () => {
  const { total, lines: out } = summarize(
    lines(
      begin('test'),
      begin('lint:js'),
      end('lint:js', 0),
      begin('lint:types'),
      'error TS2322: nope',
      end('lint:types', 2),
      begin('test:ember'),
      testemTap(24, 1),
      end('test:ember', 1),
      begin('test:e2e'),
      nodeTap(3, 0),
      end('test:e2e', 0),
      end('test', 1),
    ),
  );
  assert.deepEqual(total, { pass: 28, fail: 2 });
  assert.equal(out.at(-1), '28 passed, 2 failed');
});

test('sums every ember-try scenario, and a failed install counts as a failure', () => {
  const { total } = summarize(
    lines(
      begin('test:compat'),
      '=== Scenario: ember-lts-5.12 ===',
      testemTap(10, 0),
      '=== Scenario: ember-lts-6.8 ===',
      'npm error ERESOLVE could not resolve',
      '=== Scenario: ember-7.3 ===',
      testemTap(10, 0),
      end('test:compat', 1),
    ),
  );
  assert.deepEqual(total, { pass: 20, fail: 1 });
});

test("a step's plain `N passed, N failed` line wins over its TAP lines", () => {
  const { total } = summarize(
    lines(
      begin('test:host'),
      testemTap(5, 0),
      '7 passed, 1 failed',
      end('test:host', 1),
    ),
  );
  assert.deepEqual(total, { pass: 7, fail: 1 });
});

test('a missing script, a step that never ended, and cancelled tests fail', () => {
  const { total, lines: out } = summarize(
    lines(
      begin('test:host'),
      'npm error Missing script: "test:host"',
      end('test:host', 1),
      begin('test:e2e'),
      lines('# pass 0', '# fail 0', '# cancelled 2'),
      end('test:e2e', 1),
      begin('test:compat'),
      testemTap(3, 0),
    ),
  );
  assert.deepEqual(total, { pass: 3, fail: 4 });
  assert.match(
    out.join('\n'),
    /test:compat: 3 pass, 1 fail \(did not finish\)/,
  );
});

test('ignores colours and the spec reporter summary', () => {
  const { total } = summarize(
    lines(
      begin('test:e2e'),
      '\x1b[34mℹ pass 2\x1b[39m',
      '\x1b[34mℹ fail 0\x1b[39m',
      end('test:e2e', 0),
    ),
  );
  assert.deepEqual(total, { pass: 2, fail: 0 });
});

test('the command line prints one closing line and exits 1 on failure', () => {
  const script = fileURLToPath(new URL('./summarize.mjs', import.meta.url));
  const run = (input) =>
    spawnSync(process.execPath, [script], { input, encoding: 'utf8' });
  const ok = run(lines(begin('lint:js'), end('lint:js', 0)));
  assert.equal(ok.status, 0);
  assert.equal(ok.stdout.trim().split('\n').at(-1), '1 passed, 0 failed');
  const failed = run(lines(begin('lint:js'), end('lint:js', 1)));
  assert.equal(failed.status, 1);
  assert.equal(failed.stdout.trim().split('\n').at(-1), '0 passed, 1 failed');
});
