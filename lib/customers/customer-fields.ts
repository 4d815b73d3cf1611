/**
 * The customer forms' constants, without zod: the dialogs import these (schemas.ts re-exports them
 * for the server), so the pages do not ship zod; the schemas load on first validation.
 */
export const ID_TYPES = ["NATIONAL_ID", "ECOWAS_ID"] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABEL: Record<IdType, string> = { NATIONAL_ID: "National ID", ECOWAS_ID: "ECOWAS ID" };

/** The earliest offset on earth (UTC+14): "today" anywhere is at most this date. */
const LATEST_OFFSET_MS = 14 * 3600_000;

/** Today's latest calendar date anywhere (so someone born today east of UTC is not "in the future"). */
export function latestToday(now = Date.now()): string {
  return new Date(now + LATEST_OFFSET_MS).toISOString().slice(0, 10);
}
