/**
 * Where the stash is kept. `read` returns the stash's JSON text as stored
 * (which may be damaged), or `undefined` when nothing is stored; either
 * method may throw, and the manager survives both.
 */
export interface StashStorage {
  read(): string | undefined;
  write(stash: object): void;
  clear(): void;
}

/** The storage key; every key the addon writes contains `process-manager`. */
export const STASH_KEY = 'ember-process-manager:stash';
