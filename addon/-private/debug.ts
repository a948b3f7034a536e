import type Process from '../process';

const listeners = new Set<(process: Process) => void>();

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
