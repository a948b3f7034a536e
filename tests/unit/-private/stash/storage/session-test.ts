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

  test('text that is not JSON is handed over once, to be salvaged, and removed from storage', function (assert) {
    const damaged = '{"stash": {"version": 1, "processes": [';
    sessionStorage.setItem(STASH_KEY, damaged);
    const storage = new SessionStashStorage(this.owner);
    assert.strictEqual(storage.read(), damaged, 'the damaged text, as stored');
    assert.false(
      String(sessionStorage.getItem(STASH_KEY)).includes('processes'),
      'gone from storage before ember-local-storage parses it',
    );
    assert.strictEqual(storage.read(), undefined, 'handed over once');
    storage.write({ version: 1 });
    assert.deepEqual(JSON.parse(storage.read()!), { version: 1 });
  });

  test('a stored top-level __proto__ never reaches ember-local-storage', function (assert) {
    const damaged =
      '{"__proto__": {"polluted": true}, "stash": {"version": 1}}';
    sessionStorage.setItem(STASH_KEY, damaged);
    const storage = new SessionStashStorage(this.owner);
    assert.strictEqual(storage.read(), damaged);
    assert.strictEqual(({} as Record<string, unknown>)['polluted'], undefined);
  });

  test('sessionStorage that throws on access: reported once, and the stash lives in memory', function (assert) {
    const denied = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const storage = new SessionStashStorage(this.owner, denied);
    assert.throws(
      () => storage.read(),
      /sessionStorage is unavailable; the stash is kept in memory/,
    );
    assert.strictEqual(storage.read(), undefined, 'reported once');
    storage.write({ version: 1, n: 3 });
    assert.deepEqual(JSON.parse(storage.read()!), { version: 1, n: 3 });
    assert.strictEqual(
      sessionStorage.getItem(STASH_KEY),
      null,
      'nothing reached sessionStorage',
    );
  });
});
