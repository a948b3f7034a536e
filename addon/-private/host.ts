import type Process from '../process';

/** What a process needs from the manager that owns it. */
export interface ProcessHost {
  readonly active: Process | null;
  /** Something stashed (its data) changed: write the stash at the end of the run loop. */
  stashChanged(): void;
  /** initialize() or restore() settled: the title may differ from the stashed one. */
  taskSettled(process: Process, kind: 'init' | 'restore', ok: boolean): void;
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
