/** An answer of the demo API that was not 2xx. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** `"GET /api/conversations/99"` */
    readonly request: string,
  ) {
    super(message);
  }
}

/** fetch() with JSON in and out; a non-2xx answer throws an HttpError. */
export async function request<T>(
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const reason =
      (json as { error?: string } | undefined)?.error ?? response.statusText;
    // Short enough for a tab: "no conversation 99 (404)".
    throw new HttpError(
      response.status,
      `${reason} (${response.status})`,
      `${method} ${url}`,
    );
  }
  return json as T;
}
