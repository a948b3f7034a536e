import { tracked } from '@glimmer/tracking';
import { setOwner } from '@ember/owner';
import type Owner from '@ember/owner';
import { isDestroying, registerDestructor } from '@ember/destroyable';
import {
  didCancel,
  waitForQueue,
  type Task,
  type TaskInstance,
} from 'ember-concurrency';
import { buildTask } from 'ember-concurrency/async-arrow-runtime';
import { hostOf } from './-private/host';
import { processDestroyed } from './-private/debug';
import { assertId, assertType, error, keyFor } from './-private/identity';
import { describe, isPlainObject, type JSONObject } from './-private/json';

/** Where a process is in its life; `'hibernated'` is set by the manager. */
export type ProcessStatus =
  'initializing' | 'restoring' | 'ready' | 'failed' | 'hibernated';

/**
 * What a hook may return: nothing, a promise, or an ember-concurrency task
 * instance. Both are awaited inside the process's task, so closing the
 * process cancels a task instance it returned.
 */
export type HookResult = void | Promise<unknown> | TaskInstance<unknown>;

/** `initTask` and `restoreTask`: drop tasks of no arguments. */
export type HookTask = Task<void, []>;

/**
 * The manager's way to bring a process back as failed without running its
 * restore() (the crash guard); `retry()` then runs it. Not public API.
 */
export let holdAsFailed: (process: Process, reason: Error) => void;

/**
 * The manager's way to hibernate a process: its tasks stop, `teardown()`
 * runs, the tab stays with its title and data. Activating it restores it.
 */
export let hibernate: (process: Process) => void;

/** Busy: its initialize() or restore() is running or waiting for its turn. Not public API. */
export function isBusy(status: ProcessStatus): boolean {
  return status === 'initializing' || status === 'restoring';
}

/** What the manager hands a new process. Subclasses that define a constructor pass it on. */
export interface ProcessArgs<Data extends JSONObject = JSONObject> {
  type: string;
  id: string;
  data?: Data;
  /** The title stashed before a refresh, shown until the process knows better. */
  title?: string;
}

/**
 * A long-lived object behind one tab: created when the tab opens, destroyed
 * when it closes, running its async work whether or not its tab is on screen.
 *
 * Extend it in `app/processes/<type>.ts`; the manager creates it.
 *
 * ```ts
 * import { Process } from 'ember-process-manager';
 *
 * export default class ConversationProcess extends Process<{ draft?: string }> {
 *   @service declare store: StoreService;
 *   @tracked conversation?: Conversation;
 *
 *   get title() {
 *     return this.conversation?.subject ?? super.title;
 *   }
 *
 *   async initialize() {
 *     this.conversation = await this.store.findRecord('conversation', this.id);
 *   }
 * }
 * ```
 */
export default class Process<Data extends JSONObject = JSONObject> {
  readonly type: string;
  readonly id: string;
  /** `"<type>:<id>"`: one key, at most one process. */
  readonly key: string;

  @tracked status: ProcessStatus = 'initializing';
  /** The error of the last failed `initialize`/`restore`, else `undefined`. */
  @tracked error: unknown = undefined;
  // Behind an accessor so that assigning `data` is stashed like updateData().
  @tracked private currentData: Data;

  #stashedTitle: string | undefined;
  #failed: 'init' | 'restore' | undefined;
  #ready: Deferred | undefined;

