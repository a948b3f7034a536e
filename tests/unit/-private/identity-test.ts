import { module, test } from 'qunit';
import {
  assertId,
  assertType,
  parseKey,
} from 'ember-process-manager/-private/identity';

module('Unit | -private | identity', function () {
  test('type names match /^[a-z][a-z0-9-]*$/; anything else is refused by name', function (assert) {
    assertType('advanced-search2');
    for (const bad of [
      '',
      'Conversation',
      '1abc',
      'a_b',
      'a b',
      '__proto__',
      42,
      null,
      undefined,
    ]) {
      assert.throws(
        () => assertType(bad),
        new RegExp(
          `invalid process type ${JSON.stringify(bad) ?? String(bad)}`.replace(
            /[[\]]/g,
            '.',
          ),
        ),
        String(bad),
      );
    }
  });

  test('ids are non-empty strings of at most 256 characters', function (assert) {
    assertId('x'.repeat(256));
    assert.throws(() => assertId(''), /invalid process id ""/);
    assert.throws(
      () => assertId('x'.repeat(257)),
      /invalid process id "x+\.\.\./,
    );
    assert.throws(() => assertId(42), /invalid process id 42/);
  });

  test('keys split at the first colon', function (assert) {
    assert.deepEqual(parseKey('conversation:a:b'), {
      type: 'conversation',
      id: 'a:b',
    });
    assert.throws(
      () => parseKey('conversation'),
      /invalid process key "conversation"/,
    );
    assert.throws(() => parseKey(':1'), /invalid process key ":1"/);
  });
});
