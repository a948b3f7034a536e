import { module, test } from 'qunit';
import fc from 'fast-check';
import { setupTest } from 'dummy/tests/helpers';
import { freshManager, unload } from 'dummy/tests/helpers/fresh-manager';
import { writeStashText } from 'ember-process-manager/test-support';
import { Process } from 'ember-process-manager';
import type { TestContext } from '@ember/test-helpers';

class NoteProcess extends Process {}

/** How many corrupted stashes one run boots from (the issue asks for at least 1,000). */
const RUNS = 1000;

interface Piece {
  text: string;
  /** Set when the piece is an entry that must survive (unless cut off or repeated). */
  valid?: { key: string; title?: string; data?: Record<string, unknown> };
}

const id = fc.string({ minLength: 1, maxLength: 12 });
const type = fc.constantFrom('memo', 'note');
const json = fc.jsonValue({ maxDepth: 2 });

const validEntry = fc
  .record(
    {
      type,
      id,
      title: fc.string({ maxLength: 30 }),
      data: fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 3 }),
    },
    { requiredKeys: ['type', 'id'] },
  )
  .map((entry): Piece => {
    const valid = {
      key: `${entry.type}:${entry.id}`,
      ...(entry.title === undefined ? {} : { title: entry.title }),
      ...(entry.data === undefined
        ? {}
        : {
            data: JSON.parse(JSON.stringify(entry.data)) as Record<
              string,
              unknown
            >,
          }),
    };
    return { text: JSON.stringify(entry), valid };
  });

const badEntry: fc.Arbitrary<Piece> = fc.oneof(
  json.map((value) => ({ text: JSON.stringify(value) ?? 'null' })),
  fc
    .record({
      type: fc.constantFrom(
        '',
        'Search',
        '1x',
        'gone',
        '__proto__',
        'constructor',
        'to-string',
        'a b',
      ),
      id,
    })
    .map((entry) => ({ text: JSON.stringify(entry) })),
  fc
    .record({ type, id: fc.constantFrom('', 'x'.repeat(257)) })
    .map((entry) => ({ text: JSON.stringify(entry) })),
  fc
    .record({ type, id, title: fc.integer() })
    .map((entry) => ({ text: JSON.stringify(entry) })),
  fc
    .record({ type, id, data: fc.array(json) })
    .map((entry) => ({ text: JSON.stringify(entry) })),
  fc.constant({
    text: `{"type":"memo","id":"huge","data":{"blob":"${'x'.repeat(600 * 1024)}"}}`,
  }),
  // Stored __proto__ keys are data like any other: these entries are valid.
  fc.constant({
    text: '{"__proto__":{"polluted":true},"type":"memo","id":"proto"}',
    valid: { key: 'memo:proto' },
  }),
  fc.constant({
    text: '{"type":"memo","id":"deep","data":{"__proto__":{"polluted":true}}}',
    valid: {
      key: 'memo:deep',
      data: JSON.parse('{"__proto__":{"polluted":true}}') as Record<
        string,
        unknown
      >,
    },
  }),
  fc.constant({
    text: '{"type":"constructor","id":"prototype","data":{"polluted":true}}',
  }),
);

const stash = fc.record({
  version: fc.oneof(
    { arbitrary: fc.constant<unknown>(1), weight: 12 },
    {
      arbitrary: fc.constantFrom<unknown>(2, 0, '1', null, undefined),
      weight: 1,
    },
  ),
  pieces: fc.array(fc.oneof(validEntry, badEntry), {
    maxLength: 12,
    size: 'medium',
  }),
  activeIndex: fc.nat({ max: 12 }),
  cut: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.double({ min: 0, max: 1, noNaN: true }), weight: 1 },
  ),
  garbage: fc.oneof(
    { arbitrary: fc.constant(null), weight: 12 },
    {
      arbitrary: fc.constantFrom(
        '',
        'null',
        '[]',
        '"text"',
        '{',
        'undefined',
        '{"version":1}',
      ),
      weight: 1,
    },
  ),
});

module('Unit | Service | process-manager | a fuzzed stash', function (hooks) {
  setupTest(hooks);

  hooks.beforeEach(function (this: TestContext) {
    this.owner.register('process:note', NoteProcess);
    this.owner.register(
      'process:memo',
      class MemoProcess extends NoteProcess {},
    );
  });

  test(`${RUNS} corrupted stashes: each boots, keeps its valid entries, touches no prototype`, async function (assert) {
    const owner = this.owner;
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
    let booted = 0;
    let survivors = 0;
    let expectedSurvivors = 0;

    await fc.assert(
      fc.asyncProperty(
        stash,
        async ({ version, pieces, activeIndex, cut, garbage }) => {
          // The text as a page would have left it, with each entry's end offset.
          let text = `{${version === undefined ? '' : `"version":${JSON.stringify(version)},`}"active":${JSON.stringify(
            pieces[activeIndex]?.valid?.key ?? null,
          )},"processes":[`;
          const ends: number[] = [];
          pieces.forEach((piece, i) => {
            text += (i ? ',' : '') + piece.text;
            ends.push(text.length);
          });
          text += ']}';
          const cutAt =
            cut === null ? text.length : Math.floor(cut * text.length);
          const stored = garbage ?? text.slice(0, cutAt);
          writeStashText(stored);

          const versionOk =
            Number.isInteger(version) && (version as number) >= 1;
          const expected: Piece['valid'][] = [];
          const seen = new Set<string>();
          if (garbage === null && versionOk) {
            pieces.forEach((piece, i) => {
              if (ends[i]! > cutAt || !piece.text.startsWith('{')) return;
              const key = piece.valid?.key;
              if (key && seen.has(key)) return;
              if (key) seen.add(key);
              if (piece.valid) expected.push(piece.valid);
            });
          }

          expectedSurvivors += expected.length;
          const manager = freshManager(owner);
          let warnings = 0;
          manager.warn = () => void warnings++;
          try {
            await manager.restore();
            booted++;
            survivors += manager.processes.length;
            if (warnings > 1) throw new Error(`warned ${warnings} times`);
            const got = manager.processes.map((p) => ({
              key: p.key,
              title: p.title,
              data: JSON.parse(JSON.stringify(p.data)) as unknown,
            }));
            const want = expected.map((e) => ({
              key: e!.key,
              title: e!.title ?? e!.key.replace(':', ' '),
              data: e!.data ?? {},
            }));
            if (JSON.stringify(got) !== JSON.stringify(want)) {
              throw new Error(
                `survivors differ:\n got ${JSON.stringify(got)}\nwant ${JSON.stringify(want)}`,
              );
            }
            if (
              Object.getOwnPropertyNames(Object.prototype).join() !==
              prototypeKeys
            ) {
              throw new Error('Object.prototype changed');
            }
            if (({} as Record<string, unknown>)['polluted'] !== undefined)
              throw new Error('polluted');
            for (const process of manager.processes) {
              if (!(process instanceof Process))
                throw new Error('only Process subclasses may be created');
            }
          } finally {
            unload(manager);
          }
        },
      ),
      { numRuns: RUNS, includeErrorInReport: true },
    );

    assert.strictEqual(booted, RUNS, `every one of ${RUNS} stashes booted`);
    assert.strictEqual(
      survivors,
      expectedSurvivors,
      `all ${expectedSurvivors} valid entries survived`,
    );
    assert.true(
      expectedSurvivors >= RUNS,
      `the fuzz made valid entries too (${expectedSurvivors})`,
    );
  });
});
