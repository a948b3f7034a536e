'use strict';

// The demo's backend: `ember serve` (npm start) runs this next to the dummy
// app. A JSON API over seeded data (server/data.js), a realtime channel with
// Server-Sent Events (server/realtime.js), and a test API for the end-to-end
// suite (server/api.js lists every route).
//
// Environment:
//   DEMO_LATENCY_MS  latency of each API request, about ±40 % (default 250; 0 = none)
//   DEMO_PUSH_MS     how often a customer writes in a subscribed conversation,
//                    about ±40 %, at random among them (default 5000; 0 = never)

const { createStore } = require('./data');
const { createHub } = require('./realtime');
const { mountApi } = require('./api');

function envMs(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number of ms >= 0, not "${raw}"`);
  }
  return value;
}

/** 250 ms becomes anything from 150 to 350 ms. */
const jitter = (ms) => Math.round(ms * (0.6 + 0.8 * Math.random()));

function createDemo() {
  const fromEnv = {
    latencyMs: envMs('DEMO_LATENCY_MS', 250),
    pushMs: envMs('DEMO_PUSH_MS', 5000),
  };
  let settings = { ...fromEnv };
  const store = createStore();
  const hub = createHub();
  let counts, failures, pushTimer;

  function resetCounts() {
    counts = {
      requests: {},
      conversationGets: {},
      userGets: {},
      pushed: 0,
      replied: 0,
    };
    failures = [];
  }
  resetCounts();

  /** Publishes a conversation's new message on its channel; returns the clients reached. */
  function announce(conversation, message) {
    return hub.publish(`conversation:${conversation.id}`, {
      conversation: conversation.id,
      status: conversation.status,
      message,
    });
  }

  /** A customer writes in a conversation (a follow-up line unless `text`). */
  function push(conversation, text) {
    const message = store.customerWrites(conversation, text);
    counts.pushed++;
    return { message, delivered: announce(conversation, message) };
  }

  function pushSomewhere() {
    const ids = hub
      .liveChannels()
      .map((channel) => /^conversation:(.+)$/.exec(channel)?.[1])
      .filter((id) => id && store.conversation(id));
    if (ids.length === 0) return;
    push(store.conversation(ids[Math.floor(Math.random() * ids.length)]));
  }

  function schedulePushes() {
    clearTimeout(pushTimer);
    if (settings.pushMs === 0) return;
    pushTimer = setTimeout(() => {
      pushSomewhere();
      schedulePushes();
    }, jitter(settings.pushMs));
    pushTimer.unref();
  }

  return {
    store,
    hub,
    announce,
    push,

    /** This request's latency. */
    latency: () => jitter(settings.latencyMs),

    /** Counts an API request (the test API and the event stream are not counted). */
    request(method, path) {
      const key = `${method} ${path}`;
      counts.requests[key] = (counts.requests[key] ?? 0) + 1;
      if (method !== 'GET') return;
      const [, kind, id] =
        /^\/api\/(conversations|users)\/([^/]+)$/.exec(path) ?? [];
      const gets = kind === 'users' ? counts.userGets : counts.conversationGets;
      if (id) gets[id] = (gets[id] ?? 0) + 1;
    },

    replied: () => counts.replied++,

    /** The planned failure that this request takes, if any. */
    takeFailure(path) {
      const plan = failures.find((f) => f.path === path && f.times > 0);
      if (plan) plan.times--;
      return plan;
    },

    planFailure(plan) {
      failures.push({ ...plan });
      return plan;
    },

    updateSettings(patch) {
      settings = {
        latencyMs: patch.latencyMs ?? settings.latencyMs,
        pushMs: patch.pushMs ?? settings.pushMs,
      };
      schedulePushes();
      return { ...settings };
    },

    /** The seeded data again, zeroed counters, no planned failures, settings from the environment. */
    reset() {
      store.reset();
      hub.resetStats();
      resetCounts();
      settings = { ...fromEnv };
      schedulePushes();
    },

    snapshot() {
      return {
        ...hub.stats(), // channels, live, clients
        conversationGets: { ...counts.conversationGets },
        userGets: { ...counts.userGets },
        requests: { ...counts.requests },
        pushed: counts.pushed,
        replied: counts.replied,
        settings: { ...settings },
      };
    },

    start: schedulePushes,

    stop() {
      clearTimeout(pushTimer);
      hub.close();
    },
  };
}

module.exports = function demoBackend(app, options) {
  const demo = createDemo();
  mountApi(app, demo);
  demo.start();
  // ember-cli restarts the server (and requires this file again) when
  // server/ changes: stop this one's timers and streams with it.
  options?.httpServer?.on('close', demo.stop);
};
