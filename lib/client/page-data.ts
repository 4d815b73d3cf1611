import "server-only";
import { cookies } from "next/headers";
import type { z } from "zod";
import { AppError } from "@/lib/auth/errors";
import { zodFieldErrors } from "@/lib/auth/guard";
import type { Scope } from "@/lib/auth/scope";
import { jsonValue, type Jsonified } from "@/lib/json";
import { queryObject } from "./list-params";
import { TIMEZONE_COOKIE_NAME, timezoneModeOf, zoneOf } from "./timezone";

/** What a server-rendered list shows: the route's JSON for the URL's query, or the message the route would refuse it with. */
export type PageRead<T> = { data: T; error?: undefined } | { data?: undefined; error: string };

/**
 * The server half of a server-rendered list: the API query string parsed with the route's schema
 * and handed to the route's service, exactly as the route would; the answer as the route's JSON
 * (bigints as strings), so the page renders what the API returns. A query the route would refuse
 * (a hand-edited URL) or an AppError gives the route's message instead; anything else throws.
 */
export async function readForPage<S extends z.ZodType, T>(
  schema: S,
  query: string,
  load: (input: z.output<S>) => Promise<T>,
): Promise<PageRead<Jsonified<T>>> {
  const parsed = schema.safeParse(queryObject(query));
  if (!parsed.success) return { error: zodFieldErrors(parsed.error).message };
  try {
    return { data: jsonValue(await load(parsed.data)) };
  } catch (e) {
    if (e instanceof AppError) return { error: e.message };
    throw e;
  }
}

/** The zone of the sidebar widget for this request (same cookie, same rule as the client's TimezoneProvider). */
export async function requestZone(scope: Pick<Scope, "timezone">): Promise<string> {
  return zoneOf(timezoneModeOf((await cookies()).get(TIMEZONE_COOKIE_NAME)?.value), scope.timezone);
}
