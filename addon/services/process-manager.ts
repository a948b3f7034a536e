import Service from '@ember/service';
import { tracked } from '@glimmer/tracking';
import { getOwner } from '@ember/owner';
import type Owner from '@ember/owner';
import {
  associateDestroyableChild,
  destroy,
  isDestroying,
} from '@ember/destroyable';
import { scheduleOnce } from '@ember/runloop';
import Process, { hibernate, holdAsFailed, type HookResult } from '../process';
import type { ProcessRegistry } from '../registry';
import { attachHost, type ProcessHost } from '../-private/host';
import { processCreated } from '../-private/debug';
import { readConfig, type ProcessManagerConfig } from '../-private/config';
import {
  assertId,
  assertType,
  error,
  isValidType,
  keyFor,
  parseKey,
} from '../-private/identity';
import { describe, isPlainObject, type JSONObject } from '../-private/json';
import {
  parseStashText,
  STASH_VERSION,
  type Stash,
} from '../-private/stash/format';
import type { StashStorage } from '../-private/stash/storage/base';
import { stashStorageFor } from '../-private/stash/storage/index';
import { didCancel } from 'ember-concurrency';

/** Options of `open()`. */
export interface OpenOptions<Data extends JSONObject = JSONObject> {
  /** Open without making it active (Cmd/Ctrl-click, middle click). */
  background?: boolean;
  /** The initial `data` of a process that does not exist yet. */
  data?: Data;
  /** Where to insert its tab; the end by default. */
  index?: number;
}

/** An entry of `recentlyClosed`, what `reopenClosed()` brings back. */
export interface ClosedProcess {
  readonly type: string;
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly data: JSONObject;
}

/** A type name the registry does not know: its process is a plain `Process`. */
type Unregistered<T extends string> = T extends keyof ProcessRegistry
  ? never
  : T;
/** A restore begun on this many reloads in a row without succeeding is not run again by itself. */
const MAX_RESTORE_ATTEMPTS = 3;

type DataOf<P> = P extends Process<infer Data> ? Data : JSONObject;
type ProcessClass = new (
  owner: Owner,
  args: ConstructorParameters<typeof Process>[1],
) => Process;

/**
 * Holds the open processes in tab order, stashes them in `sessionStorage`
 * and restores them after a refresh.
 *
 * ```ts
 * @service('process-manager') declare processManager: ProcessManagerService;
 *
 * model({ id }: { id: string }) {
 *   return this.processManager.open('conversation', id);
 * }
 * ```
 */
