/**
 * "Data on screen may have changed": said by whoever changed it (a mutation, the transaction
 * watcher, a market switch) and heard by whoever holds a copy (the browser's React Query cache,
 * lib/client/query-client.ts). Server-rendered pages are refreshed by the same callers with
 * router.refresh(). A tiny module, so the dashboard's shell can announce a change without
 * shipping React Query.
 */
export interface DataChange {
  /** Only queries under this scope key (environment, country, currency); none: every scope. */
  scope?: readonly string[];
  /** Only these areas (the query key's 4th part: "transactions", "wallets"…); none: all. */
  areas?: readonly string[];
  /** Forget everything cached (the market or environment changed). */
  reset?: boolean;
}

const listeners = new Set<(change: DataChange) => void>();

export function onDataChanged(listener: (change: DataChange) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function announceDataChanged(change: DataChange = {}): void {
  for (const listener of listeners) listener(change);
}
