/** What bench/page-init.js installs before the app boots: sessionStorage writes, counted. */
export interface StorageCounter {
  /** Every write: `storage[key] = value` and `setItem(key, value)`. */
  writes: number;
  byKey: Record<string, number>;
}

declare global {
  interface Window {
    __benchStorage?: StorageCounter;
    gc?: () => void;
  }
}

export const now = (): number => performance.now();

/** sessionStorage writes so far, or `null` when the page was not loaded by bench/run.mjs. */
export function storageWrites(): number | null {
  return window.__benchStorage?.writes ?? null;
}

/** A full collection, where Chromium exposes it (`--js-flags=--expose-gc`). */
export function collectGarbage(): void {
  window.gc?.();
}

/** Resolves after the tasks queued now (a message, not a timer: no clamping). */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves, with the time, once the next frame has been produced: a task
 * queued from a requestAnimationFrame callback runs after that frame's paint.
 */
export function afterPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      void macrotask().then(() => resolve(now()));
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A small seeded PRNG (mulberry32): the churn is the same on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTF-8 bytes of a string. */
export function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
