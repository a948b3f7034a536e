import { request } from './http';
import type { RealtimeEvent } from './types';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

const REOPEN_MS = 3000;

/**
 * The page's side of the server's realtime channel: one EventSource under a
 * client id of this page's own, and a POST (subscribe) or DELETE
 * (unsubscribe) per subscription, in order per channel. When the stream
 * comes back after it was lost, the server has forgotten this page's
 * subscriptions: they are sent again.
 */
export default class EventStream {
  readonly client = randomId();
  #source?: EventSource;
  #closed = false;
  #wasOpen = false;
  #lost = false;
  #reopenTimer?: ReturnType<typeof setTimeout>;
  #queues = new Map<string, Promise<unknown>>();

  constructor(
    readonly api: string,
    readonly handlers: {
      event(event: RealtimeEvent): void;
      state(state: ConnectionState): void;
      /** The live channels, once per subscription. */
      channels(): string[];
    },
  ) {
    this.#open();
  }

  add(channel: string): void {
    if (!this.#lost) this.#send('POST', channel);
  }

  remove(channel: string): void {
    if (!this.#lost) this.#send('DELETE', channel);
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#reopenTimer);
    this.#source?.close();
  }

  #open(): void {
    const source = new EventSource(
      `${this.api}/realtime/events?client=${this.client}`,
    );
    this.#source = source;
    source.addEventListener('open', () => {
      if (this.#lost) {
        this.#lost = false;
        for (const channel of this.handlers.channels())
          this.#send('POST', channel);
      }
      this.#wasOpen = true;
      this.handlers.state('open');
    });
    source.addEventListener('message', (message: MessageEvent<string>) => {
      try {
        this.handlers.event(JSON.parse(message.data) as RealtimeEvent);
      } catch (error) {
        console.error('[realtime] bad event', message.data, error);
      }
    });
    source.addEventListener('error', () => {
      if (this.#closed) return;
      if (this.#wasOpen) this.#lost = true;
      this.handlers.state('reconnecting');
      // The browser retries by itself, unless the server answered an error.
      if (source.readyState === EventSource.CLOSED) {
        this.#reopenTimer = setTimeout(() => this.#open(), REOPEN_MS);
      }
    });
  }

  #send(method: 'POST' | 'DELETE', channel: string): void {
    const url = `${this.api}/realtime/clients/${this.client}/channels/${encodeURIComponent(channel)}`;
    const previous = this.#queues.get(channel) ?? Promise.resolve();
    const next = previous
      .then(() => request(method, url))
      .catch((error: unknown) =>
        console.warn(`[realtime] ${method} ${channel} failed`, error),
      );
    this.#queues.set(channel, next);
    void next.then(() => {
      if (this.#queues.get(channel) === next) this.#queues.delete(channel);
    });
  }
}

function randomId(): string {
  return (
    Math.random().toString(36).slice(2, 10) + Date.now().toString(36)
  ).replace(/[^a-z0-9]/g, '');
}
