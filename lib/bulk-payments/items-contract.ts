/**
 * A batch's items (the bulk payment page): the nuqs parser map the server page and the table's
 * controls read the URL with (plus `batch`, the batch whose items show), the API query string, the
 * row type and the type of the params GET /api/bulk-payments/batches/{batchId}/items parses. Pure
 * and free of zod: shared by the route, the server page and the client. The params schema (zod)
 * is items-contract-schema.ts, so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { BULK_ITEM_STATUSES } from "./constants";
import type { batchItemsSchema } from "./items-contract-schema";

export const BULK_ITEM_PAGE_SIZES = [10, 20, 50, 100] as const;
export const BULK_ITEM_PAGE_SIZE = 20;
export const BULK_ITEM_SORT_COLUMNS = ["rowNo", "amount", "status"] as const;
export type BulkItemSortColumn = (typeof BULK_ITEM_SORT_COLUMNS)[number];
export const BULK_ITEM_DEFAULT_SORT = "rowNo.asc";

export const BULK_ITEM_STATUS_LABEL: Record<(typeof BULK_ITEM_STATUSES)[number], string> = {
  PENDING: "Pending",
  PROCESSING: "Processing",
  SUCCESS: "Successful",
  FAILED: "Failed",
  RETRY: "Retrying",
  CANCELLED: "Cancelled",
};

export type BatchItemsQuery = z.output<typeof batchItemsSchema>;
export type BatchItemFilters = Pick<BatchItemsQuery, "q" | "status">;

/** Filter keys (a change starts again at page 1; Reset clears them). */
export const BULK_ITEM_FILTER_KEYS = ["q", "status"] as const;

/** The bulk payment page's URL state: the items table's, and `batch` (the tab whose items show). */
const batchItemsUrlState = listUrlState(
  {
    q: parseAsString.withDefault(""),
    status: parseAsArrayOf(parseAsString).withDefault([]),
  },
  {
    sort: parseAsString.withDefault(BULK_ITEM_DEFAULT_SORT),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(BULK_ITEM_PAGE_SIZE),
  },
  { batch: parseAsString },
);
export const batchItemsSearchParams = batchItemsUrlState.searchParams;
export type BatchItemsSearchState = UrlStateOf<typeof batchItemsSearchParams>;

/** The items route's query string: filters, sort and paging (defaults and `batch` left out). */
export function batchItemsListQuery(state: Partial<BatchItemsSearchState>): string {
  return batchItemsUrlState.listQuery(state);
}

/** The batch whose items show: `batch` in the URL when it is one of the upload's, else the first. */
export function selectedBatchId(batches: readonly { id: string }[], fromUrl: string | null | undefined): string | null {
  if (fromUrl && batches.some((b) => b.id === fromUrl)) return fromUrl;
  return batches[0]?.id ?? null;
}

/** One recipient of a batch (JSON: money as strings of minor units). */
export interface BulkItemRow {
  id: string;
  /** The row's number in the file (the header is row 1). */
  rowNo: number;
  recipientName: string;
  recipientEmail: string;
  /** E.164. */
  recipientPhone: string;
  network: string | null;
  amount: string;
  /** What the payout cost in fees, once sent; null before. */
  fee: string | null;
  currency: string;
  reference: string;
  /** PENDING | PROCESSING | SUCCESS | FAILED | RETRY | CANCELLED */
  status: string;
  errorMessage: string | null;
  retryCount: number;
  /** The current attempt's payout (an engine transaction), once sent. */
  payout: { id: string; referenceId: string; status: string } | null;
}

export interface BulkItemsResponse {
  rows: BulkItemRow[];
  /** Items matching the filters (all pages). */
  total: number;
  page: number;
  size: number;
}
