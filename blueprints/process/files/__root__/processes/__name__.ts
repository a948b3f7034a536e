import { Process } from 'ember-process-manager';

/**
 * The process behind a `<%= dasherizedModuleName %>` tab: created when the tab
 * opens, destroyed when it closes, restored after a refresh.
 */
export default class <%= className %> extends Process {
  get title(): string {
    return super.title;
  }

  /** First open: load what the tab shows, subscribe to its channels. */
  async initialize(): Promise<void> {}

  /** After a refresh; by default it runs initialize(). */
  async restore(): Promise<void> {
    return this.initialize();
  }

  /** The tab closed: release what initialize()/restore() acquired. */
  teardown(): void {}
}

declare module 'ember-process-manager/registry' {
  interface ProcessRegistry {
    '<%= dasherizedModuleName %>': <%= className %>;
  }
}
