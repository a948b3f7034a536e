import type Owner from '@ember/owner';
import type { StashStorage } from './base';
import SessionStashStorage from './session';

let override: StashStorage | undefined;

/**
 * Test support swaps the storage of every app instance made while a test
 * runs, including a second one standing for the page after a refresh.
 */
export function overrideStashStorage(storage: StashStorage | undefined): void {
  override = storage;
}

export function stashStorageFor(owner: Owner): StashStorage {
  return override ?? new SessionStashStorage(owner);
}
