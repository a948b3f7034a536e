// Helpers for the end-to-end tests of the demo agent area (tests/dummy) on
// its real backend (server/): the test API, fresh pages, and the locators of
// the tab bar and the lists.
//
//   import { setupDemo } from './support/demo.mjs';
//   const demo = setupDemo(); // before/after/beforeEach/afterEach hooks
//
//   test('…', async () => {
//     const page = await demo.open('/'); // after a server reset
//     await demo.conversationLink(page, 7).click();
//     await demo.waitForStats((s) => s.conversationGets['7'] === 1);
//   });
//
// Every test starts from a reset server (seeded data, zeroed counters) with
// no pushes from the server (pushMs 0), and in a browser context of its own,
// so sessionStorage starts empty. The contexts are closed after each test,
// which closes their event streams (the server counts their subscriptions as
// dropped), so that no page outlives its test.

/* global window, PopStateEvent -- in functions that run in the page */

import { before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { startE2E } from './app.mjs';

export const STASH_KEY = 'ember-process-manager:stash';

const seeded = createRequire(import.meta.url)('../../server/data.js');

/** The seeded data of the server (server/data.js), as a reset leaves it. */
export const SEED = seeded.createStore();

/** A seeded conversation's subject: "#7 Invoice question". */
export const subject = (id) => SEED.conversation(String(id)).subject;

/** The API's latency in the tests (about ±40 %), unless a test sets another. */
export const LATENCY_MS = 100;

/** node:test's timeout for before() that may build and serve the app. */
const START_TIMEOUT_MS = 15 * 60 * 1000;

/** Runs in the page: whether a tab's ::after spinner is rendered. */
function spinnerShown(tab) {
  const style = tab.ownerDocument.defaultView.getComputedStyle(tab, '::after');
  return style.content !== 'none' && parseFloat(style.width) > 0;
}

export function setupDemo({ viewport = { width: 1280, height: 720 } } = {}) {
  let e2e;
  let contexts = [];

  before(
    async () => {
      e2e = await startE2E();
    },
    { timeout: START_TIMEOUT_MS },
  );

  after(async () => {
    await e2e?.close();
  });

  beforeEach(async () => {
    await demo.reset();
  });

  afterEach(async () => {
    const closing = contexts;
    contexts = [];
    // A subscription still on its way when its page goes would reach the
    // server after the page's stream has closed, and stay live there.
    await Promise.all(
      closing
        .flatMap((context) => context.pages())
        .map((page) => demo.idle(page)),
    );
    await Promise.all(closing.map((context) => context.close()));
    // The server learns of closed streams a moment later: wait for it, so
    // that their dropped subscriptions do not count in the next test.
    await demo.waitForStats((s) => s.clients === 0 && s.live === 0, {
      message: 'the pages of the test were closed, their streams still live',
    });
  });

  const demo = {
    get e2e() {
      return e2e;
    },

    url: (path = '/') => e2e.url(path),

    /** The path of a page's URL ("/conversation/7"). */
    path: (page) => new URL(page.url()).pathname,

    /** A test API call: POST with a JSON body, or GET without one. */
    async api(path, body) {
      // eslint-disable-next-line n/no-unsupported-features/node-builtins -- in Node 20, unflagged
      const response = await fetch(e2e.url(`/api/_test/${path}`), {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await response.json();
      assert.ok(response.ok, `${path}: ${response.status} ${json.error}`);
      return json;
    },

    /**
     * Seeded data, zeroed counters, no pushes from the server, and a short
     * latency (every request still answers later than it is made);
     * `settings` ({ latencyMs, pushMs }) on top.
     */
    async reset(settings = {}) {
      await demo.api('reset', {});
      return demo.api('config', {
        pushMs: 0,
        latencyMs: LATENCY_MS,
        ...settings,
      });
    },

    stats: () => demo.api('stats'),

    config: (settings) => demo.api('config', settings),

    /** A customer writes in a conversation: the server pushes it. */
    push: (conversation, text) =>
      demo.api('push', { conversation: String(conversation), text }),

    /** The next `times` requests to `path` answer `status`. */
    fail: (path, { times = 1, status = 500 } = {}) =>
      demo.api('fail', { path, times, status }),

    /**
     * Polls the stats until `predicate(stats)` holds; returns those stats.
     * Fails with the last stats seen when it does not within `timeoutMs`.
     */
    async waitForStats(predicate, { timeoutMs = 10_000, message } = {}) {
      const deadline = Date.now() + timeoutMs;
      let stats;
      for (;;) {
        stats = await demo.stats();
        if (predicate(stats)) return stats;
        if (Date.now() > deadline) {
          assert.fail(
            `${message ?? 'the server stats never matched'}: ${JSON.stringify(stats, null, 1)}`,
          );
        }
        await sleep(50);
      }
    },

    /** A channel's counters, zeros when the server never saw it. */
    channel: (stats, id) =>
      stats.channels[`conversation:${id}`] ?? {
        subscribed: 0,
        unsubscribed: 0,
        dropped: 0,
        live: 0,
      },

    /** How many times the server answered GET /api/conversations/<id>. */
    gets: (stats, id) => stats.conversationGets[String(id)] ?? 0,

    /**
     * A page in a new browser context (empty sessionStorage), which records
     * its uncaught errors in `page.errors` and the pages its context opens
     * in `page.openedPages`.
     */
    async newPage() {
      // One locale and time zone, so that pages read the same everywhere.
      const context = await e2e.browser.newContext({
        viewport,
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (error) => page.errors.push(error));
      page.consoleLines = [];
      page.on('console', (message) => {
        const line = `${message.type()}: ${message.text()}`;
        if (!line.startsWith('debug: DEBUG:')) page.consoleLines.push(line);
      });
      page.openedPages = [];
      page.pendingApi = new Set();
      const isApi = (request) => {
        const { pathname } = new URL(request.url());
        return (
          pathname.startsWith('/api/') &&
          pathname !== '/api/realtime/events' &&
          !pathname.startsWith('/api/_test/')
        );
      };
      page.on('request', (request) => {
        if (isApi(request)) page.pendingApi.add(request);
      });
      const done = (request) => page.pendingApi.delete(request);
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      context.on('page', (opened) => page.openedPages.push(opened));
      return page;
    },

    /** A new page on `path`, once the app has rendered its agent area. */
    async open(path = '/') {
      const page = await demo.newPage();
      await demo.goto(page, path);
      return page;
    },

    /**
     * Loads `path` in `page` (as the address bar does). Waits for the DOM and
     * the app's tab bar only: the event stream keeps the network busy.
     */
    async goto(page, path) {
      await page.goto(e2e.url(path), { waitUntil: 'domcontentloaded' });
      await demo.waitForApp(page);
    },

    /** Reloads the page (a browser refresh), without waiting for the data. */
    async reload(page) {
      await page.reload({ waitUntil: 'domcontentloaded' });
      await demo.waitForApp(page);
    },

    /** Waits until the app has rendered its tab bar; says why it did not. */
    async waitForApp(page, { timeout = 15_000 } = {}) {
      try {
        await page
          .locator('.process-tabs')
          .waitFor({ state: 'attached', timeout });
      } catch (error) {
        const body = await page
          .evaluate(() => window.document.body.innerText)
          .catch((e) => `(no body: ${e.message})`);
        error.message += `\nat ${page.url()}; page errors: ${JSON.stringify(
          page.errors.map((e) => e.message),
        )}\nconsole: ${JSON.stringify(page.consoleLines ?? [])}\nbody: ${body.slice(0, 500)}`;
        throw error;
      }
    },

    /**
     * Moves to `path` inside the app, with no page load: what the router does
     * for the back and forward buttons.
     */
    async navigateInApp(page, path) {
      await page.evaluate((url) => {
        window.history.pushState({}, '', url);
        window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
      }, path);
      await page.waitForURL((url) => url.pathname === path);
    },

    /** The conversation list's link to a conversation (waits for the list). */
    conversationLink(page, id) {
      return page.locator(`.conversation-list a[data-conversation="${id}"]`);
    },

    tablist: (page) => page.locator('.process-tabs [role="tablist"]'),

    tabs: (page) =>
      page.locator('.process-tabs [role="tablist"] > [role="tab"]'),

    tab: (page, id, type = 'conversation') =>
      page.locator(
        `.process-tabs [role="tab"][data-process-key="${type}:${id}"]`,
      ),

    /** Whether the tab shows its busy spinner (its ::after, "loading" to assistive technology). */
    spinnerShown: (page, id, type = 'conversation') =>
      demo.tab(page, id, type).evaluate(spinnerShown),

    tabActions: (page, id, type = 'conversation') =>
      page.locator(
        `.process-tabs .process-tab-actions[data-process-key="${type}:${id}"]`,
      ),

    /** The keys of the tabs, in tab order. */
    tabKeys: (page) =>
      demo
        .tabs(page)
        .evaluateAll((tabs) => tabs.map((tab) => tab.dataset.processKey)),

    /** The titles shown on the tabs, in tab order. */
    tabTitles: (page) =>
      demo
        .tabs(page)
        .evaluateAll((tabs) =>
          tabs.map((tab) =>
            tab.querySelector('.tab-title')?.textContent.trim(),
          ),
        ),

    /** The key of the tab marked aria-selected="true", or null. */
    selectedKey: (page) =>
      demo
        .tabs(page)
        .evaluateAll(
          (tabs) =>
            tabs.find((tab) => tab.getAttribute('aria-selected') === 'true')
              ?.dataset.processKey ?? null,
        ),

    /** The conversation pane on screen (the article of that process). */
    conversationPane: (page, id) =>
      page.locator(
        `article.conversation[data-process-key="conversation:${id}"]`,
      ),

    /**
     * Waits for a conversation's pane and checks that it came on screen
     * with its messages, never "Loading…": its process had the data.
     */
    async assertShownWithData(page, id) {
      const pane = demo.conversationPane(page, id);
      await pane.waitFor();
      assert.deepEqual(
        await pane.evaluate((element) => ({
          messages: Boolean(element.querySelector('.messages .message')),
          loading: Boolean(element.querySelector('.loading')),
        })),
        { messages: true, loading: false },
        `conversation ${id} is shown with its data at once`,
      );
    },

    /**
     * The stash as the app left it in sessionStorage, or null:
     * `{ version, active, processes: [{ type, id, title, data }] }`
     * (ember-local-storage keeps it under a `stash` property of its own).
     */
    readStash: (page) =>
      page.evaluate((key) => {
        // eslint-disable-next-line n/no-unsupported-features/node-builtins -- the page's, not Node's
        const text = window.sessionStorage.getItem(key);
        if (text === null) return null;
        const stored = JSON.parse(text);
        return stored.stash ?? stored;
      }, STASH_KEY),

    /** The keys of the stashed processes, in order. */
    async stashedKeys(page) {
      const stash = await demo.readStash(page);
      return (stash?.processes ?? []).map((p) => `${p.type}:${p.id}`);
    },

    /**
     * Waits until the page has no API request in flight (the event stream
     * aside): every subscription it sent has reached the server.
     */
    async idle(page, { timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      while (page.pendingApi?.size > 0) {
        if (Date.now() > deadline) {
          const urls = [...page.pendingApi].map(
            (r) => `${r.method()} ${r.url()}`,
          );
          assert.fail(`API requests still in flight: ${urls.join(', ')}`);
        }
        await sleep(25);
      }
    },

    /** Waits until every tab is neither initializing nor restoring. */
    async waitUntilSettled(page) {
      await page
        .locator('.process-tabs [role="tab"][aria-busy="true"]')
        .first()
        .waitFor({ state: 'detached' });
    },

    /** Fails when the page threw an uncaught error. */
    assertNoErrors(page) {
      assert.deepEqual(
        page.errors.map((error) => error.message),
        [],
        'no uncaught errors in the page',
      );
    },
  };
  return demo;
}

/** Polls `fn` until it returns a value deep-equal to `expected`. */
export async function eventually(fn, expected, { timeoutMs = 5000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let actual;
  for (;;) {
    actual = await fn();
    try {
      assert.deepEqual(actual, expected);
      return actual;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(50);
  }
}
