// Sums the test counts in a CI log into one line: `N passed, N failed`.
// Usage: node scripts/ci/summarize.mjs <log file>   (or the log on stdin)
//
// What it reads, per step (between the markers of scripts/ci/run-steps.mjs,
// which may nest):
//   - TAP closing lines `# pass N`, `# fail N` (testem's `ember test`, every
//     ember-try scenario's `ember test`, node --test's TAP reporter), and node
//     --test's spec reporter `ℹ pass N`, `ℹ fail N`; `cancelled N` is a failure;
//   - a plain `N passed, N failed` line: when a step prints one, it is that
//     step's own count and its TAP lines are not counted again.
// A step with no count of its own and no sub-steps (a lint, a type check)
// counts as one test, passed when it exited 0. A step that exited non-zero (or
// never ended) without any failure counted in it gets one failure more.
// Prints a line per step, then the total; exits 1 when anything failed.
import { readFileSync } from 'node:fs';

const BEGIN = /##\[ci-step\] begin (\S+)/;
const END = /##\[ci-step\] end (\S+) exit=(-?\d+)/;
const PLAIN = /^(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, \d+ skipped)?\s*$/;
const TAP = /^(?:#|ℹ)\s+(pass|fail|cancelled)\s+(\d+)\s*$/;

function newNode(name, depth) {
  return {
    name,
    depth,
    exit: undefined,
    tap: { pass: 0, fail: 0, seen: false },
    plain: null,
    children: [],
  };
}

export function parse(text) {
  const root = newNode('(log)', 0);
  root.exit = 0;
  const stack = [root];
  // eslint-disable-next-line no-control-regex
  const ansi = /\x1b\[[0-9;]*[A-Za-z]/g;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(ansi, '');
    let match;
    if ((match = BEGIN.exec(line))) {
      const node = newNode(match[1], stack.length);
      stack.at(-1).children.push(node);
      stack.push(node);
    } else if ((match = END.exec(line))) {
      const index = stack.findLastIndex((node) => node.name === match[1]);
      if (index > 0) {
        stack[index].exit = Number(match[2]);
        stack.length = index;
      }
    } else if ((match = PLAIN.exec(line))) {
      stack.at(-1).plain = { pass: Number(match[1]), fail: Number(match[2]) };
    } else if ((match = TAP.exec(line))) {
      const node = stack.at(-1);
      const kind = match[1] === 'pass' ? 'pass' : 'fail';
      node.tap[kind] += Number(match[2]);
      node.tap.seen = true;
    }
  }
  return root;
}

/** Totals of a node and its sub-steps; adds `total` and `note` to each node. */
export function tally(node) {
  let pass = 0;
  let fail = 0;
  let note = '';
  if (node.plain) {
    ({ pass, fail } = node.plain);
  } else if (node.tap.seen) {
    ({ pass, fail } = node.tap);
  }
  const counted = Boolean(node.plain) || node.tap.seen;
  for (const child of node.children) {
    const total = tally(child);
    pass += total.pass;
    fail += total.fail;
  }
  if (node.depth > 0) {
    const ok = node.exit === 0;
    if (!counted && node.children.length === 0) {
      if (ok) pass += 1;
      else fail += 1;
      note = ok ? 'ok' : exitNote(node);
    } else if (!ok && fail === 0) {
      fail += 1;
      note = exitNote(node);
    }
  }
  node.total = { pass, fail };
  node.note = note;
  return node.total;
}

function exitNote(node) {
  return node.exit === undefined ? 'did not finish' : `exited ${node.exit}`;
}

export function report(root) {
  const total = tally(root);
  const lines = [];
  const walk = (node) => {
    if (node.depth > 0) {
      const indent = '  '.repeat(node.depth);
      const note = node.note ? ` (${node.note})` : '';
      lines.push(
        `#${indent}${node.name}: ${node.total.pass} pass, ${node.total.fail} fail${note}`,
      );
    }
    node.children.forEach(walk);
  };
  walk(root);
  lines.push(`${total.pass} passed, ${total.fail} failed`);
  return { total, lines };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const file = process.argv[2];
  const text = readFileSync(file ?? 0, 'utf8');
  const { total, lines } = report(parse(text));
  console.log(lines.join('\n'));
  process.exitCode = total.fail > 0 ? 1 : 0;
}
