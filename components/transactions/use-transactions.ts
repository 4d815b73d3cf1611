"use client";

import { useEffect, useRef } from "react";
import { keepPreviousData, useQuery, useQueryClient, type Query, type QueryClient } from "@tanstack/react-query";
import { useScopeKey } from "@/components/shell/scope-context";
import { walletsKey } from "@/components/wallets/api";
import { fetchJson, retryUnlessClientError, type ScopeKey } from "@/lib/client/fetch-json";
import { isOpenStatus } from "@/lib/engine/statuses";
import type { ListSlug } from "@/lib/transactions/kinds";
import {
  txFilterQuery,
  txListQuery,
  txQueryKeys as txKeys,
  type TxListResponse,
  type TxSearchState,
} from "@/lib/transactions/list-contract";
import type { DailyChartResponse, TxDetail, TxStatsResponse } from "@/lib/transactions/types";

/** Keep the previous page on screen while the next loads, but never across markets/environments. */
function sameScope(scopeKey: readonly string[]) {
  return <T>(prev: T | undefined, prevQuery: Query<T, Error, T, readonly unknown[]> | undefined) =>
    prevQuery && scopeKey.every((k, i) => prevQuery.queryKey[i] === k) ? keepPreviousData(prev) : undefined;
}

/** How often a list, its counters or a detail refetch while a transaction on screen may still change. */
export const LIVE_REFETCH_MS = 2_000;
/**
 * Only rows that changed recently count: the engine settles in seconds, while imported or seeded
 * history can stay PENDING forever (polling for those would never stop).
 */
export const LIVE_WINDOW_MS = 10 * 60_000;

/** A status the row can still leave (the engine's open statuses, held approvals, a refund under way). */
export function isLiveStatus(status: string): boolean {
  return isOpenStatus(status) || status === "REFUND_PENDING";
}

/** Whether a row on screen may still change by itself: an open status, touched in the last few minutes. */
export function isLiveRow(row: { status: string; updatedAt: string }, now = Date.now()): boolean {
  if (!isLiveStatus(row.status)) return false;
  const updated = Date.parse(row.updatedAt);
  return Number.isNaN(updated) || now - updated < LIVE_WINDOW_MS;
}

function liveInterval(rows: readonly { status: string; updatedAt: string }[] | undefined): number | false {
  return rows?.some((r) => isLiveRow(r)) ? LIVE_REFETCH_MS : false;
}

/** Counters, the daily chart and the balances of the scope, after a transaction on screen settled. */
function invalidateAfterSettle(queryClient: QueryClient, scopeKey: ScopeKey) {
  void queryClient.invalidateQueries({
    predicate: (q) => {
      const key = q.queryKey;
      if (!scopeKey.every((k, i) => key[i] === k)) return false;
      return (key[3] === "transactions" && (key[5] === "stats" || key[4] === "daily")) || key[3] === walletsKey(scopeKey)[3];
    },
  });
}

export function useTxList(slug: ListSlug, state: TxSearchState, tz: string) {
  const scopeKey = useScopeKey();
  const queryClient = useQueryClient();
  const qs = txListQuery(state, tz);
  const query = useQuery({
    queryKey: txKeys.list(scopeKey, slug, state, tz),
    queryFn: ({ signal }) => fetchJson<TxListResponse>(`/api/transactions/${slug}?${qs}`, signal),
    placeholderData: sameScope(scopeKey),
    retry: retryUnlessClientError,
    refetchInterval: (q) => liveInterval(q.state.data?.rows),
  });

  // A row that was open and now is final: the counters, chart and balances follow.
  const open = useRef(new Map<string, string>());
  const rows = query.isPlaceholderData ? undefined : query.data?.rows;
  useEffect(() => {
    if (!rows) return;
    const settled = rows.some((r) => open.current.has(r.id) && !isLiveStatus(r.status));
    open.current = new Map(rows.filter((r) => isLiveStatus(r.status)).map((r) => [r.id, r.status]));
    if (settled) invalidateAfterSettle(queryClient, scopeKey);
  }, [rows, queryClient, scopeKey]);

  return query;
}

export function useTxStats(slug: ListSlug, state: TxSearchState, tz: string, enabled = true) {
  const scopeKey = useScopeKey();
  const queryClient = useQueryClient();
  const qs = txFilterQuery(state, tz);
  const listKey = txKeys.list(scopeKey, slug, state, tz);
  return useQuery({
    queryKey: txKeys.stats(scopeKey, slug, state, tz),
    queryFn: ({ signal }) => fetchJson<TxStatsResponse>(`/api/transactions/${slug}/stats?${qs}`, signal),
    placeholderData: sameScope(scopeKey),
    enabled,
    retry: retryUnlessClientError,
    // The counters follow the rows shown: while one of them may still change, so may they.
    refetchInterval: () => liveInterval(queryClient.getQueryData<TxListResponse>(listKey)?.rows),
  });
}

export function useTxDetail(slug: ListSlug, id: string | null) {
  const scopeKey = useScopeKey();
  return useQuery({
    queryKey: txKeys.detail(scopeKey, slug, id),
    queryFn: ({ signal }) => fetchJson<TxDetail>(`/api/transactions/${slug}/${encodeURIComponent(id!)}`, signal),
    enabled: !!id,
    retry: retryUnlessClientError,
    refetchInterval: (q) => liveInterval(q.state.data ? [q.state.data] : undefined),
  });
}

export function useDailyChart() {
  const scopeKey = useScopeKey();
  return useQuery({
    queryKey: txKeys.daily(scopeKey),
    queryFn: ({ signal }) => fetchJson<DailyChartResponse>("/api/transactions/daily", signal),
  });
}
