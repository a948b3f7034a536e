// Opening in the background from the conversation list: Cmd-click,
// Ctrl-click and a middle click create the process, which loads its
// conversation and subscribes to its channel before its tab is ever shown,
// while the browser stays where it is and opens no tab of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { setupDemo, subject } from './support/demo.mjs';

const demo = setupDemo();
const { channel, gets } = demo;

/** Long enough for the browser to have opened a tab, had it meant to. */
const QUIET_MS = 400;

const WAYS = [
  { name: 'Cmd-click', click: { modifiers: ['Meta'] } },
  { name: 'Ctrl-click', click: { modifiers: ['Control'] } },
  { name: 'middle click', click: { button: 'middle' } },
];

for (const way of WAYS) {
  test(`${way.name} on a conversation opens it in the background: loaded and subscribed before its tab is shown, no navigation, no new browser tab`, async () => {
    const page = await demo.open('/conversation/3');
    await demo.conversationPane(page, 3).locator('.messages').waitFor();
    const context = page.context();
    const pagesBefore = context.pages().length;
    const statsBefore = await demo.stats();
    assert.equal(gets(statsBefore, 7), 0);

    await demo.conversationLink(page, 7).click(way.click);

    // A tab, in the background; the page did not move.
    await demo.tab(page, 7).waitFor();
    assert.equal(demo.path(page), '/conversation/3');
    assert.equal(await demo.selectedKey(page), 'conversation:3');
    assert.deepEqual(await demo.tabKeys(page), [
      'conversation:3',
      'conversation:7',
    ]);

    // The server is asked for the conversation and its channel while the
    // tab has never been shown.
    const stats = await demo.waitForStats(
      (s) => gets(s, 7) === 1 && channel(s, 7).live === 1,
      { message: 'no GET or subscription for the background conversation' },
    );
    assert.equal(channel(stats, 7).subscribed, 1);
    assert.equal(await demo.conversationPane(page, 7).count(), 0);
    assert.equal(
      await demo.tab(page, 7).getAttribute('aria-selected'),
      'false',
      'never shown so far',
    );

    // Loaded in the background: the tab shows its subject.
    await demo.waitUntilSettled(page);
    assert.deepEqual(await demo.tabTitles(page), [subject(3), subject(7)]);

    // No browser tab or window was opened, and the link was not followed.
    await sleep(QUIET_MS);
    assert.equal(context.pages().length, pagesBefore);
    assert.deepEqual(page.openedPages, [], "no 'page' event");
    assert.equal(demo.path(page), '/conversation/3');

    // Shown at last: at once, from what the process loaded; nothing fetched again.
    await demo.tab(page, 7).click();
    await page.waitForURL((url) => url.pathname === '/conversation/7');
    await demo.assertShownWithData(page, 7);
    await sleep(QUIET_MS);
    const after = await demo.stats();
    assert.equal(gets(after, 7), 1);
    assert.deepEqual(channel(after, 7), {
      subscribed: 1,
      unsubscribed: 0,
      dropped: 0,
      live: 1,
    });
    demo.assertNoErrors(page);
  });
}

test('a background tab listens while hidden: a pushed message shows as an unread badge, cleared when the tab is shown', async () => {
  const page = await demo.open('/conversation/3');
  await demo.conversationPane(page, 3).locator('.messages').waitFor();
  await demo.conversationLink(page, 12).click({ modifiers: ['Control'] });
  await demo.waitForStats((s) => channel(s, 12).live === 1);
  await demo.waitUntilSettled(page);

  const pushed = await demo.push(12, 'Is anyone there?');
  assert.equal(pushed.delivered, 1, 'the page is subscribed');

  const badge = demo.tab(page, 12).locator('.unread-badge');
  await badge.waitFor();
  assert.equal((await badge.textContent()).trim(), '1');
  assert.equal(await demo.tab(page, 3).locator('.unread-badge').count(), 0);

  await demo.tab(page, 12).click();
  await demo.assertShownWithData(page, 12);
  await badge.waitFor({ state: 'detached' });
  const last = demo
    .conversationPane(page, 12)
    .locator('.message')
    .last()
    .locator('.message-text');
  assert.equal((await last.textContent()).trim(), 'Is anyone there?');
  assert.equal(gets(await demo.stats(), 12), 1, 'not fetched again');
  demo.assertNoErrors(page);
});
