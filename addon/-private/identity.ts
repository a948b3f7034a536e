import { describe } from './json';

export const TYPE_PATTERN = /^[a-z][a-z0-9-]*$/;
export const MAX_ID_LENGTH = 256;

const PREFIX = 'ember-process-manager';

export function isValidType(type: unknown): type is string {
  return typeof type === 'string' && TYPE_PATTERN.test(type);
}

export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;
}

export function assertType(type: unknown): asserts type is string {
  if (!isValidType(type)) {
    throw new Error(
      `${PREFIX}: invalid process type ${describe(type)}: a type is a string matching ${String(TYPE_PATTERN)}`,
    );
  }
}

export function assertId(id: unknown): asserts id is string {
  if (!isValidId(id)) {
    throw new Error(
      `${PREFIX}: invalid process id ${describe(id)}: an id is a non-empty string of at most ${MAX_ID_LENGTH} characters`,
    );
  }
}

export function keyFor(type: string, id: string): string {
  return `${type}:${id}`;
}

/** Splits `"<type>:<id>"` at its first colon; ids may contain colons. */
export function parseKey(key: unknown): { type: string; id: string } {
  const at = typeof key === 'string' ? key.indexOf(':') : -1;
  const type = at > 0 ? (key as string).slice(0, at) : undefined;
  const id = at > 0 ? (key as string).slice(at + 1) : undefined;
  if (!isValidType(type) || !isValidId(id)) {
    throw new Error(
      `${PREFIX}: invalid process key ${describe(key)}: a key is "<type>:<id>"`,
    );
  }
  return { type, id };
}

export function error(message: string): Error {
  return new Error(`${PREFIX}: ${message}`);
}
