/**
 * The React Query key of the payout approvals view. Pure (no "use client"): the server page
 * prefetches under it, the client component reads under it.
 */
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";

export function payoutApprovalsKey(scopeKey: ScopeKey) {
  return listQueryKey(scopeKey, "payouts", "approvals");
}
