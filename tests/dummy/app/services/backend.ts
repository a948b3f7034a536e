import Service from '@ember/service';
import { timeout } from 'ember-concurrency';
import config from 'dummy/config/environment';

export interface Conversation {
  id: string;
  subject: string;
  customer: string;
  messages: string[];
}

export interface User {
  id: string;
  name: string;
  email: string;
}

const SUBJECTS = [
  'Refund request',
  'Login trouble',
  'Invoice question',
  'Shipping delay',
  'Feature idea',
];
const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
];

/** The demo's data source: seeded records behind a small latency. */
export default class BackendService extends Service {
  /** Every request made, in order, so tests can see what loaded when. */
  requests: string[] = [];

  conversations(): Conversation[] {
    return Array.from({ length: 50 }, (_, i) => conversation(String(i + 1)));
  }

  async conversation(id: string): Promise<Conversation> {
    this.requests.push(`conversation:${id}`);
    await timeout(config.environment === 'test' ? 0 : 300);
    return conversation(id);
  }

  async user(id: string): Promise<User> {
    this.requests.push(`user:${id}`);
    await timeout(config.environment === 'test' ? 0 : 300);
    const name = NAMES[Number(id) % NAMES.length]!;
    return {
      id,
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
    };
  }
}

function conversation(id: string): Conversation {
  const n = Number(id);
  return {
    id,
    subject: `#${id} ${SUBJECTS[n % SUBJECTS.length]!}`,
    customer: NAMES[n % NAMES.length]!,
    messages: [`Hello, this is about #${id}.`],
  };
}

declare module '@ember/service' {
  interface Registry {
    backend: BackendService;
  }
}
