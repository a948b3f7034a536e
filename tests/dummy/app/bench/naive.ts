import type Owner from '@ember/owner';
import { setOwner } from '@ember/owner';
import { tracked } from '@glimmer/tracking';
import { destroy, registerDestructor } from '@ember/destroyable';
import { associateDestroyableChild } from '@ember/destroyable';
// @ts-expect-error: ember-local-storage ships no types; this addon declares only its object
import SessionStorageArrayModule from 'ember-local-storage/session/array';
import type { Process, JSONObject } from 'ember-process-manager';

interface Entry {
  type: string;
  id: string;
  title?: string;
  data?: JSONObject;
  restoring?: number;
}

/** ember-local-storage's session StorageArray: every change writes the whole array. */
interface StorageArray {
  content: Entry[];
  pushObject(entry: Entry): void;
  replace(index: number, count: number, entries: Entry[]): void;
}

const SessionStorageArray = SessionStorageArrayModule as unknown as {
  create(props: object): StorageArray;
};

type ProcessClass = new (
  owner: Owner,
  args: { type: string; id: string; title?: string; data?: JSONObject },
) => Process;

/**
 * The naive way, for comparison: the processes in a tracked array copied on
 * every change, and an ember-local-storage StorageArray written (serialized
 * whole) on every change. The same processes, the same tasks.
 */
export default class NaiveManager {
  @tracked processes: readonly Process[] = [];
  #owner: Owner;
  #stored: StorageArray;

  constructor(owner: Owner, storageKey: string) {
    this.#owner = owner;
    const props = { _storageKey: storageKey };
    setOwner(props, owner);
    // Reads (parses) what is stored, as the StorageArray does on creation.
    this.#stored = SessionStorageArray.create(props);
    const stored = this.#stored;
    registerDestructor(this, () => destroy(stored));
  }

  open(type: string, id: string): Process {
    const process = this.#create(type, id, {});
    this.#stored.pushObject({ type, id, title: process.title });
    void process.initTask.perform();
    return process;
  }

  /** Creates every stored process and starts its restore, marking each entry as it goes. */
  restore(): void {
    const entries = [...this.#stored.content];
    entries.forEach((entry, index) => {
      const { type, id, title, data } = entry;
      const process = this.#create(type, id, { title, data });
      void process.restoreTask.perform();
      this.#stored.replace(index, 1, [
        { ...entry, restoring: (entry.restoring ?? 0) + 1 },
      ]);
    });
  }

  #create(
    type: string,
    id: string,
    args: { title?: string; data?: JSONObject },
  ): Process {
    const Class = this.#owner.factoryFor(`process:${type}`)!
      .class as unknown as ProcessClass;
    const process = new Class(this.#owner, { type, id, ...args });
    associateDestroyableChild(this, process);
    this.processes = [...this.processes, process];
    return process;
  }
}
