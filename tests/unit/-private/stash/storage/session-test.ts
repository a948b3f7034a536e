import { module, test } from 'qunit';
import { setupTest } from 'ember-qunit';
import type { TestContext } from '@ember/test-helpers';
import SessionStashStorage from 'ember-process-manager/-private/stash/storage/session';
import { STASH_KEY } from 'ember-process-manager/-private/stash/storage/base';
import { behavesLikeStashStorage } from './behaves-like-stash-storage';

module('Unit | -private | stash/storage/session', function (hooks) {
  setupTest(hooks);
  let owner: TestContext['owner'];
  hooks.beforeEach(function (this: TestContext) {
    owner = this.owner;
    sessionStorage.removeItem(STASH_KEY);
  });
  hooks.afterEach(() => sessionStorage.removeItem(STASH_KEY));

  behavesLikeStashStorage(() => new SessionStashStorage(owner));

  test('writes through ember-local-storage to sessionStorage, under a key containing process-manager', function (assert) {
    new SessionStashStorage(this.owner).write({ version: 1, n: 1 });
    assert.true(STASH_KEY.includes('process-manager'));
    assert.deepEqual(JSON.parse(sessionStorage.getItem(STASH_KEY)!), {
      stash: { version: 1, n: 1 },
    });
  });

  test('text that is not JSON is reported by read(), removed, and does not stop the next write', function (assert) {
    sessionStorage.setItem(
      STASH_KEY,
      '{"stash": {"version": 1, "processes": [',
    );
    const storage = new SessionStashStorage(this.owner);
    assert.throws(() => storage.read(), /the stored stash cannot be read/);
    assert.false(
      String(sessionStorage.getItem(STASH_KEY)).includes('processes'),
      'the unreadable text is gone',
    );
    assert.strictEqual(
      storage.read(),
      undefined,
      'reported once; then nothing is stored',
    );
    storage.write({ version: 1 });
    assert.deepEqual(storage.read(), { version: 1 });
  });

  test('a stored top-level __proto__ is refused before ember-local-storage merges it', function (assert) {
    sessionStorage.setItem(
      STASH_KEY,
      '{"__proto__": {"polluted": true}, "stash": {"version": 1}}',
    );
    const storage = new SessionStashStorage(this.owner);
    assert.throws(() => storage.read(), /cannot be read/);
    assert.strictEqual(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
