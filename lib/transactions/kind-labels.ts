import type { TransactionKind } from "@/lib/db/schema/enums";

/*
 * A transaction's name and outcome group: what the shell's watcher toasts on every page. Apart
 * from kinds.ts (which re-exports both) so the shell does not download the lists' configuration.
 */

/** Which counter a status falls in: Successful / Failed / Pending (the three add up to Total). */
export type StatusGroup = "successful" | "failed" | "pending";

const SUCCESSFUL = new Set(["SUCCESSFUL", "SUCCESS", "TRANSACTION_RETRY_SUCCESSFUL", "COMPLETED"]);
const FAILED = new Set([
  "FAILED", "DECLINED", "ERROR_OCCURRED", "PERMANENTLY_FAILED", "TRANSACTION_RETRY_FAILED", "EXPIRED", "CANCELLED",
  "TIMEOUT", "REVERSED", "DUPLICATE", "REFUNDED", "REFUND_FAILED",
]);

export function statusGroup(status: string): StatusGroup {
  const s = status.toUpperCase();
  if (SUCCESSFUL.has(s)) return "successful";
  if (FAILED.has(s)) return "failed";
  return "pending";
}

export const KIND_LABEL: Record<TransactionKind, string> = {
  collection: "Collection",
  payout: "Payout",
  onramp: "Onramp",
  offramp: "Offramp",
};
