/**
 * Where the stash is kept. `read` returns what `write` was last given (after
 * a JSON round trip), or `undefined` when nothing is stored; either may throw,
 * and the manager survives both.
 */
export interface StashStorage {
  read(): unknown;
  write(stash: object): void;
  clear(): void;
}

/** The storage key; every key the addon writes contains `process-manager`. */
export const STASH_KEY = 'ember-process-manager:stash';
