import "server-only";
import { cookies } from "next/headers";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { AppError } from "@/lib/auth/errors";
import type { Scope } from "@/lib/auth/scope";
import { toJson } from "@/lib/json";
import { queryObject } from "./list-params";
import { TIMEZONE_COOKIE_NAME, timezoneModeOf, zoneOf } from "./timezone";

/**
 * The server half of a list page: parse the API query string exactly as the route would, call the
 * route's service, and put its JSON (bigints as strings, as the route answers) into the page's
 * QueryClient under the key the client hook uses. The page then renders
 * `<HydrationBoundary state={dehydrate(qc)}>`, so the first page of rows is in the HTML.
 *
 * A query the route would refuse (a hand-edited URL: 400) is not prefetched: the client asks the
 * route and shows its message, as it does for any other error.
 */
export async function prefetchJson(qc: QueryClient, queryKey: QueryKey, load: () => Promise<unknown>): Promise<void> {
  try {
    const data: unknown = JSON.parse(toJson(await load()));
    qc.setQueryData(queryKey, data);
  } catch (e) {
    if (e instanceof AppError) return;
    console.error("[prefetch] could not prefetch", queryKey.slice(3, 5), e);
  }
}

/** The route's schema applied to an API query string (what gatedRoute parses); null when it refuses. */
export function parseRouteQuery<S extends z.ZodType>(schema: S, query: string): z.output<S> | null {
  const parsed = schema.safeParse(queryObject(query));
  return parsed.success ? parsed.data : null;
}

/** The zone of the sidebar widget for this request (same cookie, same rule as the client's TimezoneProvider). */
export async function requestZone(scope: Pick<Scope, "timezone">): Promise<string> {
  return zoneOf(timezoneModeOf((await cookies()).get(TIMEZONE_COOKIE_NAME)?.value), scope.timezone);
}
