import type { StashStorage } from './base';

/**
 * Keeps the stash in memory, serialized as sessionStorage would keep it, so
 * that a second app instance built on the same object sees a "refresh".
 */
export default class MemoryStashStorage implements StashStorage {
  /** How many times `write` stored something: tests and benchmarks count it. */
  writes = 0;
  #json: string | undefined;

  read(): string | undefined {
    return this.#json;
  }

  write(stash: object): void {
    this.#json = JSON.stringify(stash);
    this.writes++;
  }

  clear(): void {
    this.#json = undefined;
  }

  /** The stored text, as a page would find it in sessionStorage. */
  get raw(): string | undefined {
    return this.#json;
  }

  set raw(json: string | undefined) {
    this.#json = json;
  }
}
