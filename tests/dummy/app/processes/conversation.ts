import { service } from '@ember/service';
import { tracked } from '@glimmer/tracking';
import { Process } from 'ember-process-manager';
import type BackendService from 'dummy/services/backend';
import type { Conversation } from 'dummy/services/backend';
import type RealtimeService from 'dummy/services/realtime';
import type { Subscription } from 'dummy/services/realtime';
import type ActivityLogService from 'dummy/services/activity-log';

export type ConversationData = { draft?: string };

export default class ConversationProcess extends Process<ConversationData> {
  @service declare backend: BackendService;
  @service declare realtime: RealtimeService;
  @service('activity-log') declare log: ActivityLogService;

  @tracked conversation?: Conversation;
  #subscription?: Subscription;

  get title(): string {
    return this.conversation?.subject ?? super.title;
  }

  async initialize(): Promise<void> {
    this.log.record(this.key, 'initialize');
    await this.#load();
  }

  async restore(): Promise<void> {
    this.log.record(this.key, 'restore');
    await this.#load();
  }

  teardown(): void {
    this.log.record(this.key, 'teardown');
    if (this.#subscription) this.realtime.unsubscribe(this.#subscription);
  }

  async #load(): Promise<void> {
    this.#subscription ??= this.realtime.subscribe(`conversation:${this.id}`);
    this.conversation = await this.backend.conversation(this.id);
  }
}

declare module 'ember-process-manager/registry' {
  interface ProcessRegistry {
    conversation: ConversationProcess;
  }
}
