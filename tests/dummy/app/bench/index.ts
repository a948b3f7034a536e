import type Owner from '@ember/owner';
import { setOwner } from '@ember/owner';
import { associateDestroyableChild, destroy } from '@ember/destroyable';
import { run, schedule } from '@ember/runloop';
import { renderSettled } from '@ember/renderer';
import type { Process, ProcessManagerService } from 'ember-process-manager';
import { STASH_KEY } from 'ember-process-manager/-private/stash/storage/base';
import NaiveManager from './naive';
import {
  FloorObject,
  PlainObject,
  clearInitGates,
  initGate,
  openRestoreGate,
  registerBenchTypes,
} from './types';
import {
  afterPaint,
  bytes,
  collectGarbage,
  macrotask,
  now,
  random,
  storageWrites,
} from './util';

declare global {
  interface Window {
    __bench?: Bench;
  }
}

/** The storage key of the naive StorageArray (not the addon's). */
const NAIVE_KEY = 'bench-naive';

const idOf = (index: number): string => String(100000 + index);

/** Something the optimizer cannot drop. */
let sink: unknown;

function writesSince(start: number | null): number | null {
  const current = storageWrites();
  return start === null || current === null ? null : current - start;
}

export interface OpenResult {
  /** From the first open() to the end of the run loop's actions (the stash written), before rendering. */
  ms: number;
  /** The same, until the tab bar has painted them. */
  msPainted: number;
  writesInLoop: number | null;
  /** Including after every process became ready. */
  writesAfterReady: number | null;
  ready: number;
}

export interface RestoreResult {
  /** Creating the service (ember-local-storage reads the stored text). */
  constructMs: number;
  /** From restore() to its promise resolving. */
  restoreMs: number;
  writes: number | null;
  restored: number;
}

export interface StatusChangeResult {
  ms: number[];
  outside: number[];
  inside: number[];
  outsideExamples: string[];
}

export interface ChurnResult {
  ops: number;
  opens: number;
  closes: number;
  activations: number;
  maxOpen: number;
  openAtEnd: number;
  /** sessionStorage bytes per open process, sampled along the churn. */
  bytesPerProcess: number[];
  entryExample: string;
  /** The bytes of one entry beyond its type, id and title strings. */
  entryOverhead: number;
  writes: number | null;
  ms: number;
}

/**
 * The benchmark's in-page side: every measure runs here, against the app's
 * real process-manager service, real ember-local-storage and sessionStorage,
 * and the application template's real <ProcessTabs>. bench/run.mjs drives it.
 */
export default class Bench {
  /** The addon's sessionStorage key. */
  readonly stashKey = STASH_KEY;
  #owner: Owner;

  constructor(owner: Owner) {
    this.#owner = owner;
    registerBenchTypes(owner);
  }

  get manager(): ProcessManagerService {
    return this.#owner.lookup('service:process-manager');
  }

  /** Checks the write counter of bench/page-init.js on both ways of writing. */
  selfTest(): { assignment: number | null; setItem: number | null } {
    const storage = window.sessionStorage;
    let start = storageWrites();
    (storage as unknown as Record<string, string>)['bench-self-test'] = 'a';
    const assignment = writesSince(start);
    start = storageWrites();
    storage.setItem('bench-self-test', 'b');
    const setItem = writesSince(start);
    storage.removeItem('bench-self-test');
    return { assignment, setItem };
  }

  /** Closes everything, lets it settle, collects garbage. */
  async reset(): Promise<void> {
    // eslint-disable-next-line ember/no-runloop -- the benchmark drives run loops itself
    run(() => this.manager.closeAll());
    clearInitGates();
    await settle();
    collectGarbage();
  }

  // Open N in one run loop.

