/**
 * The transaction lists' contract (collections, payouts, onramp, offramp and the home page's
 * recent transactions): one place for
 *   - the types of the params the routes parse (list, stats, export; the schema: list-contract-schema.ts);
 *   - the nuqs parser map the server page (its loader: list-contract-schema.ts) and the list's client controls (useListUrl) read the URL with;
 *   - the API query-string serializers built from that map;
 *   - the row and response types;
 *   - paging, sorting and keyset-cursor vocabulary (the `[kind]` route segment: list-route.ts).
 * Pure and free of zod: shared by routes, server pages and client components. The params schema
 * itself (zod) is list-contract-schema.ts, so zod stays on the server. The per-kind configuration
 * is kinds.ts; the SQL is query.ts.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import type { TransactionKind } from "@/lib/db/schema/enums";
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import { listUrlState, type CursorPage, type UrlStateOf } from "@/lib/client/list-params";
import type { ListSlug } from "./kinds";
import type { listQuerySchema } from "./list-contract-schema";

// ---------------------------------------------------------------- paging and sorting

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** Offset paging (sorts other than Created At, or a page number without a cursor) stops here. */
export const MAX_OFFSET_ROWS = 10_000;
/** Selected rows exported at once. */
export const MAX_SELECTED_IDS = 500;

/** Column ids the list can be sorted by (the table's column ids). */
export const SORT_COLUMNS = [
  "createdAt",
  "updatedAt",
  "completedAt",
  "amount",
  "transactionAmount",
  "fee",
  "referenceId",
  "referenceNumber",
  "status",
  "channel",
  "phoneNumber",
  "network",
  "cryptoAmount",
  "chain",
  "token",
  "kind",
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

// btoa/atob (Node has them too), not Buffer: a Buffer reference makes the bundler ship its 7 kB
// polyfill to every list page.
function toBase64Url(text: string): string {
  const b64 = btoa(text);
  return b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  try {
    return atob(b64);
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
  if (rest.length || (dir !== "a" && dir !== "b") || !CURSOR_TS.test(ts ?? "") || !CURSOR_ID.test(id ?? ""))
    return null;
  if (scope !== undefined && !CURSOR_SCOPE.test(scope)) return null;
  if (Number.isNaN(Date.parse(ts))) return null;
  return scope ? { dir, ts, id, scope } : { dir, ts, id };
}

/** The raw query (what URLSearchParams gives, repeated keys as arrays). */
export type ListQueryInput = Partial<Record<keyof z.output<typeof listQuerySchema>, string | string[] | undefined>>;
export type ListQuery = z.output<typeof listQuerySchema>;

// ---------------------------------------------------------------- the URL state (page + table)

/** Keys of the table state that are filters (changing one starts again at page 1). */
export const FILTER_PARAMS = [
  "q",
  "status",
  "network",
  "method",
  "chain",
  "token",
  "refund",
  "from",
  "to",
  "min",
  "max",
] as const;

/** The filters the API is asked for (list, stats and export). */
const filterParsers = {
  q: parseAsString.withDefault(""),
  status: parseAsArrayOf(parseAsString).withDefault([]),
  network: parseAsArrayOf(parseAsString).withDefault([]),
  method: parseAsArrayOf(parseAsString).withDefault([]),
  chain: parseAsArrayOf(parseAsString).withDefault([]),
  token: parseAsArrayOf(parseAsString).withDefault([]),
  refund: parseAsArrayOf(parseAsString).withDefault([]),
  from: parseAsString,
  to: parseAsString,
  min: parseAsString,
  max: parseAsString,
};

/**
 * The table's URL state: the filters, sort and paging the API is asked for, plus `hide` (hidden
 * columns) and `tx` (the open detail sheet, a transaction id, so a detail URL opens directly).
 */
const txUrl = listUrlState(
  filterParsers,
  {
    sort: parseAsString.withDefault(DEFAULT_SORT),
    size: parseAsInteger.withDefault(DEFAULT_PAGE_SIZE),
    page: parseAsInteger.withDefault(1),
    cursor: parseAsString,
  },
  { tx: parseAsString },
);
export const txSearchParams = txUrl.searchParams;
export type TxSearchState = UrlStateOf<typeof txSearchParams>;

/** The list's API query string: filters, sort, paging and the zone of the date range. */
export function txListQuery(state: Partial<TxSearchState>, tz: string): string {
  return txUrl.listQuery(state, { tz });
}

/** Only the filters and the zone (stats and export: no paging, no sort). */
export function txFilterQuery(state: Partial<TxSearchState>, tz: string): string {
  return txUrl.filterQuery(state, { tz });
}

/** The React Query key of the detail sheet's transaction (components/transactions/use-transactions.ts). */
export const txQueryKeys = {
  detail: (scopeKey: ScopeKey, slug: ListSlug, id: string | null) =>
    listQueryKey(scopeKey, "transactions", slug, "detail", id),
};

/** The CSV download URL of the filtered view, or of the selected rows. */
export function txExportUrl(
  slug: ListSlug,
  state: Partial<TxSearchState>,
  tz: string,
  ids?: readonly string[],
): string {
  const qs = ids?.length ? new URLSearchParams({ ids: ids.join(","), tz }).toString() : txFilterQuery(state, tz);
  return `/api/transactions/${slug}/export?${qs}`;
}

// ---------------------------------------------------------------- rows (JSON: bigints as strings)

export interface TxRow {
  id: string;
  kind: TransactionKind;
  channel: string;
  referenceId: string;
  referenceNumber: number;
  status: string;
  country: string;
  currency: string;
  network: string | null;
  phoneNumber: string | null;
  /** Minor units of `currency`. */
  amount: string;
  transactionAmount: string;
  fee: string;
  errorCode: string | null;
  errorMessage: string | null;
  chain: string | null;
  token: string | null;
  /** Base units of `token`. */
  cryptoAmount: string | null;
  cryptoAddress: string | null;
  txHash: string | null;
  depositStatus: string | null;
  onchainStatus: string | null;
  refundStatus: string | null;
  /** ISO-8601 UTC. */
  createdAt: string;
  completedAt: string | null;
  updatedAt: string;
}

export interface TxListResponse extends CursorPage<TxRow> {
  /** "keyset" (created-at order with a cursor) or "offset" (other sorts, capped). */
  mode: "keyset" | "offset";
}
