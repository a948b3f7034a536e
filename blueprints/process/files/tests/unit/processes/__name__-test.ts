import { module, test } from 'qunit';
import { setupTest } from '<%= modulePrefix %>/tests/helpers';
import { setupProcessManager } from 'ember-process-manager/test-support';

module('Unit | Process | <%= dasherizedModuleName %>', function (hooks) {
  setupTest(hooks);
  setupProcessManager(hooks);

  test('it opens and becomes ready', async function (assert) {
    const manager = this.owner.lookup('service:process-manager');
    const process = manager.open('<%= dasherizedModuleName %>', '1');
    assert.strictEqual(process.key, '<%= dasherizedModuleName %>:1');
    await process.whenReady;
    assert.strictEqual(process.status, 'ready');
  });
});
