import type Process from '../process';

/** What a process needs from the manager that owns it. */
export interface ProcessHost {
  readonly active: Process | null;
  /** Something stashed (its data) changed: write the stash at the end of the run loop. */
  stashChanged(): void;
  /** A task settled, so the title may differ from the stashed one: write if it does. */
  titleMayHaveChanged(process: Process): void;
  /** A hook other than initialize/restore failed; initialize/restore failures live on the process. */
  hookFailed(process: Process, hook: string, error: unknown): void;
}

const hosts = new WeakMap<Process, ProcessHost>();

export function attachHost(process: Process, host: ProcessHost): void {
  hosts.set(process, host);
}

export function hostOf(process: Process): ProcessHost | undefined {
  return hosts.get(process);
}
