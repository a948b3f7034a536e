import { isValidId, isValidType, keyFor } from '../identity';
import { isPlainObject, type JSONObject } from '../json';

/** Bumped whenever the stored shape changes; `parseStash` migrates older ones. */
export const STASH_VERSION = 1;

export interface StashedProcess {
  type: string;
  id: string;
  title?: string;
  data?: JSONObject;
}

export interface Stash {
  version: typeof STASH_VERSION;
  active: string | null;
  processes: StashedProcess[];
}

export interface ParsedStash {
  active: string | null;
  processes: StashedProcess[];
  /** One line per entry (or whole stash) that could not be read, for the app's warning. */
  problems: string[];
}

export const EMPTY_STASH: Stash = {
  version: STASH_VERSION,
  active: null,
  processes: [],
};

/**
 * Reads whatever was in storage. Never throws: an entry it cannot read is
 * dropped and named in `problems`, the rest is kept. `isKnownType` keeps
 * types that the app no longer registers out of the result.
 */
export function parseStash(
  raw: unknown,
  isKnownType: (type: string) => boolean,
): ParsedStash {
  const problems: string[] = [];
  if (raw === undefined || raw === null)
    return { active: null, processes: [], problems };
  if (!isPlainObject(raw) || !Array.isArray(raw['processes'])) {
    return {
      active: null,
      processes: [],
      problems: ['the stash is not an object with a processes list'],
    };
  }
  if (raw['version'] !== STASH_VERSION) {
    return {
      active: null,
      processes: [],
      problems: [
        `the stash has version ${String(raw['version'])}, this release reads ${STASH_VERSION}`,
      ],
    };
  }

  const seen = new Set<string>();
  const processes: StashedProcess[] = [];
  for (const [index, entry] of (raw['processes'] as unknown[]).entries()) {
    const problem = entryProblem(entry, isKnownType);
    if (problem) {
      problems.push(`entry ${index}: ${problem}`);
      continue;
    }
    const { type, id, title, data } = entry as StashedProcess;
    const key = keyFor(type, id);
    if (seen.has(key)) {
      problems.push(`entry ${index}: ${key} appears twice`);
      continue;
    }
    seen.add(key);
    processes.push({
      type,
      id,
      ...(typeof title === 'string' ? { title } : {}),
      ...(data ? { data: copyJSONObject(data) } : {}),
    });
  }

  const active =
    typeof raw['active'] === 'string' && seen.has(raw['active'])
      ? raw['active']
      : null;
  return { active, processes, problems };
}

function entryProblem(
  entry: unknown,
  isKnownType: (type: string) => boolean,
): string | undefined {
  if (!isPlainObject(entry)) return 'not an object';
  const { type, id, title, data } = entry;
  if (!isValidType(type)) return 'invalid type';
  if (!isValidId(id)) return 'invalid id';
  if (title !== undefined && typeof title !== 'string')
    return 'title is not a string';
  if (data !== undefined && !isPlainObject(data))
    return 'data is not an object';
  if (!isKnownType(type)) return `"${type}" is not a registered process type`;
  return undefined;
}

/**
 * A deep copy onto fresh prototype-bearing objects, so that a stored
 * `__proto__` key stays an own property and never reaches a prototype.
 */
function copyJSONObject(source: Record<string, unknown>): JSONObject {
  const copy: JSONObject = {};
  for (const key of Object.keys(source)) {
    Object.defineProperty(copy, key, {
      value: copyJSON(source[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function copyJSON(value: unknown): JSONObject[string] {
  if (Array.isArray(value)) return value.map(copyJSON) as JSONObject[string];
  if (isPlainObject(value)) return copyJSONObject(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null)
    return value;
  return null;
}