  async openManager(n: number): Promise<OpenResult> {
    await this.reset();
    const manager = this.manager;
    const start = storageWrites();
    let ms = NaN;
    const t0 = now();
    // eslint-disable-next-line ember/no-runloop -- one run loop, as the measure asks
    run(() => {
      for (let i = 0; i < n; i++)
        manager.open('bench', idOf(i), { background: true });
      // eslint-disable-next-line ember/no-runloop -- after the actions queue, before render
      schedule('routerTransitions', () => (ms = now() - t0));
    });
    const writesInLoop = writesSince(start);
    const msPainted = (await afterPaint()) - t0;
    await Promise.all(manager.processes.map((p) => p.whenReady));
    await settle();
    const writesAfterReady = writesSince(start);
    const ready = manager.processes.filter((p) => p.status === 'ready').length;
    await this.reset();
    return { ms, msPainted, writesInLoop, writesAfterReady, ready };
  }

  /** The framework floor for n, made in one run loop like the processes. */
  async floor(n: number): Promise<number> {
    const owner = this.#owner;
    const parent = {};
    const made: FloorObject[] = [];
    const running: Promise<void>[] = [];
    collectGarbage();
    let ms = NaN;
    const t0 = now();
    // eslint-disable-next-line ember/no-runloop -- as the manager's measure
    run(() => {
      for (let i = 0; i < n; i++) {
        const object = new FloorObject('bench', idOf(i));
        setOwner(object, owner);
        associateDestroyableChild(parent, object);
        running.push(object.task.perform());
        made.push(object);
      }
      // eslint-disable-next-line ember/no-runloop -- as the manager's measure
      schedule('routerTransitions', () => (ms = now() - t0));
    });
    await Promise.all(running);
    // eslint-disable-next-line ember/no-runloop -- teardown
    run(() => destroy(parent));
    await settle();
    return ms;
  }

  /** The plain-JavaScript floor for opening n: instances, a map, one JSON.stringify of an equal stash. */
  plainOpen(n: number): number {
    collectGarbage();
    const t0 = now();
    const list: PlainObject[] = [];
    const byKey = new Map<string, PlainObject>();
    for (let i = 0; i < n; i++) {
      const process = new PlainObject('bench', idOf(i));
      list.push(process);
      byKey.set(process.key, process);
    }
    const text = JSON.stringify({
      version: 1,
      active: null,
      processes: list.map(({ type, id }) => ({
        type,
        id,
        title: `${type} ${id}`,
      })),
    });
    const ms = now() - t0;
    sink = [text, byKey];
    return ms;
  }

