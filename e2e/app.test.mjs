import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { startE2E } from './support/app.mjs';

let e2e;

before(
  async () => {
    e2e = await startE2E();
  },
  { timeout: 15 * 60 * 1000 },
);

after(async () => {
  await e2e?.close();
});

test('the demo app loads and renders', async () => {
  const page = await e2e.newPage();
  const response = await page.goto(e2e.url('/'));
  assert.equal(response.status(), 200);

  // Ember marks its root element once the application has booted.
  await page.locator('body.ember-application').waitFor();
  // Something visible is rendered into it, with text in it.
  const rendered = page
    .locator('body > :not(script, noscript, template)')
    .first();
  await rendered.waitFor({ state: 'visible' });
  const text = await page.locator('body').innerText();
  assert.notEqual(text.trim(), '', 'the rendered page has text');

  assert.notEqual((await page.title()).trim(), '', 'the document has a title');
  assert.deepEqual(
    page.errors.map((error) => error.message),
    [],
    'no uncaught errors in the page',
  );
});