  constructor(owner: Owner, args: ProcessArgs<Data>) {
    setOwner(this, owner);
    assertType(args.type);
    assertId(args.id);
    this.type = args.type;
    this.id = args.id;
    this.key = keyFor(args.type, args.id);
    this.currentData = (args.data ?? {}) as Data;
    this.#stashedTitle = args.title;
    registerDestructor(this, () => this.#stop());
  }

  /**
   * The tab's label. The base getter returns the title stashed before a
   * refresh, else `"<type> <id>"`; override it and fall back to `super.title`.
   */
  get title(): string {
    return this.#stashedTitle ?? `${this.type} ${this.id}`;
  }

  /** The route the tab links to; defaults to the type. */
  get route(): string {
    return this.type;
  }

  /** The models of that route; defaults to `[id]`. */
  get routeModels(): unknown[] {
    return [this.id];
  }

  /** True while this is the manager's `active` process. */
  get isActive(): boolean {
    return hostOf(this)?.active === this;
  }

  /**
   * JSON-serializable state that is stashed and handed back after a refresh
   * (a draft reply, a scroll position, search criteria). Assigning it is
   * stashed at the end of the run loop, as `updateData()` is.
   */
  get data(): Data {
    return this.currentData;
  }

  set data(value: Data) {
    if (!isPlainObject(value)) {
      throw error(
        `data of ${this.key} must be a plain object, not ${describe(value)}`,
      );
    }
    this.currentData = value;
    hostOf(this)?.stashChanged();
  }

  /**
   * Shallow-merges `patch` into `data`; the stash is written at the end of the run loop.
   *
   * ```ts
   * process.updateData({ draft: textarea.value });
   * ```
   */
  updateData(patch: Partial<Data>): void {
    if (!isPlainObject(patch)) {
      throw error(
        `updateData of ${this.key} takes a plain object, not ${describe(patch)}`,
      );
    }
    this.data = { ...this.data, ...patch };
  }

  // Each task is made on first use: a process opened runs only initTask, a
  // restored one only restoreTask, and a task costs a scheduler and a destructor.
  #initTask: HookTask | undefined;
  #restoreTask: HookTask | undefined;

  /** Runs `initialize()`; its state (`isRunning`, `last`, ...) is public. */
  get initTask(): HookTask {
    return (this.#initTask ??= this.#hookTask('init'));
  }

  /** Runs `restore()` after a refresh; its state is public too. */
  get restoreTask(): HookTask {
    return (this.#restoreTask ??= this.#hookTask('restore'));
  }

  // What `task({ drop: true }, async () => ...)` compiles to; the transform
  // only rewrites class fields, and these are made on first use.
  #hookTask(kind: 'init' | 'restore'): HookTask {
    return buildTask(
      () => ({
        context: this,
        // EC runs it with `this` bound to the context.
        generator: function* (this: Process<Data>) {
          this.#begin(kind === 'init' ? 'initializing' : 'restoring');
          try {
            const result = kind === 'init' ? this.initialize() : this.restore();
            // A task instance is yielded itself, so cancelling cancels it. A
            // hook that returns nothing settles after its run loop's render:
            // a thousand opened at once settle in that one run loop, not in a
            // run loop (and a render of every tab) each.
            yield isThenable(result) ? result : waitForQueue('afterRender');
            this.#succeed(kind);
          } catch (reason) {
            this.#fail(reason, kind);
          }
        },
      }),
      { drop: true },
      kind === 'init' ? 'initTask' : 'restoreTask',
      null,
    ) as unknown as HookTask;
  }

  /**
   * From `'failed'`, runs the task that failed again; otherwise does nothing.
   *
   * ```hbs
   * <button {{on "click" (fn this.process.retry)}}>Retry</button>
   * ```
   */
  retry = (): TaskInstance<void> | undefined => {
    if (this.status !== 'failed' || isDestroying(this)) return undefined;
    return this.#failed === 'restore'
      ? this.restoreTask.perform()
      : this.initTask.perform();
  };

  /**
   * Settles when the running `initialize`/`restore` settles, including one
   * still waiting for its turn after a refresh (`restoreConcurrency`):
   * resolves once ready (or hibernated), rejects with its error when it
   * failed, and with a "closed" error when the process was closed first.
   *
   * ```ts
   * const process = this.processManager.open('conversation', id);
   * await process.whenReady;
   * ```
   */
  get whenReady(): Promise<void> {
    if (isBusy(this.status)) {
      this.#ready ??= deferred();
      return this.#ready.promise;
    }
    if (this.status !== 'failed') return Promise.resolve();
    // The hook's own error, whatever it threw.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return Promise.reject(this.error);
  }

  /** First open: load data, subscribe to channels. */
  initialize(): HookResult {}

  /** After a refresh: re-subscribe, refetch. Defaults to `initialize()`. */
  restore(): HookResult {
    return this.initialize();
  }

  /** The tab was closed (or the app destroyed): release what initialize/restore acquired. */
  teardown(): void {}

  /** This process became the active one. */
  activated(): HookResult {}

  /** Another process became the active one, or this one was closed while active. */
  deactivated(): HookResult {}

  /**
   * Asked by `requestClose()` (and so by the tab bar's close button) before
   * closing: answer `false`, or a promise of it, to keep the tab open.
   * `close()` does not ask.
   *
   * ```ts
   * async canClose() {
   *   return !this.data.draft || (await this.confirm.ask('Discard the draft?'));
   * }
   * ```
   */
  canClose(): boolean | Promise<boolean> {
    return true;
  }

  /**
   * While true, the manager will not hibernate this process to keep under
   * `maxLiveProcesses` (a draft being typed, a live call).
   *
   * ```ts
   * get keepAlive() {
   *   return Boolean(this.data.draft);
   * }
   * ```
   */
  get keepAlive(): boolean {
    return false;
  }

  // Only what changes is set: a tracked set costs even when the value is the same.
  #begin(status: 'initializing' | 'restoring'): void {
    if (this.status !== status) this.status = status;
    if (this.error !== undefined) this.error = undefined;
    this.#failed = undefined;
    this.#live = true;
  }

  #settle(outcome: { error: unknown } | undefined): void {
    const ready = this.#ready;
    this.#ready = undefined;
    if (outcome) ready?.reject(outcome.error);
    else ready?.resolve();
  }

  /** Hibernated or closed while its task ran: the task's ending changes nothing. */
  #stale(): boolean {
    return !this.#live || isDestroying(this);
  }

  /** True from the start of initialize()/restore() until teardown() ran. */
  #live = false;

  #succeed(kind: 'init' | 'restore'): void {
    if (this.#stale()) return;
    this.status = 'ready';
    this.#settle(undefined);
    hostOf(this)?.taskSettled(this, kind, true);
  }

  #fail(reason: unknown, kind: 'init' | 'restore'): void {
    if (didCancel(reason)) throw reason;
    if (this.#stale()) return;
    this.error = reason;
    this.#failed = kind;
    this.status = 'failed';
    this.#settle({ error: reason });
    hostOf(this)?.taskSettled(this, kind, false);
  }

  static {
    holdAsFailed = (process, reason) => {
      process.error = reason;
      process.#failed = 'restore';
      process.status = 'failed';
      process.#settle({ error: reason });
    };
    hibernate = (process) => {
      process.#release();
      process.status = 'hibernated';
      process.#settle(undefined);
    };
  }

  #stop(): void {
    processDestroyed(this);
    this.#release();
    if (this.#ready) {
      this.#settle({
        error: error(`${this.key} was closed before it was ready`),
      });
    }
  }

  /** Stops its tasks and runs teardown() if initialize/restore ever started. */
  #release(): void {
    void this.#initTask?.cancelAll();
    void this.#restoreTask?.cancelAll();
    if (!this.#live) return;
    this.#live = false;
    try {
      this.teardown();
    } catch (reason) {
      hostOf(this)?.hookFailed(this, 'teardown', reason);
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(reason: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // Reported to whoever awaits it, never as an unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject };
}
