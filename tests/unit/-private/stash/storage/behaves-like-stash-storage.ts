import { test } from 'qunit';
import type { StashStorage } from 'ember-process-manager/-private/stash/storage/base';

/** The behaviour every stash storage shares; each implementation's test runs it. */
export function behavesLikeStashStorage(make: () => StashStorage): void {
  test('reads nothing when nothing was written', function (assert) {
    assert.strictEqual(make().read(), undefined);
  });

  test('reads back what was written, as JSON', function (assert) {
    const storage = make();
    storage.write({
      version: 1,
      list: [1, 'two', { three: true }],
      gone: undefined,
    });
    assert.deepEqual(JSON.parse(storage.read()!), {
      version: 1,
      list: [1, 'two', { three: true }],
    });
  });

  test('a new storage object on the same store sees the last write', function (assert) {
    make().write({ version: 1, n: 1 });
    const second = make();
    assert.deepEqual(JSON.parse(second.read()!), { version: 1, n: 1 });
    second.write({ version: 1, n: 2 });
    assert.deepEqual(JSON.parse(make().read()!), { version: 1, n: 2 });
  });

  test('clear forgets the stash', function (assert) {
    const storage = make();
    storage.write({ version: 1 });
    storage.clear();
    assert.strictEqual(make().read(), undefined);
  });
}
