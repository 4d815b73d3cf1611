"use client";

import { keepPreviousData, useQuery, type Query } from "@tanstack/react-query";
import { useScopeKey } from "@/components/shell/scope-context";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
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

export function useTxList(slug: ListSlug, state: TxSearchState, tz: string) {
  const scopeKey = useScopeKey();
  const qs = txListQuery(state, tz);
  return useQuery({
    queryKey: txKeys.list(scopeKey, slug, state, tz),
    queryFn: ({ signal }) => fetchJson<TxListResponse>(`/api/transactions/${slug}?${qs}`, signal),
    placeholderData: sameScope(scopeKey),
    retry: retryUnlessClientError,
  });
}

export function useTxStats(slug: ListSlug, state: TxSearchState, tz: string, enabled = true) {
  const scopeKey = useScopeKey();
  const qs = txFilterQuery(state, tz);
  return useQuery({
    queryKey: txKeys.stats(scopeKey, slug, state, tz),
    queryFn: ({ signal }) => fetchJson<TxStatsResponse>(`/api/transactions/${slug}/stats?${qs}`, signal),
    placeholderData: sameScope(scopeKey),
    enabled,
    retry: retryUnlessClientError,
  });
}

export function useTxDetail(slug: ListSlug, id: string | null) {
  const scopeKey = useScopeKey();
  return useQuery({
    queryKey: txKeys.detail(scopeKey, slug, id),
    queryFn: ({ signal }) => fetchJson<TxDetail>(`/api/transactions/${slug}/${encodeURIComponent(id!)}`, signal),
    enabled: !!id,
    retry: retryUnlessClientError,
  });
}

export function useDailyChart() {
  const scopeKey = useScopeKey();
  return useQuery({
    queryKey: txKeys.daily(scopeKey),
    queryFn: ({ signal }) => fetchJson<DailyChartResponse>("/api/transactions/daily", signal),
  });
}
