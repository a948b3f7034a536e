import Service from '@ember/service';
import { tracked } from '@glimmer/tracking';

export interface Subscription {
  readonly channel: string;
}

/**
 * The demo's realtime channel. It keeps the live subscriptions, so a test
 * (or the demo's footer) can check that every process releases its own.
 */
export default class RealtimeService extends Service {
  @tracked live: readonly Subscription[] = [];
  subscribed = 0;
  unsubscribed = 0;

  subscribe(channel: string): Subscription {
    const subscription = { channel };
    this.live = [...this.live, subscription];
    this.subscribed++;
    return subscription;
  }

  unsubscribe(subscription: Subscription): void {
    if (!this.live.includes(subscription)) return;
    this.live = this.live.filter((s) => s !== subscription);
    this.unsubscribed++;
  }

  liveFor(channel: string): number {
    return this.live.filter((s) => s.channel === channel).length;
  }
}

declare module '@ember/service' {
  interface Registry {
    realtime: RealtimeService;
  }
}
