// The demo keeps at most 5 processes live (config/environment.js): a sixth
// tab opened in the background hibernates the least recently shown one,
// which lets go of its realtime channel, stays in the bar with its title,
// and comes back (subscribed again) when it is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupDemo, subject } from './support/demo.mjs';

const demo = setupDemo();
const { channel } = demo;

test('past 5 live processes the least recently shown tab hibernates, and showing it restores it', async () => {
  const page = await demo.open('/');
  await demo.conversationLink(page, 1).click();
  await demo.conversationPane(page, 1).locator('.messages').waitFor();
  for (const id of [2, 3, 4, 5]) {
    await demo.conversationLink(page, id).click({ modifiers: ['Control'] });
  }
  await demo.waitForStats((s) => s.live === 5, { message: 'five subscribed' });

  // Shown last is 1, so the oldest in the background (2) goes first.
  await demo.conversationLink(page, 6).click({ modifiers: ['Control'] });
  const hibernated = demo.tab(page, 2);
  await hibernated
    .locator('xpath=self::*[contains(@class, "is-hibernated")]')
    .waitFor();
  const stats = await demo.waitForStats(
    (s) => s.live === 5 && channel(s, 6).subscribed === 1,
    { message: 'six opened, still five live' },
  );
  assert.equal(channel(stats, 2).unsubscribed, 1, '2 let go of its channel');
  assert.equal(channel(stats, 6).subscribed, 1, '6 subscribed');
  assert.deepEqual(
    await demo.tabKeys(page),
    [1, 2, 3, 4, 5, 6].map((id) => `conversation:${id}`),
  );
  assert.ok(
    (await hibernated.textContent()).includes(subject(2)),
    'the hibernated tab keeps its title',
  );

  // Shown again: restored and subscribed again. Now the one shown longest
  // ago is 1 (3 to 6 were opened after it was shown): it hibernates.
  await hibernated.click();
  await demo.conversationPane(page, 2).locator('.messages').waitFor();
  const after = await demo.waitForStats(
    (s) => channel(s, 2).subscribed === 2 && s.live === 5,
    { message: '2 subscribed again' },
  );
  assert.equal(channel(after, 1).unsubscribed, 1, '1 hibernated in its place');
  assert.equal(channel(after, 3).unsubscribed, 0, '3 stays live');
  // Its refetch may still run after it subscribed: ready once that is done.
  await hibernated
    .locator('xpath=self::*[contains(@class, "is-ready")]')
    .waitFor();
});
