// ember-local-storage ships no types; these cover what this addon uses.
declare module 'ember-local-storage/session/object' {
  export default class SessionStorageObject {
    static create(props: object): SessionStorageObject;
    clear(): void;
    reset(): void;
    isInitialContent(): boolean;
  }
}

declare module 'ember-local-storage/helpers/storage' {
  /** The native storage, or a plain object where it is unavailable. */
  export function getStorage(
    name: 'local' | 'session',
  ): Record<string, string | undefined>;
  export function _resetStorages(): void;
}

declare module 'ember-local-storage/test-support/reset-storage' {
  export default function resetStorage(): void;
}
