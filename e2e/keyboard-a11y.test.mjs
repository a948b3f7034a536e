// The tab bar with the keyboard (a roving tabindex: Tab lands on the active
// tab; arrows, Home and End move; Enter follows; Delete closes;
// Ctrl+Shift+Arrow moves the tab), and axe-core's check of the tab bar with
// tabs in every state: ready, busy and failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { setupDemo, subject } from './support/demo.mjs';

/* global window -- in functions that run in the page */

const demo = setupDemo();
const { channel } = demo;

/** The process key of the focused element, or what is focused instead. */
const focusedKey = (page) =>
  page.evaluate(() => {
    const element = window.document.activeElement;
    return (
      element?.dataset?.processKey ??
      `${element?.tagName} ${element?.className ?? ''}`.trim()
    );
  });

/** The tabs that Tab can reach (tabindex 0). */
const tabbableKeys = (page) =>
  demo
    .tabs(page)
    .evaluateAll((tabs) =>
      tabs
        .filter((tab) => tab.getAttribute('tabindex') === '0')
        .map((tab) => tab.dataset.processKey),
    );

/** Tabs 7, 12 and 3 (in the background), with 12 on screen, all loaded. */
async function openThree(page) {
  await demo.conversationLink(page, 7).click();
  await demo.conversationPane(page, 7).locator('.messages').waitFor();
  await demo.conversationLink(page, 12).click();
  await demo.conversationLink(page, 3).click({ modifiers: ['Control'] });
  await demo.conversationPane(page, 12).locator('.messages').waitFor();
  await demo.waitUntilSettled(page);
  await demo.waitForStats((s) => s.live === 3);
}

test('the tab bar with the keyboard: Tab lands on the active tab, arrows/Home/End move, Enter follows, Ctrl+Shift+Arrow moves, Delete closes', async () => {
  const page = await demo.open('/');
  await openThree(page);
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:12',
    'conversation:3',
  ]);
  const { keyboard } = page;

  // Tab from what precedes the tab bar lands on the active tab, the only
  // tab in the tab order.
  await page.locator('h1.brand a').focus();
  assert.deepEqual(await tabbableKeys(page), ['conversation:12']);
  await keyboard.press('Tab');
  assert.equal(await focusedKey(page), 'conversation:12');

  // Arrows (wrapping), Home and End move the focus, and the tab order with it.
  const moves = [
    ['ArrowRight', 'conversation:3'],
    ['ArrowRight', 'conversation:7'],
    ['ArrowLeft', 'conversation:3'],
    ['Home', 'conversation:7'],
    ['End', 'conversation:3'],
    ['ArrowLeft', 'conversation:12'],
    ['Home', 'conversation:7'],
  ];
  for (const [key, expected] of moves) {
    await keyboard.press(key);
    assert.equal(await focusedKey(page), expected, `after ${key}`);
    assert.deepEqual(await tabbableKeys(page), [expected], `after ${key}`);
  }
  // Moving the focus neither navigates nor activates.
  assert.equal(demo.path(page), '/conversation/12');
  assert.equal(await demo.selectedKey(page), 'conversation:12');

  // Enter follows the focused tab.
  await keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/conversation/7');
  await demo.conversationPane(page, 7).locator('.messages').waitFor();
  assert.equal(await demo.selectedKey(page), 'conversation:7');
  assert.equal(await focusedKey(page), 'conversation:7');

  // Ctrl+Shift+ArrowRight moves the tab right, the focus going with it; the
  // stash keeps the new order.
  await keyboard.press('Control+Shift+ArrowRight');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:12',
    'conversation:7',
    'conversation:3',
  ]);
  assert.equal(await focusedKey(page), 'conversation:7');
  await keyboard.press('Control+Shift+ArrowRight');
  await keyboard.press('Control+Shift+ArrowRight'); // already last: stays
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:12',
    'conversation:3',
    'conversation:7',
  ]);
  await keyboard.press('Control+Shift+ArrowLeft');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:12',
    'conversation:7',
    'conversation:3',
  ]);
  assert.equal(await focusedKey(page), 'conversation:7');
  assert.deepEqual(await demo.stashedKeys(page), [
    'conversation:12',
    'conversation:7',
    'conversation:3',
  ]);
  assert.equal(demo.path(page), '/conversation/7', 'moving does not navigate');

  // Delete closes the focused (active) tab: the next one is shown and
  // focused, and the closed process unsubscribes.
  await keyboard.press('Delete');
  await page.waitForURL((url) => url.pathname === '/conversation/3');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:12',
    'conversation:3',
  ]);
  assert.equal(await demo.selectedKey(page), 'conversation:3');
  assert.equal(await focusedKey(page), 'conversation:3');
  const stats = await demo.waitForStats((s) => channel(s, 7).live === 0);
  assert.equal(channel(stats, 7).unsubscribed, 1);
  assert.equal(stats.live, 2);

  // Delete on a background tab closes it and leaves the page where it is.
  await keyboard.press('ArrowLeft');
  assert.equal(await focusedKey(page), 'conversation:12');
  await keyboard.press('Delete');
  await demo.tab(page, 12).waitFor({ state: 'detached' });
  assert.equal(demo.path(page), '/conversation/3');
  assert.equal(await focusedKey(page), 'conversation:3');
  await demo.waitForStats((s) => channel(s, 12).live === 0);
  demo.assertNoErrors(page);
});

