// Takes the README's screenshot of the demo (docs/demo.png): several tabs,
// a conversation on screen with its messages and a reply draft, and a
// background tab counting a message that arrived while it was hidden.
// The file is rewritten only when the picture changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/app.mjs';
import { setupDemo, subject } from './support/demo.mjs';

const SCREENSHOT = join(ROOT, 'docs', 'demo.png');
const MAX_BYTES = 200 * 1024;

const demo = setupDemo({ viewport: { width: 1280, height: 720 } });

test('the demo screenshot (docs/demo.png): tabs, a conversation with a draft, an unread badge', async () => {
  const page = await demo.open('/');
  await demo.conversationLink(page, 7).click();
  const pane = demo.conversationPane(page, 7);
  await pane.locator('.messages').waitFor();
  await demo.conversationLink(page, 12).click({ modifiers: ['Control'] });
  await demo.conversationLink(page, 3).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Users' }).click();
  await page
    .locator('.process-link', { hasText: 'Ada Lovelace' })
    .click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: 'Conversations' }).click();
  await demo.waitUntilSettled(page);
  await demo.waitForStats((s) => s.live === 3);

  // A customer writes in a background conversation.
  await demo.push(12, 'Any news on the extra seats?');
  await demo.tab(page, 12).locator('.unread-badge').waitFor();

  await pane
    .locator('textarea.draft')
    .fill('Anything else I can help you with today?');
  await page.mouse.move(1270, 140); // no hover state in the picture
  await demo.idle(page);

  assert.deepEqual(await demo.tabTitles(page), [
    subject(7),
    subject(12),
    subject(3),
    'Ada Lovelace',
  ]);
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  assert.ok(png.length < MAX_BYTES, `${png.length} bytes`);
  mkdirSync(join(ROOT, 'docs'), { recursive: true });
  if (!existsSync(SCREENSHOT) || !readFileSync(SCREENSHOT).equals(png)) {
    writeFileSync(SCREENSHOT, png);
  }
  demo.assertNoErrors(page);
});
