import { module, test } from 'qunit';
import { click, currentURL, settled, visit } from '@ember/test-helpers';
import { destroy } from '@ember/destroyable';
import { setupApplicationTest } from 'dummy/tests/helpers';
import { bootInstance, managerOf } from 'dummy/tests/helpers/app-instance';
import { readStash } from 'ember-process-manager/test-support';
import type { TestContext } from '@ember/test-helpers';

// The eight use-case scenarios of the design (SEED.md), through the demo's UI.
module('Acceptance | the use-case scenarios', function (hooks) {
  setupApplicationTest(hooks);

  function log(context: TestContext) {
    return context.owner.lookup('service:activity-log');
  }
  function realtime(context: TestContext) {
    return context.owner.lookup('service:realtime');
  }
  function manager(context: TestContext) {
    return managerOf(context.owner);
  }
  function tabKeys(): string[] {
    return [...document.querySelectorAll('[role="tab"]')].map(
      (tab) =>
        tab.closest<HTMLElement>('[data-process-key]')!.dataset['processKey']!,
    );
  }
  function stashedKeys(): string[] {
    return (readStash()?.processes ?? []).map((p) => `${p.type}:${p.id}`);
  }

  /** Closes every tab through its close button and checks every subscription was released. */
  async function closeEveryTabAndCheckSubscriptions(
    assert: Assert,
    context: TestContext,
  ) {
    const rt = realtime(context);
    assert.true(
      rt.subscribed > 0,
      'the processes subscribed to realtime channels',
    );
    for (const button of [...document.querySelectorAll('.process-tab-close')]) {
      await click(button);
    }
    assert.deepEqual(tabKeys(), [], 'every tab closed');
    assert.strictEqual(rt.live.length, 0, 'no subscription is left live');
    assert.strictEqual(
      rt.unsubscribed,
      rt.subscribed,
      'each subscription was released once',
    );
    assert.deepEqual(stashedKeys(), [], 'the stash is empty');
  }

  test('I am on the conversation list and I click on a conversation opening it up in the foreground (conversation is not already open)', async function (assert) {
    await visit('/');
    await click('[data-conversation="7"]');
    assert.strictEqual(
      currentURL(),
      '/conversation/7',
      'the click handler transitions to the conversation',
    );
    assert.deepEqual(
      tabKeys(),
      ['conversation:7'],
      'a process (and its tab) was created',
    );
    assert.strictEqual(
      manager(this).active?.key,
      'conversation:7',
      'in the foreground',
    );
    assert.deepEqual(
      stashedKeys(),
      ['conversation:7'],
      'its metadata is stashed',
    );
    assert.strictEqual(
      readStash()?.processes[0]?.title,
      '#7 Invoice question',
      'with its loaded title',
    );
    assert.strictEqual(
      log(this).count('conversation:7', 'initialize'),
      1,
      'initialize ran once',
    );
    assert.strictEqual(
      log(this).count('conversation:7', 'restore'),
      0,
      'restore did not run',
    );
    assert.dom('.conversation h2').hasText('#7 Invoice question');
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I am on the conversation list and I click on a conversation opening it up in the foreground (conversation is already open)', async function (assert) {
    await visit('/');
    await click('[data-conversation="7"]');
    await click('[data-conversation="8"]');
    const first = manager(this).find('conversation', '7');
    await click('[data-conversation="7"]');
    assert.strictEqual(currentURL(), '/conversation/7');
    assert.strictEqual(
      manager(this).find('conversation', '7'),
      first,
      'the existing process is reused',
    );
    assert.deepEqual(
      tabKeys(),
      ['conversation:7', 'conversation:8'],
      'no second tab',
    );
    assert.strictEqual(
      manager(this).active,
      first,
      'and it is in the foreground again',
    );
    assert.strictEqual(
      log(this).count('conversation:7', 'initialize'),
      1,
      'initialize did not run again',
    );
    assert.strictEqual(
      realtime(this).liveFor('conversation:7'),
      1,
      'one subscription, not two',
    );
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I am on the conversation list and I cmd + click on a conversation, opening it up in the background (conversation is not already open)', async function (assert) {
    await visit('/');
    const backend = this.owner.lookup('service:backend');
    await click('[data-conversation="3"]', { metaKey: true });
    assert.strictEqual(currentURL(), '/', 'no navigation');
    assert.deepEqual(
      tabKeys(),
      ['conversation:3'],
      'a process (and its tab) was created',
    );
    assert.strictEqual(manager(this).active, null, 'in the background');
    assert.deepEqual(
      backend.requests,
      ['conversation:3'],
      'its data loaded before its tab was ever shown',
    );
    assert.strictEqual(
      manager(this).find('conversation', '3')?.status,
      'ready',
    );
    assert.strictEqual(
      log(this).count('conversation:3', 'initialize'),
      1,
      'initialize ran once',
    );
    assert.deepEqual(
      stashedKeys(),
      ['conversation:3'],
      'its metadata is stashed',
    );
    assert.strictEqual(
      realtime(this).liveFor('conversation:3'),
      1,
      'it subscribed in the background',
    );
    await click('[data-conversation="4"]', { ctrlKey: true });
    assert.deepEqual(
      tabKeys(),
      ['conversation:3', 'conversation:4'],
      'Ctrl-click does the same',
    );
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I am on the conversation list and I cmd + click on a conversation, opening it up in the background (conversation is already open)', async function (assert) {
    await visit('/');
    await click('[data-conversation="3"]', { metaKey: true });
    const first = manager(this).find('conversation', '3');
    await click('[data-conversation="3"]', { metaKey: true });
    assert.strictEqual(currentURL(), '/');
    assert.strictEqual(
      manager(this).find('conversation', '3'),
      first,
      'the existing process is reused',
    );
    assert.deepEqual(tabKeys(), ['conversation:3'], 'no second tab');
    assert.strictEqual(manager(this).active, null, 'still in the background');
    assert.strictEqual(
      log(this).count('conversation:3', 'initialize'),
      1,
      'initialize did not run again',
    );
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I have no tabs open and I navigate to a conversation url', async function (assert) {
    await visit('/conversation/12');
    assert.deepEqual(
      tabKeys(),
      ['conversation:12'],
      'the route created the process',
    );
    assert.strictEqual(manager(this).active?.key, 'conversation:12');
    assert.strictEqual(
      log(this).count('conversation:12', 'initialize'),
      1,
      'initialize ran once',
    );
    assert.strictEqual(log(this).count('conversation:12', 'restore'), 0);
    assert.deepEqual(
      stashedKeys(),
      ['conversation:12'],
      'its metadata is stashed',
    );
    assert.dom('.conversation h2').hasText('#12 Invoice question');
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I have tabs open and I navigate to a conversation url for which I do not already have a tab', async function (assert) {
    await visit('/');
    await click('[data-conversation="1"]', { metaKey: true });
    await click('[data-conversation="2"]');
    await visit('/conversation/13');
    assert.deepEqual(
      tabKeys(),
      ['conversation:1', 'conversation:2', 'conversation:13'],
      'a new tab at the end',
    );
    assert.strictEqual(manager(this).active?.key, 'conversation:13');
    assert.strictEqual(
      log(this).count('conversation:13', 'initialize'),
      1,
      'initialize ran once',
    );
    assert.deepEqual(
      stashedKeys(),
      ['conversation:1', 'conversation:2', 'conversation:13'],
      'stashed in tab order',
    );
    assert.strictEqual(
      readStash()?.active,
      'conversation:13',
      'the active key is stashed',
    );
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I have tabs open and I navigate to a conversation url for which I do already have a tab', async function (assert) {
    await visit('/');
    await click('[data-conversation="1"]', { metaKey: true });
    await click('[data-conversation="2"]');
    const first = manager(this).find('conversation', '1');
    await visit('/conversation/1');
    assert.strictEqual(
      manager(this).active,
      first,
      'the existing process is shown',
    );
    assert.deepEqual(
      tabKeys(),
      ['conversation:1', 'conversation:2'],
      'no new tab',
    );
    assert.strictEqual(
      log(this).count('conversation:1', 'initialize'),
      1,
      'initialize did not run again',
    );
    assert.strictEqual(
      realtime(this).liveFor('conversation:1'),
      1,
      'one subscription',
    );
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I switch from one conversation to another (which has previously been opened this session) via the conversation tabs', async function (assert) {
    await visit('/');
    await click('[data-conversation="5"]');
    await click('[data-conversation="6"]');
    const five = manager(this).find('conversation', '5')!;
    await click('[role="tab"][data-process-key="conversation:5"]');
    assert.strictEqual(
      currentURL(),
      '/conversation/5',
      'the tab transitions to the conversation route',
    );
    assert.strictEqual(
      manager(this).active,
      five,
      'the existing process is active',
    );
    assert
      .dom('[role="tab"][data-process-key="conversation:5"]')
      .hasAttribute('aria-selected', 'true');
    assert.strictEqual(
      log(this).count('conversation:5', 'initialize'),
      1,
      'initialize did not run again',
    );
    assert.strictEqual(log(this).count('conversation:5', 'restore'), 0);
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });

  test('I switch from one conversation to another (which has not been opened this session) via the conversation tabs', async function (assert) {
    // The previous page of this browser tab opened two conversations, then was refreshed.
    const previous = await bootInstance();
    const before = managerOf(previous);
    before.open('conversation', '20');
    before.open('conversation', '21', {
      background: true,
      data: { draft: 'On its way' },
    });
    await settled();
    destroy(previous);
    await settled();

    await visit('/conversation/20');
    assert.deepEqual(
      tabKeys(),
      ['conversation:20', 'conversation:21'],
      'both tabs came back, in order',
    );
    assert.strictEqual(
      log(this).count('conversation:21', 'restore'),
      1,
      'the background tab ran restore()',
    );
    assert.strictEqual(
      log(this).count('conversation:21', 'initialize'),
      0,
      'and not initialize()',
    );

    await click('[role="tab"][data-process-key="conversation:21"]');
    assert.strictEqual(currentURL(), '/conversation/21');
    assert.strictEqual(
      manager(this).active?.key,
      'conversation:21',
      'the restored process is shown',
    );
    assert.strictEqual(
      log(this).count('conversation:21', 'restore'),
      1,
      'nothing ran again',
    );
    assert.strictEqual(log(this).count('conversation:21', 'initialize'), 0);
    assert
      .dom('textarea.draft')
      .hasValue('On its way', 'its draft survived the refresh');
    assert.strictEqual(
      realtime(this).liveFor('conversation:21'),
      1,
      're-subscribed once',
    );
    await closeEveryTabAndCheckSubscriptions(assert, this);
  });
});
