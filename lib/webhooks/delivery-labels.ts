/**
 * The webhook log's words for statuses and events (its filters, cells and sheet). Apart from
 * deliveries-contract.ts, which the log's client controls import: they do not ship the event list.
 */
import { EVENT_LABEL, TEST_EVENT, WEBHOOK_EVENTS, type DeliveryStatus, type WebhookEvent } from "./events";

/** How the status filter names them (the cells show the stored word). */
export const DELIVERY_STATUS_LABEL: Record<DeliveryStatus, string> = {
  COMPLETED: "Delivered (COMPLETED)",
  FAILED: "Failed, will retry (FAILED)",
  PERMANENTLY_FAILED: "Failed for good (PERMANENTLY_FAILED)",
};

/** The events the filter offers: the test event, then every subscribable event. */
export const DELIVERY_EVENT_OPTIONS: readonly { value: string; label: string }[] = [
  { value: TEST_EVENT, label: "Test event" },
  ...WEBHOOK_EVENTS.map((e) => ({ value: e, label: EVENT_LABEL[e] })),
];

/** A stored event name in words (unknown names, e.g. older ones, as they are). */
export function eventLabel(event: string): string {
  if (event === TEST_EVENT) return "Test event";
  return EVENT_LABEL[event as WebhookEvent] ?? event;
}
