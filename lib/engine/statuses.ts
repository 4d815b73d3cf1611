/**
 * Which statuses the engine moves between (domain reference §3.6–3.7, §5). Pure data.
 *
 * Happy paths: collection PENDING → INITIATED → SUCCESSFUL; payout PENDING → INITIATED → SUCCESSFUL,
 * or AWAITING_APPROVAL → PENDING → … when the payout waits for a second member (beyond the real
 * product). A payout's debit is reversed on any of REVERSING_STATUSES; a collection credits the
 * deposit balance on SUCCESSFUL.
 */

/** Our own status for a payout held for approval: its debit is reserved, nothing is sent yet. */
export const AWAITING_APPROVAL = "AWAITING_APPROVAL";

/** Statuses a transaction can still leave (the provider has not given a final answer). */
export const OPEN_STATUSES = ["NOT_INITIATED", "PENDING", "INITIATED", "IN_PROGRESS", "PROCESSING", "RETRY"] as const;

/** A user may cancel while the provider has not picked the transaction up. */
export const CANCELLABLE_STATUSES = ["PENDING", AWAITING_APPROVAL] as const;

/** Final failures that give a payout's debit back (exactly once). */
export const REVERSING_STATUSES = ["FAILED", "EXPIRED", "CANCELLED", "DECLINED", "REVERSED", "PERMANENTLY_FAILED"] as const;

export const SUCCESS_STATUS = "SUCCESSFUL";

export type EngineStatus =
  | (typeof OPEN_STATUSES)[number]
  | typeof AWAITING_APPROVAL
  | typeof SUCCESS_STATUS
  | (typeof REVERSING_STATUSES)[number];

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status) || status === AWAITING_APPROVAL;
}

export function reversesDebit(status: string): boolean {
  return (REVERSING_STATUSES as readonly string[]).includes(status);
}

/** The webhook event a kind's status change raises (§4.4). */
export const STATUS_EVENT = {
  collection: "transaction.deposit.status.updated",
  payout: "transaction.withdrawal.status.updated",
  onramp: "transaction.onramp.status.updated",
  offramp: "transaction.offramp.status.updated",
} as const;
