import { Process } from 'ember-process-manager';

export type SearchCriteria = {
  query?: string;
  status?: 'open' | 'closed' | 'any';
};

/** An advanced search: its criteria live in `data`, so a refresh keeps them. */
export default class SearchProcess extends Process<SearchCriteria> {
  get title(): string {
    return this.data.query ? `Search: ${this.data.query}` : 'New search';
  }
}

declare module 'ember-process-manager/registry' {
  interface ProcessRegistry {
    search: SearchProcess;
  }
}
