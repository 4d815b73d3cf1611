/**
 * Which transactions on screen may still change by themselves, so a list or a detail showing them
 * keeps refreshing (every LIVE_REFETCH_MS) until they settle. Pure: the server pages and the
 * client hooks both ask.
 */
import { isOpenStatus } from "@/lib/engine/statuses";

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

