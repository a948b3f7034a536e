import Modifier from 'ember-modifier';
import { service } from '@ember/service';
import { registerDestructor } from '@ember/destroyable';
import { assertId, assertType } from '../-private/identity';
import type ProcessManagerService from '../services/process-manager';
import type { OpenOptions } from '../services/process-manager';

export interface OpenProcessSignature {
  Element: HTMLElement;
  Args: {
    Positional: [type: string, id: string];
    Named: Omit<OpenOptions, 'background'>;
  };
}

/**
 * For links in lists: a plain click opens the process in the foreground and
 * lets the link navigate; Cmd/Ctrl-click or a middle click opens it in the
 * background, with no navigation and no new browser tab.
 *
 * ```hbs
 * <LinkTo @route="conversation" @model={{c.id}} {{open-process "conversation" c.id}}>
 *   {{c.subject}}
 * </LinkTo>
 * ```
 */
export default class OpenProcessModifier extends Modifier<OpenProcessSignature> {
  @service('process-manager') declare processManager: ProcessManagerService;

  #open: (background: boolean) => void = () => {};
  #element: HTMLElement | undefined;

  modify(
    element: HTMLElement,
    [type, id]: OpenProcessSignature['Args']['Positional'],
    { data, index }: OpenProcessSignature['Args']['Named'],
  ): void {
    // Refused when rendered, not at the first click.
    assertType(type);
    assertId(id);
    this.#open = (background) =>
      void this.processManager.open(type, id, { background, data, index });
    if (this.#element === element) return;
    this.#element = element;
    element.addEventListener('click', this.#onClick);
    element.addEventListener('auxclick', this.#onAuxClick);
    element.addEventListener('mousedown', this.#onMouseDown);
    registerDestructor(this, () => {
      element.removeEventListener('click', this.#onClick);
      element.removeEventListener('auxclick', this.#onAuxClick);
      element.removeEventListener('mousedown', this.#onMouseDown);
    });
  }

  #onClick = (event: MouseEvent): void => {
    if (event.button !== 0 || event.shiftKey || event.altKey) return;
    const background = event.metaKey || event.ctrlKey;
    // The browser would open a new tab, and a router link ignores modified clicks.
    if (background) event.preventDefault();
    this.#open(background);
  };

  #onAuxClick = (event: MouseEvent): void => {
    if (event.button !== 1) return;
    event.preventDefault();
    this.#open(true);
  };

  // Stops the middle button's autoscroll, which would swallow the auxclick.
  #onMouseDown = (event: MouseEvent): void => {
    if (event.button === 1) event.preventDefault();
  };
}
