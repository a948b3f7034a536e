// The use-case scenarios of the design (SEED.md, "Use Case Scenarios"), end
// to end: the demo agent area in Chromium on its real backend. Each test is
// named after its scenario and checks what the design says happens: whether a
// process (a tab) is created, where the browser goes, what the server is
// asked for (its counters), and that nothing is done twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { setupDemo, subject } from './support/demo.mjs';

const demo = setupDemo();
const { channel, gets } = demo;

/** Long enough for a second request or subscription to reach the server. */
const QUIET_MS = 400;

/** Opens conversation `id` from the list with a plain click; waits for its messages. */
async function openInForeground(page, id) {
  await demo.conversationLink(page, id).click();
  await page.waitForURL((url) => url.pathname === `/conversation/${id}`);
  await demo.conversationPane(page, id).locator('.messages').waitFor();
}

/** Opens conversation `id` from the list with Ctrl-click; waits until it is loaded. */
async function openInBackground(page, id, modifiers = ['Control']) {
  await demo.conversationLink(page, id).click({ modifiers });
  await demo.tab(page, id).waitFor();
  await demo.waitUntilSettled(page);
}

/** What the server has seen of conversation `id`: GETs and its channel. */
function seenOf(stats, id) {
  const { subscribed, unsubscribed, dropped, live } = channel(stats, id);
  return { gets: gets(stats, id), subscribed, unsubscribed, dropped, live };
}

const once = { gets: 1, subscribed: 1, unsubscribed: 0, dropped: 0, live: 1 };

test('I am on the conversation list and I click on a conversation opening it up in the foreground (conversation is not already open)', async () => {
  const page = await demo.open('/');
  assert.equal(await demo.tabs(page).count(), 0);

  await openInForeground(page, 7);

  // The process was created: one tab, active, titled with the subject.
  assert.deepEqual(await demo.tabKeys(page), ['conversation:7']);
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  assert.deepEqual(await demo.tabTitles(page), [subject(7)]);
  // Its metadata was stashed.
  const stash = await demo.readStash(page);
  assert.equal(stash.active, 'conversation:7');
  assert.deepEqual(
    stash.processes.map((p) => [p.type, p.id, p.title]),
    [['conversation', '7', subject(7)]],
  );
  // Its initialization ran once: one GET, one subscription.
  await sleep(QUIET_MS);
  const stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 7), once);
  assert.equal(stats.live, 1, 'no other subscription');
  assert.equal(page.context().pages().length, 1);
  demo.assertNoErrors(page);
});

test('I am on conversation list and I click on a conversation opening it up in the foreground (conversation is already open)', async () => {
  const page = await demo.open('/');
  await openInForeground(page, 7);
  await openInForeground(page, 12);
  await demo.waitForStats((s) => channel(s, 12).live === 1);
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);

  await demo.conversationLink(page, 7).click();
  await page.waitForURL((url) => url.pathname === '/conversation/7');
  await demo.assertShownWithData(page, 7);

  // No new process: the same two tabs, in the same order; 7 is on screen.
  assert.equal(demo.path(page), '/conversation/7');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  await sleep(QUIET_MS);
  const stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 7), once, 'nothing more for 7');
  assert.deepEqual(seenOf(stats, 12), once);
  assert.equal(stats.live, 2);
  assert.deepEqual(await demo.stashedKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  demo.assertNoErrors(page);
});

test('I am on the conversation list and I cmd + click on a conversation, opening it up in the background (conversation is not already open)', async () => {
  const page = await demo.open('/');
  await demo.conversationLink(page, 7).waitFor();

  await demo.conversationLink(page, 7).click({ modifiers: ['Meta'] });

  // The process was created in the background: a tab, not selected, and
  // the browser stays where it was.
  await demo.tab(page, 7).waitFor();
  assert.equal(demo.path(page), '/');
  assert.equal(await demo.selectedKey(page), null);
  assert.equal(await demo.conversationPane(page, 7).count(), 0);
  // Its initialization runs at once, with nobody looking at it.
  await demo.waitForStats((s) => gets(s, 7) === 1 && channel(s, 7).live === 1);
  await demo.waitUntilSettled(page);
  assert.deepEqual(await demo.tabTitles(page), [subject(7)]);
  assert.deepEqual(await demo.stashedKeys(page), ['conversation:7']);
  assert.equal((await demo.readStash(page)).active, null);
  await sleep(QUIET_MS);
  assert.deepEqual(seenOf(await demo.stats(), 7), once);
  assert.equal(page.context().pages().length, 1, 'no new browser tab');
  assert.deepEqual(page.openedPages, []);
  demo.assertNoErrors(page);
});

test('I am on the conversation list and I cmd + click on a conversation, opening it up in the background (conversation is already open)', async () => {
  const page = await demo.open('/');
  await openInBackground(page, 7, ['Meta']);
  await openInForeground(page, 12);
  await demo.waitForStats((s) => channel(s, 12).live === 1);

  await demo.conversationLink(page, 7).click({ modifiers: ['Meta'] });
  await demo.conversationLink(page, 12).click({ modifiers: ['Meta'] });

  // Nothing more: the same tabs, 12 still on screen, no request.
  await sleep(QUIET_MS);
  assert.equal(demo.path(page), '/conversation/12');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  assert.equal(await demo.selectedKey(page), 'conversation:12');
  const stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 7), once);
  assert.deepEqual(seenOf(stats, 12), once);
  assert.equal(page.context().pages().length, 1, 'no new browser tab');
  demo.assertNoErrors(page);
});

