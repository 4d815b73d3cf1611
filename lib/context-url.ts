import { marketKey, type Market } from "@/lib/markets";

/**
 * Market and environment travel in every dashboard URL (`?m=KE-KES&env=sandbox`), so a link
 * opens the same view for a teammate. The selectors and the context cookie stay the source of
 * truth: proxy.ts sends a link whose context differs from the cookie through
 * /api/context/switch, and the shell writes the current context into URLs that lack it.
 * Pure: used by the proxy, the switch route and the client.
 */
export const MARKET_PARAM = "m";
export const ENV_PARAM = "env";
/** Set by the switch route when a link's context was refused: the shell says why, then drops it. */
export const CONTEXT_REFUSED_PARAM = "ctx_refused";
/** Paging that belongs to one market: dropped when the context changes. */
const PER_CONTEXT_PARAMS = ["page", "cursor", "tx"];

export interface ContextSelection {
  environment: string;
  market: Market;
}

/** The URL with this context in it (other parameters kept). */
export function withContext(url: URL, sel: ContextSelection): URL {
  const next = new URL(url);
  next.searchParams.set(MARKET_PARAM, marketKey(sel.market));
  next.searchParams.set(ENV_PARAM, sel.environment);
  return next;
}

/** The same page in another context: per-market paging and the open detail are dropped. */
export function switchedUrl(url: URL, sel: ContextSelection): URL {
  const next = withContext(url, sel);
  for (const key of [...PER_CONTEXT_PARAMS, CONTEXT_REFUSED_PARAM]) next.searchParams.delete(key);
  return next;
}

/** Does the URL name a context other than this one? (No context in the URL: no.) */
export function urlContextDiffers(params: URLSearchParams, sel: ContextSelection | null): boolean {
  const m = params.get(MARKET_PARAM);
  const env = params.get(ENV_PARAM);
  if (m === null && env === null) return false;
  return !sel || m !== marketKey(sel.market) || env !== sel.environment;
}
