"use client";

import { useQuery } from "@tanstack/react-query";
import { useScopeKey } from "@/components/shell/scope-context";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { isLiveRow, LIVE_REFETCH_MS } from "@/lib/transactions/live";
import type { ListSlug } from "@/lib/transactions/kinds";
import { txQueryKeys as txKeys } from "@/lib/transactions/list-contract";
import type { TxDetail } from "@/lib/transactions/types";

function liveInterval(rows: readonly { status: string; updatedAt: string }[] | undefined): number | false {
  return rows?.some((r) => isLiveRow(r)) ? LIVE_REFETCH_MS : false;
}

/** One transaction for the detail sheet, refetched while it may still change by itself. */
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
