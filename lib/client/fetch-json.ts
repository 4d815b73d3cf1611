/**
 * The dashboard's one JSON fetch and one query-key builder (every list, detail and chart the
 * client asks the /api routes for). Pure: no React, no server-only imports.
 */

/** A non-2xx answer of a JSON route: its `message` (the gate's `{ success:false, message }`) and status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** GET a JSON route; a non-2xx answer throws an ApiError with the route's message. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, signal, cache: "no-store" });
  if (!res.ok) {
    let message = `Request failed (${res.status})`;
    let fieldErrors: Record<string, string[]> | undefined;
    try {
      const body = (await res.json()) as { message?: string; fieldErrors?: Record<string, string[]> };
      if (body.message) message = body.message;
      fieldErrors = body.fieldErrors;
    } catch {
      /* not JSON */
    }
    throw new ApiError(message, res.status, fieldErrors);
  }
  return (await res.json()) as T;
}

/** Retry once on a network error or a 5xx; a 4xx (bad filter, no permission, not found) is final. */
export function retryUnlessClientError(failureCount: number, error: Error): boolean {
  return !(error instanceof ApiError && error.status < 500) && failureCount < 1;
}

/** `[environment, country, currency]`: what useScopeKey() returns. */
export type ScopeKey = readonly [string, string, string];

/**
 * Every React Query key: the scope first (switching market or environment never shows another
 * market's rows), then the area and what identifies the data, e.g.
 * `listQueryKey(scopeKey, "transactions", "collections", "detail", id)`.
 */
export function listQueryKey(scopeKey: ScopeKey, area: string, ...rest: readonly (string | number | null)[]) {
  return [...scopeKey, area, ...rest] as const;
}

