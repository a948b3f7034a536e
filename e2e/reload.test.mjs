// A browser refresh: the tabs come back from the stash in their order, with
// their titles at once (before their data is loaded again), every process
// subscribes again, and a reply draft survives, even one typed right before
// the refresh. Closing a tab releases its subscription.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { setupDemo, subject } from './support/demo.mjs';

/* global window -- in functions that run in the page */

const demo = setupDemo();
const { channel, gets } = demo;

/** Long enough for a second request or subscription to reach the server. */
const QUIET_MS = 400;
/** The API's latency during the reload: data comes 1.8 to 4.2 s after it is asked for. */
const SLOW_MS = 3000;

const draftOf = (page, id) =>
  demo.conversationPane(page, id).locator('textarea.draft');

/** Opens 7, then 3 in the background, then 12: tabs 7, 3, 12, with 12 on screen. */
async function openThree(page) {
  await demo.conversationLink(page, 7).click();
  await demo.conversationPane(page, 7).locator('.messages').waitFor();
  await demo.conversationLink(page, 3).click({ modifiers: ['Control'] });
  await demo.conversationLink(page, 12).click();
  await demo.conversationPane(page, 12).locator('.messages').waitFor();
  await demo.waitUntilSettled(page);
  await demo.waitForStats((s) => s.live === 3);
}

