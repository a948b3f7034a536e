import { module, test } from 'qunit';
import { click, currentURL, triggerKeyEvent, visit } from '@ember/test-helpers';
import { setupApplicationTest } from 'dummy/tests/helpers';

module('Acceptance | the tab bar', function (hooks) {
  setupApplicationTest(hooks);

  test('closing the active tab shows the tab close() names, then the empty route', async function (assert) {
    await visit('/conversation/1');
    await visit('/conversation/2');
    await visit('/conversation/3');
    await visit('/conversation/2');

    await click('button[aria-label="Close #2 Invoice question"]');
    assert.strictEqual(
      currentURL(),
      '/conversation/3',
      'the right neighbour is shown',
    );
    assert
      .dom('[role="tab"][aria-selected="true"]')
      .hasAttribute('data-process-key', 'conversation:3');

    await click('button[aria-label="Close #3 Shipping delay"]');
    assert.strictEqual(currentURL(), '/conversation/1', 'else the left one');

    await click('button[aria-label="Close #1 Login trouble"]');
    assert.strictEqual(currentURL(), '/', 'none left: the route the app chose');
    assert.dom('[role="tab"]').doesNotExist();
  });

  test('closing a background tab does not navigate', async function (assert) {
    await visit('/conversation/1');
    await visit('/conversation/2');
    await click('button[aria-label="Close #1 Login trouble"]');
    assert.strictEqual(currentURL(), '/conversation/2');
  });

  test('Enter on a focused tab follows it', async function (assert) {
    await visit('/conversation/1');
    await visit('/conversation/2');
    // Enter on a link is the browser's own click; the keyboard test is the e2e suite's.
    await triggerKeyEvent(
      '[role="tab"][data-process-key="conversation:1"]',
      'keydown',
      'ArrowRight',
    );
    await click('[role="tab"][data-process-key="conversation:1"]');
    assert.strictEqual(currentURL(), '/conversation/1');
  });
});
