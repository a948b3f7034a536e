/**
 * Maps process type names to their classes, so that `open('conversation', id)`
 * returns a `ConversationProcess`. Apps extend it:
 *
 * ```ts
 * declare module 'ember-process-manager/registry' {
 *   interface ProcessRegistry {
 *     conversation: ConversationProcess;
 *   }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProcessRegistry {}