  /** The naive way: a tracked array copied and a StorageArray written on every change. */
  async naiveOpen(n: number): Promise<{ ms: number; writes: number | null }> {
    await this.reset();
    window.sessionStorage.removeItem(NAIVE_KEY);
    const naive = new NaiveManager(this.#owner, NAIVE_KEY);
    collectGarbage();
    const start = storageWrites();
    let ms = NaN;
    const t0 = now();
    // eslint-disable-next-line ember/no-runloop -- as the manager's measure
    run(() => {
      for (let i = 0; i < n; i++) naive.open('bench', idOf(i));
      // eslint-disable-next-line ember/no-runloop -- as the manager's measure
      schedule('routerTransitions', () => (ms = now() - t0));
    });
    const writes = writesSince(start);
    await Promise.all(naive.processes.map((p) => p.whenReady));
    // eslint-disable-next-line ember/no-runloop -- teardown
    run(() => destroy(naive));
    await settle();
    window.sessionStorage.removeItem(NAIVE_KEY);
    return { ms, writes };
  }

  // Restore.

  /**
   * The stash of n `bench-slow` processes (the first one active), exactly as
   * the manager stores it: opened for real, then read back.
   */
  async captureStash(n: number): Promise<string> {
    await this.reset();
    const manager = this.manager;
    // eslint-disable-next-line ember/no-runloop -- one run loop, one write
    run(() => {
      for (let i = 0; i < n; i++)
        manager.open('bench-slow', idOf(i), { background: i > 0 });
    });
    await Promise.all(manager.processes.map((p) => p.whenReady));
    await settle();
    const value = window.sessionStorage.getItem(STASH_KEY);
    await this.reset();
    if (value === null) throw new Error('bench: nothing was stashed');
    return value;
  }

  /**
   * restore() of the stored value by a new instance of the service, as on
   * boot (the app's own instance restored long ago), warm.
   */
  async restoreManager(value: string): Promise<RestoreResult> {
    await this.reset();
    const storage = window.sessionStorage;
    const saved = storage.getItem(STASH_KEY);
    storage.setItem(STASH_KEY, value);
    const factory = this.#owner.factoryFor('service:process-manager');
    collectGarbage();
    let manager: ProcessManagerService | undefined;
    let restored: Promise<void> | undefined;
    let created = NaN;
    const start = storageWrites();
    const t0 = now();
    // eslint-disable-next-line ember/no-runloop -- restore() runs in a run loop on boot too
    run(() => {
      manager = factory.create();
      created = now();
      restored = manager.restore();
    });
    await restored;
    const resolved = now();
    const writes = writesSince(start);
    const count = manager!.processes.length;
    // eslint-disable-next-line ember/no-runloop -- teardown (the stash stays, as on a refresh)
    run(() => destroy(manager!));
    openRestoreGate();
    await settle();
    if (saved === null) storage.removeItem(STASH_KEY);
    else storage.setItem(STASH_KEY, saved);
    return {
      constructMs: created - t0,
      restoreMs: resolved - created,
      writes,
      restored: count,
    };
  }

  /** The JSON.parse of the stored value: part of the restore floor. */
  parse(value: string): number {
    const t0 = now();
    sink = JSON.parse(value);
    return now() - t0;
  }

  /** The plain-JavaScript floor for restoring: one JSON.parse and plain instances. */
  plainRestore(value: string): number {
    collectGarbage();
    const t0 = now();
    const { stash } = JSON.parse(value) as {
      stash: { processes: { type: string; id: string }[] };
    };
    const list: PlainObject[] = [];
    const byKey = new Map<string, PlainObject>();
    for (const { type, id } of stash.processes) {
      const process = new PlainObject(type, id);
      list.push(process);
      byKey.set(process.key, process);
    }
    const ms = now() - t0;
    sink = [list, byKey];
    return ms;
  }

  /** The naive restore of the same entries, from a StorageArray. */
  async naiveRestore(
    value: string,
  ): Promise<{ ms: number; writes: number | null; restored: number }> {
    await this.reset();
    const { stash } = JSON.parse(value) as { stash: { processes: unknown[] } };
    const storage = window.sessionStorage;
    storage.setItem(NAIVE_KEY, JSON.stringify(stash.processes));
    collectGarbage();
    let naive: NaiveManager | undefined;
    let ms = NaN;
    const start = storageWrites();
    const t0 = now();
    // eslint-disable-next-line ember/no-runloop -- as the manager's measure
    run(() => {
      naive = new NaiveManager(this.#owner, NAIVE_KEY);
      naive.restore();
      // eslint-disable-next-line ember/no-runloop -- as the manager's measure
      schedule('routerTransitions', () => (ms = now() - t0));
    });
    const writes = writesSince(start);
    const restored = naive!.processes.length;
    // eslint-disable-next-line ember/no-runloop -- teardown
    run(() => destroy(naive!));
    openRestoreGate();
    await settle();
    storage.removeItem(NAIVE_KEY);
    return { ms, writes, restored };
  }

  // One status change among n rendered tabs.

  async statusChange(n: number, changes: number): Promise<StatusChangeResult> {
    await this.reset();
    const manager = this.manager;
    const gated = new Set(
      Array.from({ length: changes }, (_, k) =>
        Math.floor(((k + 1) * n) / (changes + 1)),
      ),
    );
    // eslint-disable-next-line ember/no-runloop -- one run loop
    run(() => {
      for (let i = 0; i < n; i++)
        manager.open(gated.has(i) ? 'bench-gated' : 'bench', idOf(i), {
          background: true,
        });
    });
    const targets = manager.processes.filter((p) => p.type === 'bench-gated');
    await Promise.all(
      manager.processes
        .filter((p) => p.type !== 'bench-gated')
        .map((p) => p.whenReady),
    );
    await settle();
    await afterPaint();
    const result: StatusChangeResult = {
      ms: [],
      outside: [],
      inside: [],
      outsideExamples: [],
    };
    for (const process of targets) {
      await this.#oneStatusChange(process, result);
    }
    await this.reset();
    return result;
  }

  async #oneStatusChange(
    process: Process,
    result: StatusChangeResult,
  ): Promise<void> {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((list) => records.push(...list));
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    collectGarbage();
    const t0 = now();
    initGate(process.id).open();
    await process.whenReady;
    await renderSettled();
    result.ms.push(now() - t0);
    await afterPaint();
    records.push(...observer.takeRecords());
    observer.disconnect();
    const roots = [
      ...document.querySelectorAll(
        `[data-process-key="${CSS.escape(process.key)}"]`,
      ),
    ];
    const outside = records.filter(
      (record) => !roots.some((root) => root.contains(record.target)),
    );
    result.outside.push(outside.length);
    result.inside.push(records.length - outside.length);
    for (const record of outside.slice(0, 3)) {
      result.outsideExamples.push(describeRecord(record));
    }
    if (process.status !== 'ready' || roots.length === 0) {
      throw new Error(`bench: ${process.key} did not become a ready tab`);
    }
  }

  // Churn.

  /**
   * `ops` random open/close/activate operations, one run loop each (as
   * clicks would be), on ids drawn from a pool, then closeAll().
   */
  async churn(ops: number, seed: number): Promise<ChurnResult> {
    await this.reset();
    const manager = this.manager;
    const next = random(seed);
    const pool = 400;
    const emptyBytes = bytes(window.sessionStorage.getItem(STASH_KEY) ?? '');
    const result: ChurnResult = {
      ops,
      opens: 0,
      closes: 0,
      activations: 0,
      maxOpen: 0,
      openAtEnd: 0,
      bytesPerProcess: [],
      entryExample: '',
      entryOverhead: NaN,
      writes: null,
      ms: NaN,
    };
    const start = storageWrites();
    const t0 = now();
    for (let op = 0; op < ops; op++) {
      const roll = next();
      const open = manager.processes;
      // eslint-disable-next-line ember/no-runloop -- one run loop per operation
      run(() => {
        if (roll < 0.4 || open.length === 0) {
          manager.open('bench', idOf(Math.floor(next() * pool)), {
            background: next() < 0.5,
          });
          result.opens++;
        } else {
          const target = open[Math.floor(next() * open.length)]!;
          if (roll < 0.7) {
            manager.close(target);
            result.closes++;
          } else {
            manager.activate(target);
            result.activations++;
          }
        }
      });
      result.maxOpen = Math.max(result.maxOpen, manager.processes.length);
      if (op % 10 === 9) await macrotask();
      if (op % 200 === 199 && manager.processes.length >= 10) {
        await settle();
        const stored = window.sessionStorage.getItem(STASH_KEY) ?? '';
        result.bytesPerProcess.push(
          (bytes(stored) - emptyBytes) / manager.processes.length,
        );
        const { stash } = JSON.parse(stored) as {
          stash: { processes: { type: string; id: string; title: string }[] };
        };
        const entry = stash.processes[0]!;
        result.entryExample = JSON.stringify(entry);
        result.entryOverhead =
          bytes(result.entryExample) +
          1 -
          bytes(entry.type + entry.id + entry.title);
      }
    }
    result.openAtEnd = manager.processes.length;
    // eslint-disable-next-line ember/no-runloop -- the measure ends with closeAll()
    run(() => manager.closeAll());
    await settle();
    result.ms = now() - t0;
    result.writes = writesSince(start);
    collectGarbage();
    return result;
  }
}

/** Lets tasks, destructors and the render catch up. */
async function settle(): Promise<void> {
  await macrotask();
  await renderSettled();
  await macrotask();
}

function describeRecord(record: MutationRecord): string {
  const target = record.target;
  const element =
    target instanceof Element ? target : (target.parentElement ?? undefined);
  const where = element
    ? `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).trim().split(/\s+/).join('.')}` : ''}`
    : target.nodeName;
  return `${record.type}${record.attributeName ? ` ${record.attributeName}` : ''} on ${where}`;
}

/** Called by the bench route: the page's measures become `window.__bench`. */
export function installBench(owner: Owner): Bench {
  const bench = new Bench(owner);
  window.__bench = bench;
  return bench;
}

/** What the measures computed and dropped; kept so that no engine optimizes it away. */
export function sunk(): unknown {
  return sink;
}
