"use client";

import { keepPreviousData, useQuery, type Query } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useScopeKey } from "@/components/shell/scope-context";
import { useTimezone } from "@/components/shell/timezone";
import type { ListSlug } from "@/lib/transactions/kinds";
import { apiQueryString, filterQueryString, txSearchParams, type TxSearchState } from "@/lib/transactions/search-params";
import type { DailyChartResponse, TxDetail, TxListResponse, TxStatsResponse } from "@/lib/transactions/types";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { accept: "application/json" }, signal, cache: "no-store" });
  if (!res.ok) {
    let message = `Request failed (${res.status})`;
    try {
      const body = (await res.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(message, res.status);
  }
  return (await res.json()) as T;
}

/** The table's URL state (nuqs; defaults are left out of the URL). */
export function useTxTableState() {
  return useQueryStates(txSearchParams, { clearOnDefault: true });
}

/** Keep the previous page on screen while the next loads, but never across markets/environments. */
function sameScope(scopeKey: readonly string[]) {
  return <T,>(prev: T | undefined, prevQuery: Query<T, Error, T, readonly unknown[]> | undefined) =>
    prevQuery && scopeKey.every((k, i) => prevQuery.queryKey[i] === k) ? keepPreviousData(prev) : undefined;
}

export function useTxList(slug: ListSlug, state: TxSearchState) {
  const scopeKey = useScopeKey();
  const { zone } = useTimezone();
  const qs = apiQueryString(state, { tz: zone });
  return useQuery({
    queryKey: [...scopeKey, "transactions", slug, "list", qs],
    queryFn: ({ signal }) => fetchJson<TxListResponse>(`/api/transactions/${slug}?${qs}`, signal),
    placeholderData: sameScope(scopeKey),
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 1,
  });
}

export function useTxStats(slug: ListSlug, state: TxSearchState, enabled = true) {
  const scopeKey = useScopeKey();
  const { zone } = useTimezone();
  const qs = filterQueryString(state, { tz: zone });
  return useQuery({
    queryKey: [...scopeKey, "transactions", slug, "stats", qs],
    queryFn: ({ signal }) => fetchJson<TxStatsResponse>(`/api/transactions/${slug}/stats?${qs}`, signal),
    placeholderData: sameScope(scopeKey),
    enabled,
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 1,
  });
}

export function useTxDetail(slug: ListSlug, id: string | null) {
  const scopeKey = useScopeKey();
  return useQuery({
    queryKey: [...scopeKey, "transactions", slug, "detail", id],
    queryFn: ({ signal }) => fetchJson<TxDetail>(`/api/transactions/${slug}/${encodeURIComponent(id!)}`, signal),
    enabled: !!id,
    retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 1,
  });
}

export function useDailyChart() {
  const scopeKey = useScopeKey();
  return useQuery({
    queryKey: [...scopeKey, "transactions", "daily"],
    queryFn: ({ signal }) => fetchJson<DailyChartResponse>("/api/transactions/daily", signal),
  });
}

/** The CSV download URL of the filtered view (or of the given ids). */
export function exportUrl(slug: ListSlug, state: TxSearchState, zone: string, ids?: string[]): string {
  const qs = ids?.length ? new URLSearchParams({ ids: ids.join(","), tz: zone }).toString() : filterQueryString(state, { tz: zone });
  return `/api/transactions/${slug}/export?${qs}`;
}
