import { service } from '@ember/service';
import { tracked } from '@glimmer/tracking';
import { task } from 'ember-concurrency';
import { Process } from 'ember-process-manager';
import type BackendService from 'dummy/services/backend';
import type { Conversation } from 'dummy/services/backend';
import type RealtimeService from 'dummy/services/realtime';
import type { RealtimeEvent, Subscription } from 'dummy/services/realtime';
import type ActivityLogService from 'dummy/services/activity-log';

export type ConversationData = { draft?: string };

/**
 * A conversation's tab: loads it, subscribes to its channel for new
 * messages (counted in `unread` while the tab is not on screen), and sends
 * the reply drafted in `data.draft`, which survives a refresh.
 */
export default class ConversationProcess extends Process<ConversationData> {
  @service declare backend: BackendService;
  @service declare realtime: RealtimeService;
  @service('activity-log') declare log: ActivityLogService;

  @tracked conversation?: Conversation;
  /** Customer messages that arrived while this tab was not the active one. */
  @tracked unread = 0;
  /** Why the last Send failed. */
  @tracked sendError?: string;

  #subscription?: Subscription;
  /** Events that came before the conversation had loaded. */
  #early: RealtimeEvent[] = [];

  get title(): string {
    return this.conversation?.subject ?? super.title;
  }

  get canSend(): boolean {
    return Boolean(this.data.draft?.trim()) && !this.sendTask.isRunning;
  }

  async initialize(): Promise<void> {
    this.log.record(this.key, 'initialize');
    await this.#load();
  }

  async restore(): Promise<void> {
    this.log.record(this.key, 'restore');
    await this.#load();
  }

  activated(): void {
    this.unread = 0;
  }

  teardown(): void {
    this.log.record(this.key, 'teardown');
    void this.sendTask.cancelAll();
    if (this.#subscription) this.realtime.unsubscribe(this.#subscription);
    this.#subscription = undefined;
    this.#early = [];
  }

  /** Sends the draft as a reply; the draft is cleared once the server has it. */
  sendTask = task({ drop: true }, async () => {
    const draft = this.data.draft ?? '';
    const text = draft.trim();
    if (!text) return;
    this.sendError = undefined;
    try {
      const message = await this.backend.reply(this.id, text);
      this.#receive({
        channel: `conversation:${this.id}`,
        conversation: this.id,
        status: 'pending',
        message,
      });
      // Keep what was typed while sending.
      if (this.data.draft === draft) this.updateData({ draft: '' });
    } catch (error) {
      this.sendError = error instanceof Error ? error.message : String(error);
    }
  });

  async #load(): Promise<void> {
    this.#subscription ??= this.realtime.subscribe(
      `conversation:${this.id}`,
      (event) => this.#receive(event),
    );
    this.conversation = await this.backend.conversation(this.id);
    const early = this.#early;
    this.#early = [];
    for (const event of early) this.#receive(event);
  }

  #receive(event: RealtimeEvent): void {
    const conversation = this.conversation;
    if (!conversation) {
      this.#early.push(event);
      return;
    }
    if (conversation.messages.some((m) => m.id === event.message.id)) return;
    this.conversation = {
      ...conversation,
      status: event.status,
      messages: [...conversation.messages, event.message],
    };
    if (event.message.author === 'customer' && !this.isActive) this.unread++;
  }
}

declare module 'ember-process-manager/registry' {
  interface ProcessRegistry {
    conversation: ConversationProcess;
  }
}
