import { set } from '@ember/object';
import { setOwner } from '@ember/owner';
import type Owner from '@ember/owner';
import SessionStorageObject from 'ember-local-storage/session/object';
import { getStorage } from 'ember-local-storage/helpers/storage';
import { isPlainObject } from '../../json';
import { STASH_KEY, type StashStorage } from './base';
import MemoryStashStorage from './memory';

type NativeStorage = Record<string, string | undefined>;

/**
 * The stash in `sessionStorage`, through ember-local-storage.
 *
 * One storage object per app instance rather than `storageFor`: its
 * module-level cache hands a later app instance (the next test, a second
 * app in one page) the first one's destroyed object, whose writes vanish.
 * The stored text is read and checked here first, since ember-local-storage
 * parses it without a guard and merges it into its object. Where
 * sessionStorage cannot be reached at all, the stash lives in memory.
 */
export default class SessionStashStorage implements StashStorage {
  #native: () => NativeStorage;
  #object: SessionStorageObject | undefined;
  #memory: MemoryStashStorage | undefined;
  #damaged: string | undefined;
  #unavailable: Error | undefined;

  constructor(
    owner: Owner,
    native: () => NativeStorage = () => getStorage('session'),
  ) {
    this.#native = native;
    try {
      const storage = native();
      const { text, damaged } = readStored(storage[STASH_KEY]);
      if (damaged) {
        this.#damaged = text;
        delete storage[STASH_KEY];
      }
      const props = { _storageKey: STASH_KEY, _initialContent: {} };
      setOwner(props, owner);
      // Creating it writes its content back once: at boot, not per change.
      this.#object = SessionStorageObject.create(props);
    } catch (cause) {
      this.#unavailable = new Error(
        'sessionStorage is unavailable; the stash is kept in memory for this page',
        { cause },
      );
      this.#memory = new MemoryStashStorage();
    }
  }

  read(): string | undefined {
    const unavailable = this.#unavailable;
    this.#unavailable = undefined;
    if (unavailable) throw unavailable;
    if (this.#memory) return this.#memory.read();
    const damaged = this.#damaged;
    this.#damaged = undefined;
    return damaged ?? readStored(this.#native()[STASH_KEY]).text;
  }

  write(stash: object): void {
    if (this.#memory) return this.#memory.write(stash);
    // `set` (not `object.set`): the object's own setter would save twice.
    set(this.#object!, 'stash', stash);
  }

  clear(): void {
    this.#damaged = undefined;
    if (this.#memory) this.#memory.clear();
    else this.#object!.clear();
  }
}

/**
 * The stash's own JSON from ember-local-storage's stored object. Text that
 * is not such an object is passed on as it is, to be salvaged, and marked
 * damaged: it is removed before ember-local-storage would choke on it.
 */
function readStored(raw: string | undefined): {
  text: string | undefined;
  damaged: boolean;
} {
  if (raw === undefined || raw === null)
    return { text: undefined, damaged: false };
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (isPlainObject(parsed) && !Object.hasOwn(parsed, '__proto__')) {
      const stash = parsed['stash'];
      return {
        text: stash === undefined ? undefined : JSON.stringify(stash),
        damaged: false,
      };
    }
  } catch {
    // Not JSON: salvaged by the stash format.
  }
  return { text: raw, damaged: true };
}
