import { module, test } from 'qunit';
import {
  parseStash,
  STASH_VERSION,
} from 'ember-process-manager/-private/stash/format';

const known = (type: string) => type === 'conversation' || type === 'user';

module('Unit | -private | stash/format', function () {
  test('reads a valid stash in order, with titles and data', function (assert) {
    const parsed = parseStash(
      {
        version: STASH_VERSION,
        active: 'user:2',
        processes: [
          {
            type: 'conversation',
            id: '1',
            title: 'One',
            data: { draft: 'hi' },
          },
          { type: 'user', id: '2' },
        ],
      },
      known,
    );
    assert.deepEqual(parsed, {
      active: 'user:2',
      processes: [
        { type: 'conversation', id: '1', title: 'One', data: { draft: 'hi' } },
        { type: 'user', id: '2' },
      ],
      problems: [],
    });
  });

  test('nothing stored is an empty stash, not a problem', function (assert) {
    assert.deepEqual(parseStash(undefined, known), {
      active: null,
      processes: [],
      problems: [],
    });
  });

  test('a bad entry costs that entry alone, and is named', function (assert) {
    const parsed = parseStash(
      {
        version: STASH_VERSION,
        active: 'conversation:9',
        processes: [
          { type: 'conversation', id: '1' },
          { type: 'Bad Type', id: '2' },
          { type: 'conversation', id: '' },
          { type: 'unknown', id: '3' },
          'not an object',
          { type: 'conversation', id: '1' },
          { type: 'conversation', id: '4', data: [1] },
          { type: 'conversation', id: '5', title: 7 },
          { type: 'user', id: '6' },
        ],
      },
      known,
    );
    assert.deepEqual(
      parsed.processes.map((p) => `${p.type}:${p.id}`),
      ['conversation:1', 'user:6'],
    );
    assert.strictEqual(parsed.problems.length, 7);
    assert.true(
      parsed.problems[2]!.includes(
        '"unknown" is not a registered process type',
      ),
    );
    assert.strictEqual(
      parsed.active,
      null,
      'an active key that was not restored is dropped',
    );
  });

  test('a stash of another version or shape is dropped whole and reported', function (assert) {
    assert.strictEqual(
      parseStash({ version: 99, active: null, processes: [] }, known).problems
        .length,
      1,
    );
    assert.strictEqual(parseStash([], known).problems.length, 1);
    assert.strictEqual(parseStash('text', known).problems.length, 1);
  });

  test('a stored __proto__ key stays data and never reaches a prototype', function (assert) {
    const raw = JSON.parse(
      `{"version":${STASH_VERSION},"active":null,"processes":[{"type":"user","id":"1","data":{"__proto__":{"polluted":true},"nested":{"__proto__":{"polluted":true}}}}]}`,
    ) as unknown;
    const parsed = parseStash(raw, known);
    const data = parsed.processes[0]!.data!;
    assert.strictEqual(
      ({} as Record<string, unknown>)['polluted'],
      undefined,
      'Object.prototype untouched',
    );
    assert.strictEqual(Object.getPrototypeOf(data), Object.prototype);
    assert.true(Object.hasOwn(data, '__proto__'), 'kept as an own property');
    assert.strictEqual(
      (data as Record<string, unknown>)['polluted'],
      undefined,
    );
  });
});
