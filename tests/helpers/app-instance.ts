import { getApplication, settled } from '@ember/test-helpers';
import { destroy } from '@ember/destroyable';
import type ApplicationInstance from '@ember/application/instance';
import type Application from '@ember/application';
import type { ProcessManagerService } from 'ember-process-manager';

/**
 * Boots another instance of the demo app in this page: with the test's
 * stash, a second instance is what the page looks like after a refresh.
 */
export async function bootInstance(): Promise<ApplicationInstance> {
  const application = getApplication() as Application;
  await application.boot();
  const instance = application.buildInstance();
  // Not interactive: the test's own instance owns the root element's events.
  await instance.boot({ isInteractive: false, shouldRender: false });
  return instance;
}

/** Destroys the instance (as unloading the page does) and boots the next one. */
export async function refresh(
  instance: ApplicationInstance,
): Promise<ApplicationInstance> {
  destroy(instance);
  await settled();
  return bootInstance();
}

export function managerOf(owner: {
  lookup(name: string): unknown;
}): ProcessManagerService {
  return owner.lookup('service:process-manager') as ProcessManagerService;
}
