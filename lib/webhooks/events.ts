/**
 * Webhook events (§4.4) and which are on by default (§2.9: every transaction event; settlement
 * events are opt-in). Pure: the Settings form uses it too.
 */
export const TRANSACTION_EVENTS = [
  "transaction.deposit.status.updated",
  "transaction.withdrawal.status.updated",
  "transaction.onramp.status.updated",
  "transaction.offramp.status.updated",
  "payment.confirmed",
  "refund.completed",
  "refund.failed",
] as const;

export const SETTLEMENT_EVENTS = [
  "settlement.approved",
  "settlement.rejected",
  "settlement.processed",
  "settlement.cancelled",
  "settlement.paused",
  "settlement.batch.approved",
  "settlement.batch.rejected",
  "settlement.batch.processed",
  "settlement.batch.partial",
  "settlement.batch.cancelled",
  "settlement.batch.consolidated",
] as const;

/** Sent by "Send test event"; always delivered to the webhook URL whatever the checkboxes say. */
export const TEST_EVENT = "system.event";

export const WEBHOOK_EVENTS = [...TRANSACTION_EVENTS, ...SETTLEMENT_EVENTS] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const DEFAULT_EVENTS: readonly WebhookEvent[] = TRANSACTION_EVENTS;

export const EVENT_LABEL: Record<WebhookEvent, string> = {
  "transaction.deposit.status.updated": "Collection status changed",
  "transaction.withdrawal.status.updated": "Payout status changed",
  "transaction.onramp.status.updated": "Onramp status changed",
  "transaction.offramp.status.updated": "Offramp status changed",
  "payment.confirmed": "Payment confirmed",
  "refund.completed": "Refund completed",
  "refund.failed": "Refund failed",
  "settlement.approved": "Settlement approved",
  "settlement.rejected": "Settlement rejected",
  "settlement.processed": "Settlement processed",
  "settlement.cancelled": "Settlement cancelled",
  "settlement.paused": "Settlement paused",
  "settlement.batch.approved": "Settlement batch approved",
  "settlement.batch.rejected": "Settlement batch rejected",
  "settlement.batch.processed": "Settlement batch processed",
  "settlement.batch.partial": "Settlement batch partly processed",
  "settlement.batch.cancelled": "Settlement batch cancelled",
  "settlement.batch.consolidated": "Settlement batch consolidated",
};

/** §4.7 callbackUrlStatus on the transaction. */
export const CALLBACK_STATUS = { COMPLETED: 0, PENDING: 1, PROCESSING: 2, FAILED: -1, PERMANENTLY_FAILED: -2 } as const;
export type DeliveryStatus = "COMPLETED" | "FAILED" | "PERMANENTLY_FAILED";