test('I have no tabs open and I navigate to a conversation url', async () => {
  const page = await demo.open('/conversation/7');

  await demo.conversationPane(page, 7).locator('.messages').waitFor();

  assert.equal(demo.path(page), '/conversation/7');
  assert.deepEqual(await demo.tabKeys(page), ['conversation:7']);
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  assert.deepEqual(await demo.tabTitles(page), [subject(7)]);
  assert.deepEqual(await demo.stashedKeys(page), ['conversation:7']);
  await sleep(QUIET_MS);
  const stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 7), once);
  assert.equal(stats.live, 1);
  demo.assertNoErrors(page);
});

test('I have tabs open and I navigate to a conversation url for which I do not already have a tab', async () => {
  const page = await demo.open('/');
  await openInForeground(page, 7);
  await openInBackground(page, 12);
  await demo.waitForStats((s) => s.live === 2);

  // Inside the app (no page load): the route opens the new process.
  await demo.navigateInApp(page, '/conversation/9');
  await demo.conversationPane(page, 9).locator('.messages').waitFor();
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
    'conversation:9',
  ]);
  assert.equal(await demo.selectedKey(page), 'conversation:9');
  await sleep(QUIET_MS);
  let stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 9), once);
  assert.deepEqual(seenOf(stats, 7), once, 'the open tabs are left alone');
  assert.deepEqual(seenOf(stats, 12), once, 'the open tabs are left alone');

  // From the address bar (a page load): the stashed tabs come back and
  // restore themselves, the new one is created and initialized, once each.
  await demo.goto(page, '/conversation/21');
  await demo.conversationPane(page, 21).locator('.messages').waitFor();
  await demo.waitUntilSettled(page);
  assert.equal(demo.path(page), '/conversation/21');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
    'conversation:9',
    'conversation:21',
  ]);
  assert.equal(await demo.selectedKey(page), 'conversation:21');
  assert.deepEqual(await demo.stashedKeys(page), [
    'conversation:7',
    'conversation:12',
    'conversation:9',
    'conversation:21',
  ]);
  await sleep(QUIET_MS);
  stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 21), once);
  const restored = { ...once, gets: 2, subscribed: 2, dropped: 1 };
  for (const id of [7, 12, 9]) {
    assert.deepEqual(seenOf(stats, id), restored, `conversation ${id}`);
  }
  assert.equal(stats.live, 4);
  demo.assertNoErrors(page);
});

test('I have tabs open and I navigate to a conversation url for which I do already have a tab', async () => {
  const page = await demo.open('/');
  await openInBackground(page, 7);
  await openInForeground(page, 12);
  await demo.waitForStats((s) => s.live === 2);

  // Inside the app (no page load): nothing more than showing it.
  await demo.navigateInApp(page, '/conversation/7');
  await demo.conversationPane(page, 7).locator('.messages').waitFor();
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  await sleep(QUIET_MS);
  let stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 7), once);
  assert.deepEqual(seenOf(stats, 12), once);

  // From the address bar (a page load): the stashed process comes back
  // (one restore), and the route finds it rather than making another.
  await demo.goto(page, '/conversation/12');
  await demo.conversationPane(page, 12).locator('.messages').waitFor();
  await demo.waitUntilSettled(page);
  assert.equal(demo.path(page), '/conversation/12');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  assert.equal(await demo.selectedKey(page), 'conversation:12');
  await sleep(QUIET_MS);
  stats = await demo.stats();
  const restored = { ...once, gets: 2, subscribed: 2, dropped: 1 };
  assert.deepEqual(seenOf(stats, 7), restored);
  assert.deepEqual(seenOf(stats, 12), restored);
  assert.equal(stats.live, 2);
  demo.assertNoErrors(page);
});

test('I switch from one conversation to another (which has previously been opened this session) via the conversation tabs', async () => {
  const page = await demo.open('/');
  await openInForeground(page, 7);
  await openInForeground(page, 12);
  await demo.waitForStats((s) => s.live === 2);

  await demo.tab(page, 7).click();

  await page.waitForURL((url) => url.pathname === '/conversation/7');
  // Shown at once from the process: its data is already there.
  await demo.assertShownWithData(page, 7);
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  assert.equal((await demo.readStash(page)).active, 'conversation:7');
  await sleep(QUIET_MS);
  const stats = await demo.stats();
  assert.deepEqual(seenOf(stats, 7), once, 'nothing more for 7');
  assert.deepEqual(seenOf(stats, 12), once);
  demo.assertNoErrors(page);
});

test('I switch from one conversation to another (which has not been opened this session) via the conversation tabs', async () => {
  const page = await demo.open('/');
  await openInForeground(page, 7);
  await openInForeground(page, 12);
  await demo.waitForStats((s) => s.live === 2);

  // A new session of the page: 7 comes back from the stash, restores
  // itself (its second GET and subscription) and is never shown until the
  // tab is clicked.
  await demo.reload(page);
  await demo.waitUntilSettled(page);
  await demo.waitForStats((s) => gets(s, 7) === 2 && channel(s, 7).live === 1);
  assert.equal(await demo.selectedKey(page), 'conversation:12');

  await demo.tab(page, 7).click();

  await page.waitForURL((url) => url.pathname === '/conversation/7');
  await demo.assertShownWithData(page, 7);
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
  ]);
  await sleep(QUIET_MS);
  const stats = await demo.stats();
  const restored = { ...once, gets: 2, subscribed: 2, dropped: 1 };
  assert.deepEqual(seenOf(stats, 7), restored, 'nothing more for 7');
  assert.deepEqual(seenOf(stats, 12), restored);
  assert.equal(stats.live, 2);
  demo.assertNoErrors(page);
});
