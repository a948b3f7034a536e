import { getOwner } from '@ember/owner';
import ProcessManagerService from 'ember-process-manager/services/process-manager';
import { registerBenchTypes } from './types';
import { afterPaint, now, storageWrites } from './util';

/** What one page load with `?boot=<n>` measured, from the start of restore(). */
export interface BootResult {
  expected: number;
  /** restore() returned (the processes exist). */
  returnMs?: number;
  /** restore()'s promise resolved. */
  restoreMs?: number;
  /** Every tab and its title in the DOM. */
  domMs?: number;
  /** ...and painted (the next frame done). */
  paintMs?: number;
  tabs?: number;
  /** Tabs shown busy (their restore task running) when painted. */
  busy?: number;
  writes?: number | null;
  error?: string;
}

declare global {
  interface Window {
    __benchBoot?: BootResult;
  }
}

/**
 * Runs before the app boots (bench/page-init.js calls it on
 * DOMContentLoaded, before Ember's own listener): registers the benchmark's
 * process types before the stash is read and, on `?boot=<n>`, times the
 * first restore() until the tab bar has painted its n tabs.
 */
export function instrumentBoot(): void {
  const param = new URLSearchParams(window.location.search).get('boot');
  const expected = param === null ? undefined : Number(param);
  const proto = ProcessManagerService.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this)
  const original = proto.restore;
  proto.restore = function (this: ProcessManagerService): Promise<void> {
    proto.restore = original;
    registerBenchTypes(getOwner(this)!);
    if (expected === undefined) return original.call(this);
    const result: BootResult = { expected };
    window.__benchBoot = result;
    const start = storageWrites();
    const t0 = now();
    const check = (): void => {
      try {
        if (!document.querySelector('[role="tablist"]')) return;
        const tabs = document.querySelectorAll('[role="tab"]');
        if (tabs.length !== expected) return;
        const processes = this.processes;
        for (let i = 0; i < processes.length; i++) {
          if (!tabs[i]?.textContent?.includes(processes[i]!.title)) return;
        }
        observer.disconnect();
        result.domMs = now() - t0;
        result.tabs = tabs.length;
        result.busy = document.querySelectorAll(
          '[role="tab"][aria-busy="true"]',
        ).length;
        void afterPaint().then((painted) => {
          result.paintMs = painted - t0;
          const writes = storageWrites();
          result.writes =
            start === null || writes === null ? null : writes - start;
        });
      } catch (error) {
        result.error = String(error);
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    const restored = original.call(this);
    result.returnMs = now() - t0;
    void restored.then(() => (result.restoreMs = now() - t0));
    return restored;
  };
}
