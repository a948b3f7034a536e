import { isValidId, isValidType, keyFor } from '../identity';
import { isPlainObject, type JSONObject } from '../json';

/** Bumped whenever the stored shape changes; `parseStash` migrates older ones. */
export const STASH_VERSION = 1;

/** Longer stored titles are dropped (the tab falls back to its default title). */
export const MAX_TITLE_LENGTH = 1024;
/** An entry whose data serializes longer than this is dropped alone. */
export const MAX_DATA_LENGTH = 512 * 1024;

export interface StashedProcess {
  type: string;
  id: string;
  title?: string;
  data?: JSONObject;
  /** Restores begun and not yet succeeded: a crash guard across reloads. */
  restoring?: number;
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
 * Reads the stored text. Text that is not JSON (cut off by a full storage,
 * or damaged) still gives back every entry that is whole in it.
 */
export function parseStashText(
  text: string | undefined,
  isKnownType: (type: string) => boolean,
): ParsedStash {
  if (text === undefined) return { active: null, processes: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return salvage(text, isKnownType);
  }
  return parseStash(raw, isKnownType);
}

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
  const version = raw['version'];
  if (!Number.isInteger(version) || (version as number) < 1) {
    return {
      active: null,
      processes: [],
      problems: [`the stash has no valid version (${String(version)})`],
    };
  }
  if ((version as number) > STASH_VERSION) {
    // A newer release wrote it: keep every entry this one can still read.
    problems.push(
      `the stash has version ${String(version)}, newer than ${STASH_VERSION}; read what this release understands`,
    );
  }

  const seen = new Set<string>();
  const processes: StashedProcess[] = [];
  for (const [index, entry] of (raw['processes'] as unknown[]).entries()) {
    const problem = entryProblem(entry, isKnownType);
    if (problem) {
      problems.push(`entry ${index}: ${problem}`);
      continue;
    }
    const { type, id, title, data, restoring } = entry as StashedProcess;
    const key = keyFor(type, id);
    if (seen.has(key)) {
      problems.push(`entry ${index}: ${key} appears twice`);
      continue;
    }
    seen.add(key);
    processes.push({
      type,
      id,
      ...(typeof title === 'string' && title.length <= MAX_TITLE_LENGTH
        ? { title }
        : {}),
      ...(data ? { data: copyJSONObject(data) } : {}),
      ...(Number.isInteger(restoring) && (restoring as number) > 0
        ? { restoring: restoring }
        : {}),
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
  if (data !== undefined && jsonLength(data) > MAX_DATA_LENGTH)
    return `its data is over ${MAX_DATA_LENGTH} characters`;
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

function jsonLength(value: unknown): number {
  try {
    return JSON.stringify(value).length;
  } catch {
    return Infinity;
  }
}

/**
 * Recovers what it can from text that is not JSON: the version, the active
 * key, and each entry of the processes list that is a whole JSON object.
 */
function salvage(
  text: string,
  isKnownType: (type: string) => boolean,
): ParsedStash {
  const version = /"version"\s*:\s*(\d+)/.exec(text)?.[1];
  const active = /"active"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  const list = /"processes"\s*:\s*\[/.exec(text);
  const entries: unknown[] = [];
  if (list) {
    for (const slice of wholeObjects(text, list.index + list[0].length)) {
      try {
        entries.push(JSON.parse(slice));
      } catch {
        entries.push(undefined);
      }
    }
  }
  let activeKey: unknown = null;
  try {
    activeKey = active ? JSON.parse(active) : null;
  } catch {
    activeKey = null;
  }
  const parsed = parseStash(
    { version: Number(version), active: activeKey, processes: entries },
    isKnownType,
  );
  parsed.problems.unshift(
    `the stash is not JSON (cut off or damaged); recovered ${parsed.processes.length} whole entries`,
  );
  return parsed;
}

/** The top-level `{...}` slices of a JSON array's body, stopping where the text breaks off. */
function* wholeObjects(text: string, from: number): Generator<string> {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (char === '}' || char === ']') {
      if (depth === 0) return; // the end of the processes list
      depth--;
      if (depth === 0 && text[start] === '{') yield text.slice(start, i + 1);
    }
  }
}
