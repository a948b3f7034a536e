import { find, settled, triggerEvent } from '@ember/test-helpers';

/**
 * `triggerEvent`, returning the event as the page saw it after every
 * listener already on the element ran (to check `defaultPrevented`).
 */
export async function dispatch(
  target: string | Element,
  type: string,
  options: Record<string, unknown> = {},
): Promise<Event> {
  const element = typeof target === 'string' ? find(target) : target;
  if (!element)
    throw new Error(
      `dispatch: no element matches ${typeof target === 'string' ? target : 'the target'}`,
    );
  let seen: Event | undefined;
  const listener = (event: Event) => (seen = event);
  element.addEventListener(type, listener);
  try {
    await triggerEvent(element, type, options);
  } finally {
    element.removeEventListener(type, listener);
  }
  await settled();
  if (!seen) throw new Error(`dispatch: no ${type} event reached the element`);
  return seen;
}