export default class ProcessManagerService
  extends Service
  implements ProcessHost
{
  /** The process whose tab is on screen, or `null`. */
  @tracked active: Process | null = null;
  /** True once `restore()` has resolved. */
  @tracked isRestored = false;
  /**
   * Whether the page (the browser tab) is visible: processes can poll
   * less while it is hidden.
   *
   * ```ts
   * await timeout(this.processManager.isPageVisible ? 5_000 : 60_000);
   * ```
   */
  @tracked isPageVisible =
    typeof document === 'undefined' || document.visibilityState !== 'hidden';

  /** What `reopenClosed()` can bring back, newest first. */
  @tracked recentlyClosed: readonly ClosedProcess[] = [];

  /** The manager's configuration, from `ENV['ember-process-manager']`. */
  readonly config: Readonly<ProcessManagerConfig>;

  // One counter stands for the whole list, so that a change costs no copy of it.
  @tracked private revision = 0;
  #list: Process[] = [];
  #byKey = new Map<string, Process>();
  #storage: StashStorage;
  #restored: Promise<void> | undefined;
  #dirty = false;
  #stashedTitles = new WeakMap<Process, string>();
  #titlesToCheck = new Set<Process>();
  #restoreAttempts = new WeakMap<Process, number>();
  #restoreQueue: Process[] = [];
  #restoresRunning = new Set<Process>();
  #lastActive = new WeakMap<Process, number>();
  #clock = 0;
  #writeFailed = false;
  #flushScheduled = false;

  constructor(owner: Owner) {
    super(owner);
    // Registered by every ember-cli app, classic or Vite; not in the Owner type.
    const env = (
      owner as unknown as { resolveRegistration(name: string): unknown }
    ).resolveRegistration('config:environment') as
      Record<string, unknown> | undefined;
    this.config = Object.freeze(readConfig(env?.['ember-process-manager']));
    this.#storage = stashStorageFor(owner);
    if (typeof window !== 'undefined') {
      window.addEventListener('pagehide', this.#flushBeforeUnload);
      document.addEventListener('visibilitychange', this.#onVisibilityChange);
    }
  }

  /** The open processes, in tab order: a live, read-only view. */
  get processes(): readonly Process[] {
    void this.revision;
    return this.#list;
  }

  /**
   * Returns the process for `type`/`id`, synchronously, creating it (and
   * starting its `initialize()`) when it is not open. It becomes `active`
   * unless `background` is set.
   *
   * ```ts
   * this.processManager.open('conversation', '42', { background: event.metaKey });
   * ```
   */
  open<T extends Extract<keyof ProcessRegistry, string>>(
    type: T,
    id: string,
    options?: OpenOptions<DataOf<ProcessRegistry[T]>>,
  ): ProcessRegistry[T];
  open<T extends string>(
    type: Unregistered<T>,
    id: string,
    options?: OpenOptions,
  ): Process;
  open(type: string, id: string, options: OpenOptions = {}): Process {
    assertType(type);
    assertId(id);
    const { background, data, index } = checkOpenOptions(options);
    this.#hydrate();
    let process = this.#byKey.get(keyFor(type, id));
    if (!process) {
      process = this.#create(type, id, { data }, index);
      void process.initTask.perform();
    }
    if (!background) this.activate(process);
    else this.#keepUnderCap();
    return process;
  }

  /**
   * The open process for `type`/`id`, or `undefined`.
   *
   * ```ts
   * const conversation = this.processManager.find('conversation', '42');
   * ```
   */
  find<T extends Extract<keyof ProcessRegistry, string>>(
    type: T,
    id: string,
  ): ProcessRegistry[T] | undefined;
  find<T extends string>(
    type: Unregistered<T>,
    id: string,
  ): Process | undefined;
  find(type: string, id: string): Process | undefined {
    assertType(type);
    assertId(id);
    return this.#byKey.get(keyFor(type, id));
  }

  /**
   * The open process for a key, or `undefined`.
   *
   * ```ts
   * this.processManager.get('conversation:42');
   * ```
   */
  get(key: string): Process | undefined {
    const { type, id } = parseKey(key);
    return this.#byKey.get(keyFor(type, id));
  }

  /**
   * Makes a process `active`: `deactivated()` runs on the old one,
   * `activated()` on the new one.
   *
   * ```ts
   * this.processManager.activate('conversation:42');
   * ```
   */
  activate(processOrKey: Process | string): void {
    const process = this.#require(processOrKey, 'activate');
    this.#lastActive.set(process, ++this.#clock);
    const previous = this.active;
    if (previous === process) return;
    this.active = process;
    this.stashChanged();
    if (process.status === 'hibernated') void process.restoreTask.perform();
    else if (this.#restoreQueue.includes(process)) this.#startRestore(process);
    if (previous) this.#runHook(previous, 'deactivated');
    this.#runHook(process, 'activated');
    this.#keepUnderCap();
  }

  /**
   * Closes a process after asking its `canClose()` (unless `force`), and
   * resolves to whether it closed. The tab bar closes through it.
   *
   * ```ts
   * if (await this.processManager.requestClose(process)) {
   *   // closed; processManager.active is the tab to show
   * }
   * ```
   */
  async requestClose(
    processOrKey: Process | string,
    options: { force?: boolean } = {},
  ): Promise<boolean> {
    const process = this.#lookup(processOrKey);
    if (!process) return false;
    if (!options.force) {
      let answer: unknown;
      try {
        answer = await process.canClose();
      } catch (reason) {
        // Keep what the user has rather than lose it to a broken guard.
        this.hookFailed(process, 'canClose', reason);
        return false;
      }
      if (answer !== true) return false;
    }
    // It may have been closed while the guard was asking.
    if (this.#lookup(process) !== process) return false;
    this.close(process);
    return true;
  }

  /**
   * Closes a process: cancels its tasks, runs `teardown()`, destroys it and
   * removes it from the stash. Returns the process to show next (the right
   * neighbour, else the left), which becomes active if the closed one was,
   * or `null`. Closing what is not open does nothing and returns `null`.
   *
   * ```ts
   * const next = this.processManager.close(process);
   * if (next) this.router.transitionTo(next.route, ...next.routeModels);
   * ```
   */
  close(processOrKey: Process | string): Process | null {
    const process = this.#lookup(processOrKey);
    if (!process) return null;
    const index = this.#list.indexOf(process);
    const next = this.#list[index + 1] ?? this.#list[index - 1] ?? null;
    this.#list.splice(index, 1);
    this.#byKey.delete(process.key);
    this.revision++;
    this.#remember(process);
    this.#restoreEnded(process);
    if (this.active === process) {
      this.#runHook(process, 'deactivated');
      this.active = null;
      if (next) this.activate(next);
    }
    destroy(process);
    this.stashChanged();
    return next;
  }

  /**
   * Closes every process.
   *
   * ```ts
   * this.processManager.closeAll();
   * ```
   */
  closeAll(): void {
    for (let i = this.#list.length - 1; i >= 0; i--) {
      this.close(this.#list[i]!);
    }
  }

  /**
   * Moves a tab to `index` (clamped to the list).
   *
   * ```ts
   * this.processManager.move('conversation:42', 0);
   * ```
   */
  move(processOrKey: Process | string, index: number): void {
    const process = this.#require(processOrKey, 'move');
    if (!Number.isInteger(index))
      throw error(`move takes an integer index, not ${describe(index)}`);
    const from = this.#list.indexOf(process);
    const to = Math.max(0, Math.min(index, this.#list.length - 1));
    if (from === to) return;
    this.#list.splice(from, 1);
    this.#list.splice(to, 0, process);
    this.revision++;
    this.stashChanged();
  }

  /**
   * Reopens the most recently closed process with its `data` (running its
   * `restore()`), makes it active and returns it; `undefined` when none.
   *
   * ```ts
   * this.processManager.reopenClosed();
   * ```
   */
  reopenClosed(): Process | undefined {
    const [entry, ...rest] = this.recentlyClosed;
    if (!entry) return undefined;
    this.recentlyClosed = rest;
    let process = this.#byKey.get(entry.key);
    if (!process) {
      process = this.#create(entry.type, entry.id, {
        data: entry.data,
        title: entry.title,
      });
      process.status = 'hibernated';
    }
    // Activating a hibernated process restores it.
    this.activate(process);
    return process;
  }

  /**
   * Brings back the stashed processes, once per app instance; later calls
   * return the same promise. It resolves once they exist, in their saved
   * order, with their stashed titles; their `restore()` goes on in the
   * background. It never rejects: what cannot be read is dropped and
   * reported through `warn()`.
   *
   * ```ts
   * async beforeModel() {
   *   await this.processManager.restore();
   * }
   * ```
   */
  restore(): Promise<void> {
    this.#hydrate();
    return this.#restored!;
  }

  /**
   * Where the manager reports what it survived: an unreadable stash, a
   * failed storage write, a hook that threw. Override it to send these to
   * your error tracker; it is called once per incident.
   */
  warn(message: string, details: readonly string[] = []): void {
    console.warn(`ember-process-manager: ${message}`, ...details);
  }

  // ProcessHost: called by the processes.

  /** @internal */
  stashChanged(): void {
    if (isDestroying(this)) return;
    this.#dirty = true;
    this.#scheduleFlush();
  }

  /** @internal */
  taskSettled(process: Process, kind: 'init' | 'restore', ok: boolean): void {
    if (isDestroying(this)) return;
    if (kind === 'restore') this.#restoreEnded(process);
    if (kind === 'restore' && ok && this.#restoreAttempts.delete(process)) {
      this.stashChanged();
      return;
    }
    this.#titlesToCheck.add(process);
    this.#scheduleFlush();
  }

  /** @internal */
  hookFailed(process: Process, hook: string, reason: unknown): void {
    this.warn(`${hook}() of ${process.key} failed`, [
      describe(reason),
      String(reason),
    ]);
  }

  willDestroy(): void {
    // The app going away is what a refresh looks like: keep the stash.
    this.#flush();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', this.#flushBeforeUnload);
      document.removeEventListener(
        'visibilitychange',
        this.#onVisibilityChange,
      );
    }
    super.willDestroy();
  }

  #hydrate(): void {
    if (this.#restored) return;
    this.#restored = Promise.resolve();
    let text: string | undefined;
    const problems: string[] = [];
    try {
      text = this.#storage.read();
    } catch (reason) {
      problems.push(String(reason instanceof Error ? reason.message : reason));
    }
    const stash = parseStashText(
      text,
      (type) => this.#classFor(type, false) !== undefined,
    );
    problems.push(...stash.problems);
    const toRestore: Process[] = [];
    for (const { type, id, title, data, restoring = 0 } of stash.processes) {
      const process = this.#create(type, id, { data, title });
      if (title !== undefined) this.#stashedTitles.set(process, title);
      this.#restoreAttempts.set(process, restoring);
      if (restoring < MAX_RESTORE_ATTEMPTS) toRestore.push(process);
      else {
        holdAsFailed(
          process,
          error(
            `restore() of ${process.key} did not succeed on ${restoring} reloads in a row, so it was not run again; retry to run it`,
          ),
        );
      }
    }
    this.#dirty = false;
    const active = stash.active ? this.#byKey.get(stash.active) : undefined;
    if (active) {
      this.active = active;
      this.#lastActive.set(active, ++this.#clock);
      this.#runHook(active, 'activated');
    }
    // The active one first; then the rest, a few at a time, up to the cap.
    const { maxLiveProcesses: cap, restoreOnDemand } = this.config;
    const order =
      active && toRestore.includes(active)
        ? [active, ...toRestore.filter((p) => p !== active)]
        : toRestore;
    order.forEach((process, i) => {
      const wanted =
        process === active || (!restoreOnDemand && (cap === null || i < cap));
      if (wanted) {
        process.status = 'restoring';
        this.#restoreQueue.push(process);
      } else process.status = 'hibernated';
    });
    this.#pumpRestores();
    this.isRestored = true;
    if (problems.length > 0) {
      this.warn(
        `the stash was partly unreadable; dropped ${problems.length} part(s) of it`,
        problems,
      );
    }
  }

  /** Starts queued restores while fewer than `restoreConcurrency` run. */
  #pumpRestores(): void {
    while (this.#restoresRunning.size < this.config.restoreConcurrency) {
      const next = this.#restoreQueue.shift();
      if (!next) return;
      this.#startRestore(next);
    }
  }

  #startRestore(process: Process): void {
    const queued = this.#restoreQueue.indexOf(process);
    if (queued !== -1) this.#restoreQueue.splice(queued, 1);
    this.#restoresRunning.add(process);
    // Counted before it runs: a restore that takes the page down counts too.
    this.#restoreAttempts.set(
      process,
      (this.#restoreAttempts.get(process) ?? 0) + 1,
    );
    this.stashChanged();
    void process.restoreTask.perform();
  }

  #restoreEnded(process: Process): void {
    const queued = this.#restoreQueue.indexOf(process);
    if (queued !== -1) this.#restoreQueue.splice(queued, 1);
    if (this.#restoresRunning.delete(process)) this.#pumpRestores();
  }

  /** Hibernates background processes, least recently active first, down to `maxLiveProcesses`. */
  #keepUnderCap(): void {
    const cap = this.config.maxLiveProcesses;
    if (cap === null) return;
    const live = this.#list.filter((p) => p.status !== 'hibernated');
    let excess = live.length - cap;
    if (excess <= 0) return;
    const candidates = live
      .filter((p) => p !== this.active && !keepsAlive(p))
      .sort(
        (a, b) =>
          (this.#lastActive.get(a) ?? 0) - (this.#lastActive.get(b) ?? 0),
      );
    for (const process of candidates) {
      if (excess-- <= 0) break;
      this.#restoreEnded(process);
      hibernate(process);
    }
  }

  #create(
    type: string,
    id: string,
    args: { data?: JSONObject; title?: string },
    index?: number,
  ): Process {
    const Class = this.#classFor(type, true)!;
    const process = new Class(getOwner(this)!, { type, id, ...args });
    attachHost(process, this);
    associateDestroyableChild(this, process);
    this.#lastActive.set(process, ++this.#clock);
    processCreated(process);
    const at =
      index === undefined
        ? this.#list.length
        : Math.max(0, Math.min(index, this.#list.length));
    if (at === this.#list.length) this.#list.push(process);
    else this.#list.splice(at, 0, process);
    this.#byKey.set(process.key, process);
    this.revision++;
    this.stashChanged();
    return process;
  }

  #classFor(type: string, required: boolean): ProcessClass | undefined {
    const Class = isValidType(type)
      ? (getOwner(this)!.factoryFor(`process:${type}`)?.class as unknown)
      : undefined;
    if (typeof Class === 'function' && Class.prototype instanceof Process)
      return Class as ProcessClass;
    if (!required) return undefined;
    throw error(
      Class === undefined
        ? `unknown process type ${describe(type)}: nothing is registered as process:${type} (app/processes/${type}.ts)`
        : `process:${type} does not extend Process from ember-process-manager`,
    );
  }

  #lookup(processOrKey: Process | string): Process | undefined {
    if (processOrKey instanceof Process) {
      return this.#byKey.get(processOrKey.key) === processOrKey
        ? processOrKey
        : undefined;
    }
    // eslint-disable-next-line ember/classic-decorator-no-classic-methods -- the contract's get(key), not EmberObject's
    if (typeof processOrKey === 'string') return this.get(processOrKey);
    throw error(
      `expected a process or a "<type>:<id>" key, not ${describe(processOrKey)}`,
    );
  }

  #require(processOrKey: Process | string, action: string): Process {
    const process = this.#lookup(processOrKey);
    if (!process)
      throw error(`cannot ${action} ${describe(processOrKey)}: it is not open`);
    return process;
  }

  #remember(process: Process): void {
    const limit = this.config.recentlyClosedLimit;
    if (limit === 0) return;
    const entry: ClosedProcess = {
      type: process.type,
      id: process.id,
      key: process.key,
      title: this.#titleOf(process),
      data: process.data,
    };
    this.recentlyClosed = [
      entry,
      ...this.recentlyClosed.filter((e) => e.key !== entry.key),
    ].slice(0, limit);
  }

  #runHook(process: Process, hook: 'activated' | 'deactivated'): void {
    let result: HookResult;
    try {
      result = process[hook]();
    } catch (reason) {
      this.hookFailed(process, hook, reason);
      return;
    }
    if (result && typeof result.then === 'function') {
      Promise.resolve(result).catch((reason: unknown) => {
        if (!didCancel(reason)) this.hookFailed(process, hook, reason);
      });
    }
  }

  #titleOf(process: Process): string {
    try {
      return String(process.title);
    } catch {
      return (
        this.#stashedTitles.get(process) ?? `${process.type} ${process.id}`
      );
    }
  }

  /** Once per run loop is the point: every change of one loop, one write. */
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    // eslint-disable-next-line ember/no-runloop
    scheduleOnce('actions', this, this.#flush);
  }

  #flush(): void {
    this.#flushScheduled = false;
    let changed = this.#dirty;
    for (const process of this.#titlesToCheck) {
      if (!changed && this.#byKey.get(process.key) === process) {
        changed = this.#titleOf(process) !== this.#stashedTitles.get(process);
      }
    }
    this.#titlesToCheck.clear();
    if (!changed) return;
    const stash: Stash = {
      version: STASH_VERSION,
      active: this.active?.key ?? null,
      processes: this.#list.map((process) => {
        const title = this.#titleOf(process);
        this.#stashedTitles.set(process, title);
        const data = process.data;
        const restoring = this.#restoreAttempts.get(process);
        return {
          type: process.type,
          id: process.id,
          title,
          ...(isEmpty(data) ? {} : { data }),
          ...(restoring ? { restoring } : {}),
        };
      }),
    };
    try {
      this.#storage.write(stash);
      this.#dirty = false;
      this.#writeFailed = false;
    } catch (reason) {
      // Kept in memory and written again with the next change.
      this.#dirty = true;
      if (!this.#writeFailed)
        this.warn('the stash could not be written', [String(reason)]);
      this.#writeFailed = true;
    }
  }

  #onVisibilityChange = (): void => {
    this.isPageVisible = document.visibilityState !== 'hidden';
    if (!this.isPageVisible) this.#flushBeforeUnload();
  };

  /**
   * The page may be going away: write it all once more, so that a title
   * changed by tracked state alone, or data changed in place, survives too.
   */
  #flushBeforeUnload = (): void => {
    this.#dirty = true;
    this.#flush();
  };
}

function keepsAlive(process: Process): boolean {
  try {
    return process.keepAlive === true;
  } catch {
    return false;
  }
}

function isEmpty(data: JSONObject): boolean {
  return Object.keys(data).length === 0;
}

function checkOpenOptions(options: unknown): OpenOptions {
  if (!isPlainObject(options))
    throw error(`open() options must be an object, not ${describe(options)}`);
  const { background, data, index } = options;
  if (background !== undefined && typeof background !== 'boolean') {
    throw error(
      `open() option background must be a boolean, not ${describe(background)}`,
    );
  }
  if (data !== undefined && !isPlainObject(data)) {
    throw error(
      `open() option data must be a plain object, not ${describe(data)}`,
    );
  }
  if (index !== undefined && !Number.isInteger(index)) {
    throw error(
      `open() option index must be an integer, not ${describe(index)}`,
    );
  }
  return {
    background,
    data: data as JSONObject | undefined,
    index: index as number | undefined,
  };
}

declare module '@ember/service' {
  interface Registry {
    'process-manager': ProcessManagerService;
  }
}
