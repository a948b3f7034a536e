import Service from '@ember/service';
import { tracked } from '@glimmer/tracking';
import { demoApi, demoBackend } from 'dummy/demo/config';
import EventStream, { type ConnectionState } from 'dummy/demo/event-stream';
import type { RealtimeEvent } from 'dummy/demo/types';

export type { RealtimeEvent } from 'dummy/demo/types';

export interface Subscription {
  readonly channel: string;
}

export type Listener = (event: RealtimeEvent) => void;

/**
 * The demo's realtime channel. It keeps the live subscriptions, so a test
 * (or the demo's nav) can check that every process releases its own.
 *
 * With `APP.demoBackend: 'http'` each subscription is also made on the
 * server (server/realtime.js), whose Server-Sent Events come in through
 * `deliver()`. With `'memory'` (tests) nothing leaves the page: the memory
 * backend, or a test, calls `deliver()` itself.
 */
export default class RealtimeService extends Service {
  @tracked live: readonly Subscription[] = [];
  subscribed = 0;
  unsubscribed = 0;
  /** `'memory'`, or the state of the server's event stream. */
  @tracked connection: ConnectionState | 'memory' =
    demoBackend === 'http' ? 'connecting' : 'memory';

  #listeners = new Map<Subscription, Listener | undefined>();
  #stream?: EventStream;

  subscribe(channel: string, listener?: Listener): Subscription {
    const subscription = { channel };
    this.live = [...this.live, subscription];
    this.#listeners.set(subscription, listener);
    this.subscribed++;
    this.#server()?.add(channel);
    return subscription;
  }

  unsubscribe(subscription: Subscription): void {
    if (!this.live.includes(subscription)) return;
    this.live = this.live.filter((s) => s !== subscription);
    this.#listeners.delete(subscription);
    this.unsubscribed++;
    this.#stream?.remove(subscription.channel);
  }

  liveFor(channel: string): number {
    return this.live.filter((s) => s.channel === channel).length;
  }

  /** Hands an event to the listeners of its channel. */
  deliver(event: RealtimeEvent): void {
    for (const [subscription, listener] of this.#listeners) {
      if (subscription.channel === event.channel) listener?.(event);
    }
  }

  /** Opens the page's event stream now rather than at the first subscription. */
  connect(): void {
    this.#server();
  }

  willDestroy(): void {
    super.willDestroy();
    this.#stream?.close();
  }

  #server(): EventStream | undefined {
    if (demoBackend !== 'http' || this.isDestroying) return;
    this.#stream ??= new EventStream(demoApi, {
      event: (event) => this.deliver(event),
      state: (state) => (this.connection = state),
      channels: () => this.live.map((s) => s.channel),
    });
    return this.#stream;
  }
}

declare module '@ember/service' {
  interface Registry {
    realtime: RealtimeService;
  }
}
