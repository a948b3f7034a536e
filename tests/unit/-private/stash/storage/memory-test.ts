import { module, test } from 'qunit';
import MemoryStashStorage from 'ember-process-manager/-private/stash/storage/memory';
import { behavesLikeStashStorage } from './behaves-like-stash-storage';

module('Unit | -private | stash/storage/memory', function (hooks) {
  let store: MemoryStashStorage;
  hooks.beforeEach(() => {
    store = new MemoryStashStorage();
  });

  // One memory object plays one sessionStorage: "a new storage object" is the same one.
  behavesLikeStashStorage(() => store);

  test('counts its writes', function (assert) {
    store.write({ a: 1 });
    store.write({ a: 2 });
    assert.strictEqual(store.writes, 2);
  });
});
