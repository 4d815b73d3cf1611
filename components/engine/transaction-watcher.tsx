"use client";

import { useEffect, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toaster";
import { ApiError, fetchJson } from "@/lib/client/fetch-json";
import { announceDataChanged } from "@/lib/client/data-changed";
import { isOpenStatus } from "@/lib/engine/statuses";
import { KIND_LABEL, statusGroup } from "@/lib/transactions/kind-labels";
import type { TransactionStatus } from "@/lib/transactions/get-transaction-statuses";
import { subscribeTracked, trackedSnapshot, untrackTransaction, type TrackedTransaction } from "./tracked-transactions";

export const WATCH_INTERVAL_MS = 2_000;
/** The route's limit (lib/transactions/get-transaction-statuses.ts MAX_STATUS_IDS): the rest wait their turn. */
const MAX_IDS = 20;
/** The query-key areas (after the scope) a settled transaction changes: lists, counters, chart, balances, approvals. */
const AREAS = ["transactions", "wallets", "payouts"];

function isFinal(status: string): boolean {
  return !isOpenStatus(status) && status !== "REFUND_PENDING";
}

/** "Payout of KES 150.00 to +254700000001 SUCCESSFUL", "… FAILED: The subscriber has insufficient funds". */
export function settledMessage(t: TrackedTransaction, s: Pick<TransactionStatus, "status" | "errorMessage">): string {
  const base = `${KIND_LABEL[t.kind]} of ${t.label} ${s.status}`;
  return statusGroup(s.status) !== "successful" && s.errorMessage ? `${base}: ${s.errorMessage}` : base;
}

/**
 * Follows the transactions this tab created (components/engine/tracked-transactions.ts) until the
 * network answers: polls their status every 2 s while any is tracked and the tab is visible, then
 * toasts the outcome, stops tracking it and refreshes what it changed (lists, counters, chart,
 * wallet balances, the home page's balance cards). Mounted once, in DashboardProviders, from the
 * tab's first tracked transaction on (transaction-watcher-on-demand.tsx).
 *
 * It sits above the ScopeProvider, so it refreshes those areas in every cached market and
 * environment rather than under one useScopeKey() (only the active queries refetch), and the page
 * itself (its lists and balance cards are rendered by the server).
 */
export function TransactionWatcher() {
  const tracked = useSyncExternalStore(subscribeTracked, trackedSnapshot, trackedSnapshot);
  const router = useRouter();

  const ids = tracked
    .slice(0, MAX_IDS)
    .map((t) => t.id)
    .join(",");

  useEffect(() => {
    if (!ids) return;
    const asked = ids.split(",");
    const controller = new AbortController();
    let inFlight = false;

    const settle = (rows: TransactionStatus[]) => {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const current = new Map(trackedSnapshot().map((t) => [t.id, t]));
      let settled = false;
      for (const id of asked) {
        const t = current.get(id);
        if (!t) continue;
        const s = byId.get(id);
        // Not visible from here any more (another environment, no permission): stop asking.
        if (!s) {
          untrackTransaction(id);
          continue;
        }
        if (!isFinal(s.status)) continue;
        const message = settledMessage(t, s);
        const group = statusGroup(s.status);
        if (group === "successful") toast.success(message);
        else if (s.status === "CANCELLED") toast.info(message);
        else toast.error(message);
        untrackTransaction(id);
        settled = true;
      }
      if (!settled) return;
      announceDataChanged({ areas: AREAS });
      router.refresh();
    };

    const tick = async () => {
      if (inFlight || document.visibilityState === "hidden") return;
      inFlight = true;
      try {
        const rows = await fetchJson<TransactionStatus[]>(`/api/transactions/status?ids=${encodeURIComponent(ids)}`, controller.signal);
        if (!controller.signal.aborted) settle(rows);
      } catch (e) {
        // A refusal (signed out, no permission, a malformed id) will not change by asking again.
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && !controller.signal.aborted) {
          for (const id of asked) untrackTransaction(id);
        }
        // Network errors and 5xx: the next tick tries again.
      } finally {
        inFlight = false;
      }
    };

    void tick();
    const timer = setInterval(() => void tick(), WATCH_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [ids, router]);

  return null;
}
