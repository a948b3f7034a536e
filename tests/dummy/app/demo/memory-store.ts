import type {
  Conversation,
  ConversationStatus,
  ConversationSummary,
  Message,
  SearchCriteria,
  User,
  UserSummary,
} from './types';

// The demo's seeded data in memory, for the test environment, where no
// server/ middleware runs. It builds the same records as server/data.js
// (it runs in the page, that one in Node); e2e/seed-parity.test.mjs fails
// when the two drift apart.

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

const TOPICS: { subject: string; lines: string[] }[] = [
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

const STATUSES: ConversationStatus[] = ['open', 'pending', 'closed'];
const AGENT = 'Sam (Support)';
const BASE_TIME = Date.UTC(2026, 10, 20, 9, 0, 0);
const MINUTE = 60 * 1000;

const at = <T>(list: readonly T[], index: number): T =>
  list[index % list.length]!;

function seedUsers(): UserSummary[] {
  return NAMES.map((name, i) => {
    const [first, ...rest] = name.toLowerCase().split(' ');
    return {
      id: String(i + 1),
      name,
      email: `${first}.${rest.join('')}@example.com`,
      company: at(COMPANIES, i + 1),
    };
  });
}

function seedConversation(n: number, users: UserSummary[]): Conversation {
  const topic = at(TOPICS, n);
  const customer = at(users, n - 1);
  const start = BASE_TIME - n * 53 * MINUTE;
  const messages = topic.lines
    .slice(0, 1 + (n % 4))
    .map((text, k): Message => ({
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
    status: at(STATUSES, n),
    messages,
  };
}

function summary(c: Conversation): ConversationSummary {
  const last = c.messages[c.messages.length - 1]!;
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

/** Thrown like the HTTP backend's errors, with the status the server would answer. */
export class NotFound extends Error {
  status = 404;
}

/** The seeded records and what changes them; every answer is a copy. */
export default class MemoryStore {
  #users = seedUsers();
  #conversations = Array.from({ length: 50 }, (_, i) =>
    seedConversation(i + 1, this.#users),
  );
  #followUps = 0;
  #sequence = 0;

  conversations({
    query = '',
    status = 'any',
  }: SearchCriteria = {}): ConversationSummary[] {
    const needle = query.trim().toLowerCase();
    return this.#conversations
      .filter((c) => status === 'any' || c.status === status)
      .filter(
        (c) =>
          !needle ||
          c.subject.toLowerCase().includes(needle) ||
          c.customer.toLowerCase().includes(needle) ||
          c.messages.some((m) => m.text.toLowerCase().includes(needle)),
      )
      .map(summary);
  }

  conversation(id: string): Conversation {
    return copy(this.#conversation(id));
  }

  users(): UserSummary[] {
    return copy(this.#users);
  }

  user(id: string): User {
    const user = this.#users.find((u) => u.id === id);
    if (!user) throw new NotFound(`no user ${id}`);
    return copy({
      ...user,
      conversations: this.#conversations
        .filter((c) => c.customerId === id)
        .map(summary),
    });
  }

  /** The agent answers; returns the conversation's new status and the message. */
  reply(id: string, text: string) {
    return this.#add(this.#conversation(id), 'agent', text);
  }

  /** The customer writes (a follow-up line unless `text`). */
  customerWrites(id: string, text?: string) {
    return this.#add(
      this.#conversation(id),
      'customer',
      text ?? at(FOLLOW_UPS, this.#followUps++),
    );
  }

  #conversation(id: string): Conversation {
    const conversation = this.#conversations.find((c) => c.id === id);
    if (!conversation) throw new NotFound(`no conversation ${id}`);
    return conversation;
  }

  #add(c: Conversation, author: Message['author'], text: string) {
    const message: Message = {
      id: `${c.id}-n${this.#sequence++}`,
      author,
      name: author === 'customer' ? c.customer : 'You',
      text,
      at: new Date().toISOString(),
    };
    c.messages.push(message);
    c.status = author === 'customer' ? 'open' : 'pending';
    return { status: c.status, message: copy(message) };
  }
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
