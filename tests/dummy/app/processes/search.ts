import { service } from '@ember/service';
import { tracked } from '@glimmer/tracking';
import { task, timeout } from 'ember-concurrency';
import { Process } from 'ember-process-manager';
import config from 'dummy/config/environment';
import type BackendService from 'dummy/services/backend';
import type { ConversationSummary } from 'dummy/services/backend';

export type SearchCriteria = {
  query?: string;
  status?: 'open' | 'pending' | 'closed' | 'any';
};

const DEBOUNCE_MS = config.environment === 'test' ? 0 : 250;

/**
 * An advanced search: its criteria live in `data`, so a refresh keeps them;
 * its results are fetched again on open, on restore and as the criteria change.
 */
export default class SearchProcess extends Process<SearchCriteria> {
  @service declare backend: BackendService;
  /** The conversations found by the last search that answered. */
  @tracked results: ConversationSummary[] = [];
  /** Has a search answered yet? */
  @tracked hasResults = false;
  /** Why the last search after a change of criteria failed. */
  @tracked searchError?: string;
  #generation = 0;

  get title(): string {
    const { query, status } = this.data;
    if (query?.trim()) return `Search: ${query.trim()}`;
    if (status && status !== 'any') return `Search: ${status}`;
    return 'New search';
  }

  /** Is a search (the first, or after a change of criteria) under way? */
  get isSearching(): boolean {
    return !this.hasResults || this.searchTask.isRunning;
  }

  async initialize(): Promise<void> {
    await this.#search();
  }

  teardown(): void {
    void this.searchTask.cancelAll();
  }

  /** Changes the criteria (stashed) and searches again, debounced. */
  update(patch: SearchCriteria): void {
    this.updateData(patch);
    void this.searchTask.perform();
  }

  searchTask = task({ restartable: true }, async () => {
    await timeout(DEBOUNCE_MS);
    try {
      await this.#search();
    } catch (error) {
      this.searchError = error instanceof Error ? error.message : String(error);
    }
  });

  /** The latest search wins, whichever answers first. */
  async #search(): Promise<void> {
    const generation = ++this.#generation;
    const results = await this.backend.conversations(this.data);
    if (generation !== this.#generation) return;
    this.results = results;
    this.hasResults = true;
    this.searchError = undefined;
  }
}

declare module 'ember-process-manager/registry' {
  interface ProcessRegistry {
    search: SearchProcess;
  }
}
