/** A value that survives `JSON.stringify` then `JSON.parse` unchanged. */
export type JSONValue =
  | string
  | number
  | boolean
  | null
  | JSONValue[]
  | { [key: string]: JSONValue | undefined };

/**
 * A JSON object. Properties may be `undefined` so that optional fields
 * (`{ draft?: string }`) fit; `JSON.stringify` leaves them out.
 */
export type JSONObject = { [key: string]: JSONValue | undefined };

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A short, printable rendering of any value, for error messages. */
export function describe(value: unknown): string {
  let text: string;
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : String(JSON.stringify(value) ?? value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  if (typeof value === 'function')
    text = `function ${value.name || '(anonymous)'}`;
  if (typeof value === 'symbol' || typeof value === 'bigint')
    text = String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
