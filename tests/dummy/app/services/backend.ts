import Service, { service } from '@ember/service';
import { timeout } from 'ember-concurrency';
import { demoApi, demoBackend } from 'dummy/demo/config';
import MemoryStore from 'dummy/demo/memory-store';
import { request } from 'dummy/demo/http';
import type RealtimeService from 'dummy/services/realtime';
import type {
  Conversation,
  ConversationSummary,
  Message,
  SearchCriteria,
  User,
  UserSummary,
} from 'dummy/demo/types';

export type {
  Conversation,
  ConversationSummary,
  Message,
  SearchCriteria,
  User,
  UserSummary,
} from 'dummy/demo/types';

/**
 * The demo's data source. With `APP.demoBackend: 'http'` (development,
 * production) it calls the JSON API of server/; with `'memory'` (tests) it
 * answers from seeded records in memory, and what the server would push on
 * the realtime channel goes to the realtime service directly.
 */
export default class BackendService extends Service {
  @service declare realtime: RealtimeService;

  /** The records loaded (`conversation:<id>`, `user:<id>`), in order: lists and searches are not in it. */
  requests: string[] = [];

  readonly api = demoApi;
  #memory = demoBackend === 'memory' ? new MemoryStore() : undefined;

  /** All conversations, or those matching the criteria of an advanced search. */
  async conversations(
    criteria: SearchCriteria = {},
  ): Promise<ConversationSummary[]> {
    if (this.#memory) {
      await answer();
      return this.#memory.conversations(criteria);
    }
    const query = new URLSearchParams();
    if (criteria.query?.trim()) query.set('q', criteria.query.trim());
    if (criteria.status && criteria.status !== 'any')
      query.set('status', criteria.status);
    const search = query.toString() ? `?${query.toString()}` : '';
    return request('GET', `${this.api}/conversations${search}`);
  }

  async conversation(id: string): Promise<Conversation> {
    this.requests.push(`conversation:${id}`);
    if (this.#memory) {
      await answer();
      return this.#memory.conversation(id);
    }
    return request('GET', `${this.api}/conversations/${encode(id)}`);
  }

  async users(): Promise<UserSummary[]> {
    if (this.#memory) {
      await answer();
      return this.#memory.users();
    }
    return request('GET', `${this.api}/users`);
  }

  async user(id: string): Promise<User> {
    this.requests.push(`user:${id}`);
    if (this.#memory) {
      await answer();
      return this.#memory.user(id);
    }
    return request('GET', `${this.api}/users/${encode(id)}`);
  }

  /** Sends the agent's reply; the realtime channel announces it too. */
  async reply(id: string, text: string): Promise<Message> {
    if (this.#memory) {
      await answer();
      const { status, message } = this.#memory.reply(id, text);
      this.#announce(id, status, message);
      return message;
    }
    return request('POST', `${this.api}/conversations/${encode(id)}/messages`, {
      text,
    });
  }

  /**
   * Makes the customer of a conversation write now (a follow-up line unless
   * `text`): the server's test API over HTTP, the store in memory.
   */
  async push(id: string, text?: string): Promise<Message> {
    if (this.#memory) {
      const { status, message } = this.#memory.customerWrites(id, text);
      this.#announce(id, status, message);
      return message;
    }
    const pushed = await request<{ message: Message }>(
      'POST',
      `${this.api}/_test/push`,
      { conversation: id, text },
    );
    return pushed.message;
  }

  #announce(id: string, status: Conversation['status'], message: Message) {
    this.realtime.deliver({
      channel: `conversation:${id}`,
      conversation: id,
      status,
      message,
    });
  }
}

/** In memory, answers still come later, as over the network. */
function answer(): Promise<void> {
  return timeout(0) as unknown as Promise<void>;
}

function encode(id: string): string {
  return encodeURIComponent(id);
}

declare module '@ember/service' {
  interface Registry {
    backend: BackendService;
  }
}
