'use strict';

// The demo's seeded data: 20 users and 50 conversations, the same on every
// start (no randomness), so tests can name what they expect. The dummy app's
// in-memory backend (tests/dummy/app/demo/memory-store.ts) builds the same
// records; e2e/seed-parity.test.mjs checks that they agree.

const NAMES = [
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Ada Lovelace',
  'Margaret Hamilton',
  'Donald Knuth',
  'Frances Allen',
  'John McCarthy',
  'Radia Perlman',
  'Ken Thompson',
  'Katherine Johnson',
  'Tim Berners-Lee',
  'Hedy Lamarr',
  'Dennis Ritchie',
  'Annie Easley',
  'Linus Torvalds',
  'Shafi Goldwasser',
  'Guido van Rossum',
  'Sophie Wilson',
];

const COMPANIES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Soylent',
  'Vandelay Industries',
];

// Each topic is a short customer/agent exchange; a conversation shows the
// first 1 to 4 lines of its topic.
const TOPICS = [
  {
    subject: 'Refund request',
    lines: [
      'Hi, I returned my order two weeks ago and I still have no refund.',
      'Sorry about the wait! The return reached us; let me check the refund.',
      'Thanks. It was paid by card, if that helps.',
      'The refund went out today: card refunds take 3 to 5 business days.',
    ],
  },
  {
    subject: 'Login trouble',
    lines: [
      'I cannot log in since this morning: it says my password is wrong.',
      'I have sent you a password reset link. Could you try it?',
      'The link says it has expired.',
      'Here is a fresh one, valid for an hour.',
    ],
  },
  {
    subject: 'Invoice question',
    lines: [
      'My last invoice charges 12 seats, and we only have 10.',
      'Good catch: two seats were added on the 3rd. Shall I remove them?',
      'Yes please, those were a mistake.',
      'Done. A credit note for the two seats is on its way.',
    ],
  },
  {
    subject: 'Shipping delay',
    lines: [
      'My parcel was due on Monday and the tracking has not moved.',
      'The carrier had a backlog; it should leave the depot today.',
      'Can I still get it before Friday?',
      'I have upgraded it to express delivery, free of charge.',
    ],
  },
  {
    subject: 'Feature idea',
    lines: [
      'It would be great to export reports as CSV.',
      'Thanks for the idea! Which reports would you export first?',
      'The monthly usage one, mostly.',
      'I have passed it on to the product team.',
    ],
  },
];

/** What customers write when the server pushes a message, in turn. */
const FOLLOW_UPS = [
  'Any news on this?',
  'Just checking in: is there an update?',
  'Thanks, that helps a lot!',
  'I have attached a screenshot of the error.',
  'Could you call me back instead?',
  'It happened again just now.',
  'Sorry, one more question about this.',
  'Great, that worked.',
];

const STATUSES = ['open', 'pending', 'closed'];
const AGENT = 'Sam (Support)';
const BASE_TIME = Date.UTC(2026, 10, 20, 9, 0, 0);
const MINUTE = 60 * 1000;

function seedUsers() {
  return NAMES.map((name, i) => {
    const [first, ...rest] = name.toLowerCase().split(' ');
    return {
      id: String(i + 1),
      name,
      email: `${first}.${rest.join('')}@example.com`,
      company: COMPANIES[(i + 1) % COMPANIES.length],
    };
  });
}

function seedConversation(n, users) {
  const topic = TOPICS[n % TOPICS.length];
  const customer = users[(n - 1) % users.length];
  const start = BASE_TIME - n * 53 * MINUTE;
  const messages = topic.lines.slice(0, 1 + (n % 4)).map((text, k) => ({
    id: `${n}-${k + 1}`,
    author: k % 2 === 0 ? 'customer' : 'agent',
    name: k % 2 === 0 ? customer.name : AGENT,
    text,
    at: new Date(start + k * 6 * MINUTE).toISOString(),
  }));
  return {
    id: String(n),
    subject: `#${n} ${topic.subject}`,
    customerId: customer.id,
    customer: customer.name,
    status: STATUSES[n % STATUSES.length],
    messages,
  };
}

/** The seeded records, what changes them, and reset() to reseed them. */
function createStore() {
  let users, conversations, followUps;
  let sequence = 0;
  function reset() {
    users = seedUsers();
    conversations = Array.from({ length: 50 }, (_, i) =>
      seedConversation(i + 1, users),
    );
    followUps = 0;
  }
  reset();

  const conversation = (id) => conversations.find((c) => c.id === id);
  const user = (id) => users.find((u) => u.id === id);

  function summary(c) {
    const last = c.messages[c.messages.length - 1];
    return {
      id: c.id,
      subject: c.subject,
      customerId: c.customerId,
      customer: c.customer,
      status: c.status,
      messageCount: c.messages.length,
      updatedAt: last.at,
      preview: last.text,
    };
  }

  /** Conversations matching `q` (subject, customer or a message) and `status`. */
  function search({ q = '', status = 'any' } = {}) {
    const needle = String(q).trim().toLowerCase();
    return conversations
      .filter((c) => status === 'any' || !status || c.status === status)
      .filter(
        (c) =>
          !needle ||
          c.subject.toLowerCase().includes(needle) ||
          c.customer.toLowerCase().includes(needle) ||
          c.messages.some((m) => m.text.toLowerCase().includes(needle)),
      )
      .map(summary);
  }

  function addMessage(c, author, text) {
    // Unique across restarts of the server, which forget what was added.
    const message = {
      id: `${c.id}-${Date.now().toString(36)}${(sequence++).toString(36)}`,
      author,
      name: author === 'customer' ? c.customer : 'You',
      text,
      at: new Date().toISOString(),
    };
    c.messages.push(message);
    // The customer wrote: it needs an answer. We answered: the ball is theirs.
    c.status = author === 'customer' ? 'open' : 'pending';
    return message;
  }

  return {
    reset,
    conversation,
    user,
    summary,
    search,
    users: () => users.slice(),
    userWithConversations: (u) => ({
      ...u,
      conversations: conversations
        .filter((c) => c.customerId === u.id)
        .map(summary),
    }),
    reply: (c, text) => addMessage(c, 'agent', text),
    customerWrites: (c, text) =>
      addMessage(
        c,
        'customer',
        text ?? FOLLOW_UPS[followUps++ % FOLLOW_UPS.length],
      ),
  };
}

module.exports = { createStore, STATUSES };
