import type Process from '../process';

const listeners = new Set<(process: Process) => void>();
const destroyed = new WeakSet<Process>();

/** Test support learns of every process created, to check they are all destroyed. */
export function onProcessCreated(
  listener: (process: Process) => void,
): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function processCreated(process: Process): void {
  for (const listener of listeners) listener(process);
}

/**
 * Recorded by the process's own destructor: unlike `isDestroyed`, it holds
 * across `assertDestroyablesDestroyed`, which forgets what it tracked.
 */
export function processDestroyed(process: Process): void {
  destroyed.add(process);
}

export function wasDestroyed(process: Process): boolean {
  return destroyed.has(process);
}
