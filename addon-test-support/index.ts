import { settled } from '@ember/test-helpers';
import { getOwner } from '@ember/owner';
import MemoryStashStorage from 'ember-process-manager/-private/stash/storage/memory';
import { overrideStashStorage } from 'ember-process-manager/-private/stash/storage/index';
import { STASH_KEY } from 'ember-process-manager/-private/stash/storage/base';
import { getStorage } from 'ember-local-storage/helpers/storage';
import {
  onProcessCreated,
  wasDestroyed,
} from 'ember-process-manager/-private/debug';
import type { Process } from 'ember-process-manager';

export interface SetupProcessManagerOptions {
  /**
   * `'memory'` (the default) keeps each test's stash in memory, shared by
   * every app instance the test makes; `'session'` uses the real
   * `sessionStorage` through ember-local-storage, cleared before and after.
   */
  storage?: 'memory' | 'session';
}

let current: MemoryStashStorage | undefined;

/**
 * Gives each test a clean stash and checks at its end that every process it
 * created was destroyed (the test's own app destroys those still open).
 *
 * ```ts
 * module('Acceptance | conversation', function (hooks) {
 *   setupApplicationTest(hooks);
 *   setupProcessManager(hooks);
 * });
 * ```
 */
export function setupProcessManager(
  hooks: NestedHooks,
  options: SetupProcessManagerOptions = {},
): void {
  const { storage = 'memory' } = options;
  if (storage !== 'memory' && storage !== 'session') {
    throw new Error(
      `setupProcessManager: storage must be 'memory' or 'session', not ${String(storage)}`,
    );
  }
  let created: Process[] = [];
  let stopTracking: (() => void) | undefined;

  hooks.beforeEach(function () {
    clearSessionStash();
    current = storage === 'memory' ? new MemoryStashStorage() : undefined;
    overrideStashStorage(current);
    created = [];
    stopTracking = onProcessCreated((process) => created.push(process));
  });

  hooks.afterEach(async function (this: { owner?: object }) {
    stopTracking?.();
    overrideStashStorage(undefined);
    current = undefined;
    clearSessionStash();
    await settled();
    // QUnit may run this before or after ember-qunit destroys the test's own
    // app; its open processes go with it. Anything else must be destroyed.
    const testOwner = this.owner;
    const alive = created.filter(
      (process) =>
        !wasDestroyed(process) &&
        !(getOwner(process) === testOwner && isOpen(process)),
    );
    created = [];
    if (alive.length > 0) {
      throw new Error(
        `setupProcessManager: ${alive.length} process(es) outlived the test: ${alive
          .map((p) => p.key)
          .join(
            ', ',
          )}: close them, or destroy the app instances the test made.`,
      );
    }
  });
}

/**
 * The stash as it is stored now (what a refresh would restore), or
 * `undefined` when nothing is stored.
 *
 * ```ts
 * assert.deepEqual(readStash()?.processes.map((p) => p.id), ['1', '2']);
 * ```
 */
export function readStash(): StoredStash | undefined {
  const raw = current ? current.raw : getStorage('session')[STASH_KEY];
  if (raw === undefined) return undefined;
  const parsed = JSON.parse(raw) as StoredStash | { stash?: StoredStash };
  return current
    ? (parsed as StoredStash)
    : (parsed as { stash?: StoredStash }).stash;
}

/**
 * Replaces the stash's stored JSON text, as a corrupted page or another release
 * would have left it; the next app instance reads it.
 *
 * ```ts
 * writeStashText('{"version": 1, "processes": [');
 * ```
 */
export function writeStashText(text: string | undefined): void {
  if (current) {
    current.raw = text;
    return;
  }
  const native = getStorage('session');
  if (text === undefined) delete native[STASH_KEY];
  // ember-local-storage keeps its object's content: the stash under `stash`.
  else native[STASH_KEY] = `{"stash":${text}}`;
}

/** The shape `readStash()` returns. */
export interface StoredStash {
  version: number;
  active: string | null;
  processes: {
    type: string;
    id: string;
    title?: string;
    data?: Record<string, unknown>;
    /** Restores begun on reloads in a row without succeeding (the crash guard). */
    restoring?: number;
  }[];
}

/**
 * How many times the stash was written in this test (memory storage only).
 */
export function stashWrites(): number {
  if (!current)
    throw new Error(
      'stashWrites() counts the memory storage of setupProcessManager(hooks)',
    );
  return current.writes;
}

function isOpen(process: Process): boolean {
  const manager = getOwner(process)?.lookup('service:process-manager');
  return manager?.get(process.key) === process;
}

function clearSessionStash(): void {
  const native = getStorage('session');
  for (const key of Object.keys(native)) {
    if (key.includes('process-manager')) delete native[key];
  }
}
