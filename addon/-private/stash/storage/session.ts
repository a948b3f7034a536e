import { set } from '@ember/object';
import { setOwner } from '@ember/owner';
import type Owner from '@ember/owner';
import SessionStorageObject from 'ember-local-storage/session/object';
import { getStorage } from 'ember-local-storage/helpers/storage';
import { isPlainObject } from '../../json';
import { STASH_KEY, type StashStorage } from './base';

/**
 * The stash in `sessionStorage`, through ember-local-storage.
 *
 * One storage object per app instance rather than `storageFor`: its
 * module-level cache hands a later app instance (the next test, a second
 * app in one page) the first one's destroyed object, whose writes vanish.
 * The stored text is read and checked here before ember-local-storage
 * parses it, since it parses without a guard and would stop the boot.
 */
export default class SessionStashStorage implements StashStorage {
  #object: SessionStorageObject;
  #unreadable: Error | undefined;

  constructor(owner: Owner) {
    const native = getStorage('session');
    const raw = native[STASH_KEY];
    try {
      if (raw !== undefined) unwrap(JSON.parse(raw));
    } catch (cause) {
      this.#unreadable = new Error(
        `the stored stash cannot be read: ${String(raw).slice(0, 60)}`,
        { cause },
      );
      delete native[STASH_KEY];
    }
    const props = { _storageKey: STASH_KEY, _initialContent: {} };
    setOwner(props, owner);
    // Creating it writes its content back once: at boot, not per change.
    this.#object = SessionStorageObject.create(props);
  }

  read(): unknown {
    const unreadable = this.#unreadable;
    this.#unreadable = undefined;
    if (unreadable) throw unreadable;
    const raw = getStorage('session')[STASH_KEY];
    return raw === undefined ? undefined : unwrap(JSON.parse(raw));
  }

  write(stash: object): void {
    // `set` (not `object.set`): the object's own setter would save twice.
    set(this.#object, 'stash', stash);
  }

  clear(): void {
    this.#object.clear();
  }
}

/** ember-local-storage merges the stored object into its content, so only a plain one may reach it. */
function unwrap(parsed: unknown): unknown {
  if (!isPlainObject(parsed) || Object.hasOwn(parsed, '__proto__')) {
    throw new Error('not a plain object');
  }
  return parsed['stash'];
}