test('a reload restores the tabs in order with their titles at once, re-subscribes every process and keeps the reply draft', async () => {
  const page = await demo.open('/');
  await openThree(page);
  const keys = ['conversation:7', 'conversation:3', 'conversation:12'];
  const titles = [subject(7), subject(3), subject(12)];
  assert.deepEqual(await demo.tabKeys(page), keys);
  await draftOf(page, 12).fill('Thanks, I will look into it.');
  const before = await demo.stats();

  // Slow data: whatever shows right after the reload is not from the server.
  await demo.config({ latencyMs: SLOW_MS });
  await demo.reload(page);

  // At once: the tabs, in order, with their real titles, each still busy
  // restoring (its data not back yet); the draft is in the reply box.
  const shown = await demo.tabs(page).evaluateAll((tabs) =>
    tabs.map((tab) => ({
      key: tab.dataset.processKey,
      title: tab.querySelector('.tab-title')?.textContent.trim(),
      busy: tab.getAttribute('aria-busy'),
      selected: tab.getAttribute('aria-selected'),
    })),
  );
  const spinners = await Promise.all(
    keys.map((key) => demo.spinnerShown(page, key.split(':')[1])),
  );
  assert.deepEqual(
    shown,
    keys.map((key, i) => ({
      key,
      title: titles[i],
      busy: 'true',
      selected: String(key === 'conversation:12'),
    })),
  );
  assert.deepEqual(
    spinners,
    keys.map(() => true),
    'the busy state is visible on every tab',
  );
  assert.equal(
    await page.getByRole('tab', { name: /loading/ }).count(),
    keys.length,
    'and named "loading" to assistive technology',
  );
  assert.equal(demo.path(page), '/conversation/12');
  assert.equal(
    await draftOf(page, 12).inputValue(),
    'Thanks, I will look into it.',
  );
  assert.equal(
    await demo.conversationPane(page, 12).locator('.loading').count(),
    1,
    'the conversation itself is still loading',
  );

  // Then every process restores: one more GET and one more subscription
  // each; the subscriptions of the page before the reload were dropped.
  await demo.waitUntilSettled(page);
  await demo.conversationPane(page, 12).locator('.messages').waitFor();
  await demo.config({ latencyMs: 0 });
  // The server counts a subscription when the page's event stream reaches
  // it, a moment after the restore: wait for all three, then for any extra.
  await demo.waitForStats(
    (s) =>
      [7, 3, 12].every(
        (id) => channel(s, id).subscribed > channel(before, id).subscribed,
      ),
    { message: 'the three restored processes subscribed again' },
  );
  await sleep(QUIET_MS);
  const after = await demo.stats();
  for (const id of [7, 3, 12]) {
    assert.equal(gets(after, id), gets(before, id) + 1, `GET ${id}`);
    assert.deepEqual(
      channel(after, id),
      {
        subscribed: channel(before, id).subscribed + 1,
        unsubscribed: 0,
        dropped: 1,
        live: 1,
      },
      `conversation:${id}`,
    );
  }
  assert.equal(after.live, 3);
  assert.deepEqual(await demo.tabTitles(page), titles);
  assert.equal(
    await draftOf(page, 12).inputValue(),
    'Thanks, I will look into it.',
  );

  // Closing a restored tab releases the subscription it restored.
  await demo
    .tabActions(page, 3)
    .getByRole('button', { name: `Close ${subject(3)}` })
    .click();
  await demo.tab(page, 3).waitFor({ state: 'detached' });
  const closed = await demo.waitForStats((s) => channel(s, 3).live === 0);
  assert.equal(channel(closed, 3).unsubscribed, 1);
  assert.equal(closed.live, 2);
  assert.deepEqual(await demo.stashedKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  demo.assertNoErrors(page);
});

test('closing a tab unsubscribes it', async () => {
  const page = await demo.open('/');
  await demo.conversationLink(page, 7).click();
  await demo.conversationPane(page, 7).locator('.messages').waitFor();
  await demo.conversationLink(page, 12).click();
  await demo.conversationPane(page, 12).locator('.messages').waitFor();
  await demo.waitForStats((s) => s.live === 2);

  // The close button of the tab on screen: the next tab is shown.
  await demo
    .tabActions(page, 12)
    .getByRole('button', { name: `Close ${subject(12)}` })
    .click();
  await page.waitForURL((url) => url.pathname === '/conversation/7');
  let stats = await demo.waitForStats((s) => channel(s, 12).live === 0);
  assert.deepEqual(channel(stats, 12), {
    subscribed: 1,
    unsubscribed: 1,
    dropped: 0,
    live: 0,
  });
  assert.deepEqual(await demo.tabKeys(page), ['conversation:7']);
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  assert.deepEqual(await demo.stashedKeys(page), ['conversation:7']);

  // A middle click on the last tab closes it: back to the empty route.
  await demo.tab(page, 7).click({ button: 'middle' });
  await page.waitForURL((url) => url.pathname === '/');
  stats = await demo.waitForStats((s) => s.live === 0);
  assert.deepEqual(channel(stats, 7), {
    subscribed: 1,
    unsubscribed: 1,
    dropped: 0,
    live: 0,
  });
  assert.equal(await demo.tabs(page).count(), 0);
  assert.deepEqual(await demo.stashedKeys(page), []);
  assert.equal(page.context().pages().length, 1, 'no new browser tab');

  // Closed for good: a reload brings nothing back, asks for nothing.
  await demo.reload(page);
  await demo.conversationLink(page, 7).waitFor();
  await sleep(QUIET_MS);
  stats = await demo.stats();
  assert.equal(await demo.tabs(page).count(), 0);
  assert.equal(gets(stats, 7), 1);
  assert.equal(gets(stats, 12), 1);
  assert.equal(stats.live, 0);
  demo.assertNoErrors(page);
});

test('a draft typed right before a reload is there after the reload (issue 5)', async () => {
  const page = await demo.open('/conversation/7');
  await demo.conversationPane(page, 7).locator('.messages').waitFor();
  await demo.idle(page); // its subscription made

  // Typed key by key, then the reload at once: no waiting in between.
  await draftOf(page, 7).pressSequentially('Typed, then reloaded');
  await demo.reload(page);
  assert.equal(await draftOf(page, 7).inputValue(), 'Typed, then reloaded');
  await demo.idle(page);

  // Harder still: the change and the reload in one task of the page.
  await page.evaluate(() => {
    const box = window.document.querySelector('textarea.draft');
    box.value = 'Changed and reloaded in one go';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    window.location.reload();
  });
  await page.waitForLoadState('domcontentloaded');
  await demo.conversationPane(page, 7).waitFor();
  assert.equal(
    await draftOf(page, 7).inputValue(),
    'Changed and reloaded in one go',
  );
  assert.deepEqual((await demo.readStash(page)).processes[0].data, {
    draft: 'Changed and reloaded in one go',
  });
  demo.assertNoErrors(page);
});
