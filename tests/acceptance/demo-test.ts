import { module, test } from 'qunit';
import {
  click,
  currentURL,
  fillIn,
  select,
  settled,
  visit,
} from '@ember/test-helpers';
import { setupApplicationTest } from 'dummy/tests/helpers';
import { managerOf } from 'dummy/tests/helpers/app-instance';
import { readStash } from 'ember-process-manager/test-support';
import type { TestContext } from '@ember/test-helpers';

// The demo's features, on its in-memory backend (no server/ under `ember test`).
module('Acceptance | the demo agent area', function (hooks) {
  setupApplicationTest(hooks);

  function backend(context: TestContext) {
    return context.owner.lookup('service:backend');
  }
  function conversation(context: TestContext, id: string) {
    return managerOf(context.owner).find('conversation', id);
  }
  function badge(key: string) {
    return `[data-process-key="${key}"] .unread-badge`;
  }

  test('the conversation list shows all 50, with customer and status', async function (assert) {
    await visit('/');
    assert.dom('.conversation-list [data-conversation]').exists({ count: 50 });
    assert
      .dom('[data-conversation="4"] .list-title')
      .hasText('#4 Feature idea');
    assert.dom('[data-conversation="4"] .list-meta').hasText('Barbara Liskov');
    assert.dom('[data-conversation="4"] .status-pill').hasText('pending');
  });

  test('a background tab counts the messages that arrive until it is shown', async function (assert) {
    await visit('/');
    await click('[data-conversation="7"]');
    await click('[data-conversation="3"]', { metaKey: true });
    assert.dom(badge('conversation:3')).doesNotExist('nothing new yet');

    await backend(this).push('3');
    await backend(this).push('3', 'Hello again');
    await settled();
    assert.dom(badge('conversation:3')).hasText('2');
    assert.strictEqual(conversation(this, '3')?.unread, 2);

    await backend(this).push('7');
    await settled();
    assert
      .dom(badge('conversation:7'))
      .doesNotExist('the tab on screen counts nothing');
    assert.dom('.message').exists({ count: 5 }, 'the message appeared live');

    await click('[data-process-key="conversation:3"][role="tab"]');
    assert.dom(badge('conversation:3')).doesNotExist('shown: read');
    assert.strictEqual(conversation(this, '3')?.unread, 0);
    assert.dom('.message:last-child .message-text').hasText('Hello again');
  });

  test('the reply draft lives in data.draft; Send posts it and clears it', async function (assert) {
    await visit('/conversation/7');
    assert.dom('button.send').isDisabled('nothing to send');
    await fillIn('textarea.draft', 'We are on it.');
    assert.deepEqual(conversation(this, '7')?.data, { draft: 'We are on it.' });
    assert.strictEqual(
      readStash()?.processes[0]?.data?.['draft'],
      'We are on it.',
      'stashed, so a refresh keeps it',
    );

    await click('button.send');
    assert
      .dom('.message.is-agent:last-child .message-text')
      .hasText('We are on it.');
    assert.dom('.message').exists({ count: 5 }, 'once, though announced too');
    assert.dom('textarea.draft').hasValue('');
    assert.strictEqual(readStash()?.processes[0]?.data?.['draft'], '');
    assert.dom('.pane-meta .status-pill').hasText('pending');
  });

  test('an advanced search keeps its criteria in data and lists the results', async function (assert) {
    await visit('/');
    await click('.new-search');
    assert.strictEqual(currentURL(), '/search/1');
    assert.dom('.search h2').hasText('New search');
    assert.dom('.result-list [data-result]').exists({ count: 50 });

    await fillIn('input.query', 'refund');
    await select('select.status', 'open');
    assert.dom('.search h2').hasText('Search: refund');
    assert.deepEqual(
      [...document.querySelectorAll<HTMLElement>('[data-result]')].map(
        (e) => e.dataset['result'],
      ),
      ['15', '30', '45'],
    );
    assert.deepEqual(readStash()?.processes[0]?.data, {
      query: 'refund',
      status: 'open',
    });

    await click('[data-result="30"]');
    assert.strictEqual(currentURL(), '/conversation/30');
    await click('.new-search');
    assert.strictEqual(currentURL(), '/search/2', 'a second search');
  });

  test('the users list opens a user, whose conversations open from there', async function (assert) {
    await visit('/');
    await click('.nav-section:nth-child(2)');
    assert.dom('.user-list [data-user]').exists({ count: 20 });
    await click('[data-user="4"]');
    assert.strictEqual(currentURL(), '/user/4');
    assert.dom('.user h2').hasText('Barbara Liskov');
    assert.dom('.user [data-result]').exists({ count: 3 });
    await click('.user [data-result="24"]', { ctrlKey: true });
    assert.strictEqual(currentURL(), '/user/4', 'in the background');
    assert.strictEqual(conversation(this, '24')?.status, 'ready');
  });

  test('a conversation that does not exist fails, and says so', async function (assert) {
    await visit('/conversation/99');
    assert.dom('.pane-error').includesText('no conversation 99');
    assert.dom('.process-tab-retry').exists();
    assert.dom('form.reply').doesNotExist();
  });
});
