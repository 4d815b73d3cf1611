/**
 * The Bulk Payments list's contract: the nuqs parser map the server page and the table's controls
 * read the URL with, the API query string, the URLs and links, the JSON shapes and the type of the
 * params GET /api/bulk-payments parses. Pure and free of zod: shared by the routes, the server
 * pages and the client. The params schema (zod) is uploads-contract-schema.ts, so zod stays on the
 * server.
 *
 * Bulk payments span currencies: the list is not market-filtered (every currency of the
 * environment), and totals are per currency, never added across currencies.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { bulkUploadsListSchema } from "./uploads-contract-schema";
import { NotFoundError } from "@/lib/auth/errors";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { marketKey, type Market } from "@/lib/markets";
import type { BulkUploadDto } from "./dto";

export const BULK_UPLOAD_PAGE_SIZES = [10, 20, 50, 100] as const;
export const BULK_UPLOAD_PAGE_SIZE = 20;
export const BULK_UPLOAD_SORT_COLUMNS = ["createdAt", "name", "totalRecipients"] as const;
export type BulkUploadSortColumn = (typeof BULK_UPLOAD_SORT_COLUMNS)[number];
export const BULK_UPLOAD_DEFAULT_SORT = "createdAt.desc";

/** What a bulk payment's or batch's unknown, malformed or foreign id reads as (404). */
export const BULK_UPLOAD_NOT_FOUND = "Bulk payment not found.";
export const BULK_BATCH_NOT_FOUND = "Batch not found.";

export type BulkUploadsListQuery = z.output<typeof bulkUploadsListSchema>;
export type BulkUploadFilters = Pick<BulkUploadsListQuery, "q" | "status">;

/** Filter keys (a change starts again at page 1; Reset clears them). */
export const BULK_UPLOAD_FILTER_KEYS = ["q", "status"] as const;

const bulkUploadsUrlState = listUrlState(
  {
    q: parseAsString.withDefault(""),
    status: parseAsArrayOf(parseAsString).withDefault([]),
  },
  {
    sort: parseAsString.withDefault(BULK_UPLOAD_DEFAULT_SORT),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(BULK_UPLOAD_PAGE_SIZE),
  },
);
export const bulkUploadsSearchParams = bulkUploadsUrlState.searchParams;
export type BulkUploadsSearchState = UrlStateOf<typeof bulkUploadsSearchParams>;

/** The list route's query string: filters, sort and paging (defaults left out). */
export function bulkUploadsListQuery(state: Partial<BulkUploadsSearchState>): string {
  return bulkUploadsUrlState.listQuery(state);
}

/** A bulk payment's or batch's id as the routes accept it (the tables' id alphabet). */
export const BULK_ROUTE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The route's `[uploadId]` / `[batchId]` checked: anything else is "not found" (404), like another integrator's id. */
export function bulkRouteIds<P extends { uploadId?: string; batchId?: string }>(params: P): P {
  if (params.uploadId !== undefined && !BULK_ROUTE_ID.test(params.uploadId)) throw new NotFoundError(BULK_UPLOAD_NOT_FOUND);
  if (params.batchId !== undefined && !BULK_ROUTE_ID.test(params.batchId)) throw new NotFoundError(BULK_BATCH_NOT_FOUND);
  return params;
}

// --- API URLs ---------------------------------------------------------------------------------

export const BULK_API = "/api/bulk-payments";

/** POST /api/bulk-payments/validate?fileName=…, the file as the body: BulkValidation. */
export function bulkValidateUrl(fileName: string): string {
  return `${BULK_API}/validate?${new URLSearchParams({ fileName }).toString()}`;
}

/** GET /api/bulk-payments/batches/{batchId}/export: the batch's results as CSV, in the template's columns. */
export function batchExportUrl(batchId: string): string {
  return `${BULK_API}/batches/${encodeURIComponent(batchId)}/export`;
}

// --- Dashboard links (they carry the context, lib/context-url.ts) -----------------------------

type Context = { environment: string; market: Market };

export function contextQuery(context: Context): string {
  return new URLSearchParams({ [MARKET_PARAM]: marketKey(context.market), [ENV_PARAM]: context.environment }).toString();
}

/** `/bulk-payments?m=…&env=…` */
export function bulkPaymentsHref(context: Context): string {
  return `/bulk-payments?${contextQuery(context)}`;
}

/** `/bulk-payments/new?m=…&env=…` */
export function newBulkPaymentHref(context: Context): string {
  return `/bulk-payments/new?${contextQuery(context)}`;
}

/** `/bulk-payments/{uploadId}?m=…&env=…` */
export function bulkUploadHref(uploadId: string, context: Context): string {
  return `/bulk-payments/${encodeURIComponent(uploadId)}?${contextQuery(context)}`;
}

/** `/wallets?m=…&env=…`: where a short wallet is topped up. */
export function walletsHref(context: Context): string {
  return `/wallets?${contextQuery(context)}`;
}

// --- JSON shapes ------------------------------------------------------------------------------

/** One line of the uploads table (no batches). */
export type BulkUploadRow = Omit<BulkUploadDto, "batches">;

export interface BulkUploadsListResponse {
  rows: BulkUploadRow[];
  /** Uploads matching the filters (all pages). */
  total: number;
  page: number;
  size: number;
}

/** One currency's figures in the stats (minor units of that currency). */
export interface BulkCurrencyStats {
  totalAmount: string;
  totalBatches: number;
  totalPayments: number;
}

/** GET /api/bulk-payments/stats (BulkPaymentStatsDto, §3.11). */
export interface BulkPaymentStatsDto {
  /** Batches of confirmed uploads (a "Retry failed items" batch is a re-attempt, not counted). */
  totalBatches: number;
  /** Payments that succeeded (an item, or its retry). */
  totalSuccessfulPayments: number;
  /** Payments that failed and were not retried. */
  totalFailedPayments: number;
  /** Payments per batch (one decimal). */
  averageBatchSize: number;
  /** successful / (successful + failed), 0..1; 0 when none has ended. */
  successRate: number;
  /** Per currency: never added across currencies. */
  currencyBreakdown: Record<string, BulkCurrencyStats>;
}
