'use strict';

// The demo's JSON API under /api, and the test API under /api/_test that the
// end-to-end suite uses to observe and steer the server. Each route's comment
// gives its request and response.

const { CLIENT_ID, CHANNEL } = require('./realtime');
const { STATUSES } = require('./data');

const MAX_BODY = 100 * 1024;
const MAX_REPLY = 5000;

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** The request's JSON body ({} when empty); 400 when it is not JSON. */
function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > MAX_BODY) {
        reject(new HttpError(413, 'request body too large'));
        req.destroy();
      }
    });
    req.on('end', () => {
      try {
        resolve(body.trim() ? JSON.parse(body) : {});
      } catch {
        reject(new HttpError(400, 'request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function safeDecode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Wraps a handler: its errors become JSON error responses. */
function handle(fn) {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error('[demo api]', error);
      if (!res.headersSent) res.status(status).json({ error: error.message });
    }
  };
}

function mountApi(app, demo) {
  const { store, hub } = demo;
  const conversationOr404 = (id) => {
    const conversation = store.conversation(id);
    if (!conversation) throw new HttpError(404, `no conversation ${id}`);
    return conversation;
  };
  const userOr404 = (id) => {
    const user = store.user(id);
    if (!user) throw new HttpError(404, `no user ${id}`);
    return user;
  };

  // Counting, planned failures and latency for everything but the test API
  // and the event stream.
  app.use('/api', (req, res, next) => {
    if (req.path.startsWith('/_test/') || req.path === '/realtime/events') {
      return next();
    }
    const path = `/api${safeDecode(req.path)}`;
    demo.request(req.method, path);
    const failure = demo.takeFailure(path);
    const delay = demo.latency();
    const go = () =>
      failure
        ? res.status(failure.status).json({ error: 'planned failure' })
        : next();
    if (delay > 0) setTimeout(go, delay);
    else go();
  });

  // GET /api/conversations?q=&status=open|pending|closed|any
  //   -> ConversationSummary[] (all 50 without criteria), in id order
  app.get(
    '/api/conversations',
    handle((req, res) => {
      const { q, status } = req.query;
      if (status && status !== 'any' && !STATUSES.includes(status)) {
        throw new HttpError(400, `unknown status ${status}`);
      }
      res.json(store.search({ q: q ?? '', status: status ?? 'any' }));
    }),
  );

  // GET /api/conversations/:id -> Conversation (with its messages)
  app.get(
    '/api/conversations/:id',
    handle((req, res) => res.json(conversationOr404(req.params.id))),
  );

  // POST /api/conversations/:id/messages { text } -> 201 Message (the reply)
  app.post(
    '/api/conversations/:id/messages',
    handle(async (req, res) => {
      const conversation = conversationOr404(req.params.id);
      const { text } = await readJson(req);
      if (typeof text !== 'string' || !text.trim()) {
        throw new HttpError(400, 'text must be a non-empty string');
      }
      if (text.length > MAX_REPLY) {
        throw new HttpError(400, `text is longer than ${MAX_REPLY}`);
      }
      const message = store.reply(conversation, text.trim());
      demo.replied();
      demo.announce(conversation, message);
      res.status(201).json(message);
    }),
  );

  // GET /api/users -> User[]
  app.get(
    '/api/users',
    handle((req, res) => res.json(store.users())),
  );

  // GET /api/users/:id -> User with its conversations (ConversationSummary[])
  app.get(
    '/api/users/:id',
    handle((req, res) =>
      res.json(store.userWithConversations(userOr404(req.params.id))),
    ),
  );

  // GET /api/realtime/events?client=<id> -> text/event-stream
  //   event "ready" { client }, then event "message"
  //   { channel, conversation, status, message } per new message
  app.get(
    '/api/realtime/events',
    handle((req, res) => {
      const client = String(req.query.client ?? '');
      if (!CLIENT_ID.test(client)) throw new HttpError(400, 'bad client id');
      hub.connect(client, req, res);
    }),
  );

  const checkSubscription = (req) => {
    const { client, channel } = req.params;
    if (!CLIENT_ID.test(client)) throw new HttpError(400, 'bad client id');
    if (!CHANNEL.test(channel)) throw new HttpError(400, 'bad channel');
    return { client, channel };
  };

  // POST /api/realtime/clients/:client/channels/:channel -> { client, channel, count }
  app.post(
    '/api/realtime/clients/:client/channels/:channel',
    handle((req, res) => {
      const { client, channel } = checkSubscription(req);
      res.json({ client, channel, count: hub.subscribe(client, channel) });
    }),
  );

  // DELETE /api/realtime/clients/:client/channels/:channel -> { client, channel, count }
  //   404 when that client has no subscription to that channel
  app.delete(
    '/api/realtime/clients/:client/channels/:channel',
    handle((req, res) => {
      const { client, channel } = checkSubscription(req);
      const count = hub.unsubscribe(client, channel);
      if (count === null) throw new HttpError(404, 'not subscribed');
      res.json({ client, channel, count });
    }),
  );

  // ---- The test API: no latency, never counted ----

  // GET /api/_test/stats -> see snapshot() in server/index.js
  app.get(
    '/api/_test/stats',
    handle((req, res) => res.json(demo.snapshot())),
  );

  // POST /api/_test/reset -> stats: the seeded data again, zeroed counters,
  // no planned failures, settings from the environment
  app.post(
    '/api/_test/reset',
    handle((req, res) => {
      demo.reset();
      res.json(demo.snapshot());
    }),
  );

  // POST /api/_test/push { conversation, text? }
  //   -> { conversation, channel, message, delivered } (delivered: clients reached)
  app.post(
    '/api/_test/push',
    handle(async (req, res) => {
      const { conversation: id, text } = await readJson(req);
      const conversation = conversationOr404(String(id));
      if (text !== undefined && (typeof text !== 'string' || !text.trim())) {
        throw new HttpError(400, 'text must be a non-empty string');
      }
      const { message, delivered } = demo.push(conversation, text);
      res.json({
        conversation: conversation.id,
        channel: `conversation:${conversation.id}`,
        message,
        delivered,
      });
    }),
  );

  // POST /api/_test/fail { path, times = 1, status = 500 } -> the plan
  //   the next `times` requests to `path` (e.g. "/api/conversations/7",
  //   any method) answer `status` with { error: "planned failure" }
  app.post(
    '/api/_test/fail',
    handle(async (req, res) => {
      const { path, times = 1, status = 500 } = await readJson(req);
      if (typeof path !== 'string' || !path.startsWith('/api/')) {
        throw new HttpError(400, 'path must start with /api/');
      }
      if (!Number.isInteger(times) || times < 1) {
        throw new HttpError(400, 'times must be a positive integer');
      }
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new HttpError(400, 'status must be 4xx or 5xx');
      }
      res.json(demo.planFailure({ path, times, status }));
    }),
  );

  // POST /api/_test/config { latencyMs?, pushMs? } -> { latencyMs, pushMs }
  app.post(
    '/api/_test/config',
    handle(async (req, res) => {
      const patch = await readJson(req);
      for (const name of ['latencyMs', 'pushMs']) {
        const value = patch[name];
        if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
          throw new HttpError(400, `${name} must be an integer >= 0`);
        }
      }
      res.json(demo.updateSettings(patch));
    }),
  );

  // Anything else under /api is a JSON 404, not the app's index.html.
  app.use('/api', (req, res) =>
    res.status(404).json({ error: `no route ${req.method} /api${req.path}` }),
  );
}

module.exports = { mountApi };
