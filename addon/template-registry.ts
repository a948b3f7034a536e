import type ProcessTabs from './components/process-tabs';
import type OpenProcessModifier from './modifiers/open-process';

/**
 * For loose-mode (`.hbs`) templates checked by Glint:
 *
 * ```ts
 * import type ProcessManagerRegistry from 'ember-process-manager/template-registry';
 *
 * declare module '@glint/environment-ember-loose/registry' {
 *   export default interface Registry extends ProcessManagerRegistry {}
 * }
 * ```
 */
export default interface ProcessManagerRegistry {
  ProcessTabs: typeof ProcessTabs;
  'open-process': typeof OpenProcessModifier;
}
