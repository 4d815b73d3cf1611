/**
 * The transaction list's paging, sorting and cursor vocabulary, without zod (the client bundle
 * imports this; the zod schema lives in list-query.ts). Pure: shared by server and client.
 */

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** Offset paging (sorts other than Created At, or a page number without a cursor) stops here. */
export const MAX_OFFSET_ROWS = 10_000;
/** Selected rows exported at once. */
export const MAX_SELECTED_IDS = 500;

/** Column ids the list can be sorted by (the table's column ids). */
export const SORT_COLUMNS = [
  "createdAt", "updatedAt", "completedAt", "amount", "transactionAmount", "fee", "referenceId", "referenceNumber",
  "status", "channel", "phoneNumber", "network", "cryptoAmount", "chain", "token", "kind",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDir = "asc" | "desc";
export const DEFAULT_SORT = "createdAt.desc";

export function parseSort(value: string): { column: SortColumn; dir: SortDir } | null {
  const m = /^([a-zA-Z]+)\.(asc|desc)$/.exec(value);
  if (!m || !(SORT_COLUMNS as readonly string[]).includes(m[1])) return null;
  return { column: m[1] as SortColumn, dir: m[2] as SortDir };
}

/** "a" = rows after the cursor row (next page), "b" = rows before it (previous page). */
export interface Cursor {
  dir: "a" | "b";
  /** created_at of the boundary row, ISO with microseconds ("2025-06-01T10:00:00.123456Z"). */
  ts: string;
  id: string;
  /** Where it was issued ("sandbox:KE-KES"): a cursor carried over to another market or environment restarts at page 1. */
  scope?: string;
}

const CURSOR_SCOPE = /^(sandbox|production):[A-Z]{2}-[A-Z]{3}$/;
const CURSOR_TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const CURSOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

function toBase64Url(text: string): string {
  const b64 = typeof btoa === "function" ? btoa(text) : Buffer.from(text, "binary").toString("base64");
  return b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  try {
    return typeof atob === "function" ? atob(b64) : Buffer.from(b64, "base64").toString("binary");
  } catch {
    return null;
  }
}

export function encodeCursor(c: Cursor): string {
  return toBase64Url(`${c.dir}|${c.ts}|${c.id}${c.scope ? `|${c.scope}` : ""}`);
}

/** Null when malformed (the route answers 400). */
export function decodeCursor(token: string): Cursor | null {
  const text = fromBase64Url(token);
  if (!text) return null;
  const [dir, ts, id, scope, ...rest] = text.split("|");
  if (rest.length || (dir !== "a" && dir !== "b") || !CURSOR_TS.test(ts ?? "") || !CURSOR_ID.test(id ?? "")) return null;
  if (scope !== undefined && !CURSOR_SCOPE.test(scope)) return null;
  if (Number.isNaN(Date.parse(ts))) return null;
  return scope ? { dir, ts, id, scope } : { dir, ts, id };
}

/** Keys of the table state that are filters (changing one resets paging). */
export const FILTER_PARAMS = ["q", "status", "network", "method", "chain", "token", "refund", "from", "to", "min", "max"] as const;
