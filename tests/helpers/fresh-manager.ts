import { run } from '@ember/runloop';
import { destroy } from '@ember/destroyable';
import type Owner from '@ember/owner';
import type { ProcessManagerService } from 'ember-process-manager';

/**
 * A new manager on the test's stash storage: cheaper than a new app
 * instance, and the same for the stash. Destroying it is the page going away.
 */
export function freshManager(owner: Owner): ProcessManagerService {
  const factory = owner.factoryFor('service:process-manager');
  if (!factory) throw new Error('freshManager: no process-manager service');
  return factory.create();
}

/** Destroys it and runs its destructors now. */
export function unload(manager: ProcessManagerService): void {
  // eslint-disable-next-line ember/no-runloop -- destructors run at the end of a run loop
  run(() => destroy(manager));
}