test('axe-core finds no accessibility violation in the tab bar, with tabs ready, busy and failed', async () => {
  const page = await demo.open('/');
  await demo.conversationLink(page, 7).click();
  await demo.conversationPane(page, 7).locator('.messages').waitFor();
  await demo.conversationLink(page, 3).click({ modifiers: ['Control'] });

  // 9 fails to load: a failed tab, with its error and a Retry button.
  await demo.fail('/api/conversations/9', { times: 1, status: 500 });
  await demo.conversationLink(page, 9).click({ modifiers: ['Control'] });
  const retry = demo
    .tabActions(page, 9)
    .getByRole('button', { name: `Retry conversation 9` });
  await retry.waitFor();
  await demo.waitUntilSettled(page);
  assert.match(
    await demo.tab(page, 9).locator('.process-tab-error').textContent(),
    /planned failure/,
  );

  // 12 stays busy while the server is slow.
  await demo.config({ latencyMs: 4000 });
  await demo.conversationLink(page, 12).click({ modifiers: ['Control'] });
  await demo
    .tab(page, 12)
    .locator('xpath=self::*[@aria-busy="true"]')
    .waitFor();
  assert.ok(await demo.spinnerShown(page, 12), '12 shows its spinner');

  const busyDuringCheck = async () =>
    (await demo.tab(page, 12).getAttribute('aria-busy')) === 'true';
  assert.ok(await busyDuringCheck(), '12 is busy before the check');
  assert.deepEqual(await demo.tabKeys(page), [
    'conversation:7',
    'conversation:3',
    'conversation:9',
    'conversation:12',
  ]);
  const results = await new AxeBuilder({ page })
    .include('.process-tabs')
    .analyze();
  assert.ok(await busyDuringCheck(), '12 was still busy after the check');

  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(' '),
      html: node.html,
      summary: node.failureSummary,
    })),
  }));
  assert.deepEqual(
    violations,
    [],
    `axe violations in the tab bar:\n${JSON.stringify(violations, null, 2)}`,
  );
  assert.ok(results.passes.length > 0, 'axe checked something');

  // Retry works, and with the server fast again every tab settles.
  await demo.config({ latencyMs: 0 });
  await retry.click();
  await demo.waitUntilSettled(page);
  await retry.waitFor({ state: 'detached' });
  assert.deepEqual(await demo.tabTitles(page), [
    subject(7),
    subject(3),
    subject(9),
    subject(12),
  ]);
  demo.assertNoErrors(page);
});
