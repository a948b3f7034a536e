import { module, test } from 'qunit';
import {
  DEFAULT_CONFIG,
  readConfig,
} from 'ember-process-manager/-private/config';

module('Unit | -private | config', function () {
  test('defaults, and what the app sets wins', function (assert) {
    assert.deepEqual(readConfig(undefined), DEFAULT_CONFIG);
    assert.deepEqual(
      readConfig({ maxLiveProcesses: 5, recentlyClosedLimit: 0 }),
      {
        ...DEFAULT_CONFIG,
        maxLiveProcesses: 5,
        recentlyClosedLimit: 0,
      },
    );
  });

  test('a bad value is refused by name', function (assert) {
    assert.throws(
      () => readConfig({ restoreConcurrency: 0 }),
      /restoreConcurrency must be a positive integer, not 0/,
    );
    assert.throws(
      () => readConfig({ maxLiveProcesses: '5' }),
      /maxLiveProcesses must be .* or null, not "5"/,
    );
    assert.throws(
      () => readConfig({ maxLiveProces: 5 }),
      /unknown configuration key "maxLiveProces"/,
    );
    assert.throws(() => readConfig([]), /must be an object, not \[\]/);
  });
});
