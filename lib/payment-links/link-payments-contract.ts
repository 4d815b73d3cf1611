/**
 * A payment link's payments (the link detail page): the nuqs parser map the server page and the
 * list's controls read the URL with, the API query strings, the page's links (the list, the link,
 * a receipt), the row and analytics types and the types of the params the list and export routes
 * parse. Pure and free of zod: shared by the routes, the server page and the client. The params
 * schemas (zod) and the routes' id check are link-payments-contract-schema.ts, so zod stays on the
 * server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { AWAITING_APPROVAL, OPEN_STATUSES, SUCCESS_STATUS } from "@/lib/engine/statuses";
import { marketKey, type Market } from "@/lib/markets";
import type { linkPaymentsSchema } from "./link-payments-contract-schema";

export const LINK_PAYMENT_PAGE_SIZES = [10, 20, 50, 100] as const;
export const LINK_PAYMENT_PAGE_SIZE = 20;
export const LINK_PAYMENT_SORT_COLUMNS = ["createdAt", "amount"] as const;
export type LinkPaymentSortColumn = (typeof LINK_PAYMENT_SORT_COLUMNS)[number];
export const LINK_PAYMENT_DEFAULT_SORT = "createdAt.desc";
/** At most this many payments in one CSV download. */
export const LINK_PAYMENT_EXPORT_MAX_ROWS = 200_000;

/**
 * How a payment reads to the merchant (the receipt's rule, lib/payment-links/receipt.ts):
 * SUCCESSFUL is successful; a status the engine can still leave is pending; anything else failed.
 */
export const LINK_PAYMENT_OUTCOMES = ["successful", "pending", "failed"] as const;
export type LinkPaymentOutcome = (typeof LINK_PAYMENT_OUTCOMES)[number];
export const LINK_PAYMENT_OUTCOME_LABEL: Record<LinkPaymentOutcome, string> = {
  successful: "Successful",
  pending: "Pending",
  failed: "Failed",
};
/** The engine statuses of "successful" and "pending"; "failed" is every other status. */
export const OUTCOME_STATUSES: Record<Exclude<LinkPaymentOutcome, "failed">, readonly string[]> = {
  successful: [SUCCESS_STATUS],
  pending: [...OPEN_STATUSES, AWAITING_APPROVAL],
};

export function outcomeOf(status: string): LinkPaymentOutcome {
  if (status === SUCCESS_STATUS) return "successful";
  return OUTCOME_STATUSES.pending.includes(status) ? "pending" : "failed";
}

/** A payment link's or payment's id as the routes accept it (the tables' id alphabet). */
export const LINK_ROUTE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type LinkPaymentsQuery = z.output<typeof linkPaymentsSchema>;
export type LinkPaymentFilters = Pick<LinkPaymentsQuery, "q" | "status">;

/** Filter keys (a change starts again at page 1; Reset clears them). */
export const LINK_PAYMENT_FILTER_KEYS = ["q", "status"] as const;

/** The link page's URL state. */
const linkPaymentsState = listUrlState(
  {
    q: parseAsString.withDefault(""),
    status: parseAsArrayOf(parseAsString).withDefault([]),
  },
  {
    sort: parseAsString.withDefault(LINK_PAYMENT_DEFAULT_SORT),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(LINK_PAYMENT_PAGE_SIZE),
  },
);
export const linkPaymentsSearchParams = linkPaymentsState.searchParams;
export type LinkPaymentsSearchState = UrlStateOf<typeof linkPaymentsSearchParams>;

/** The list route's query string: filters, sort and paging (defaults left out). */
export function linkPaymentsListQuery(state: Partial<LinkPaymentsSearchState>): string {
  return linkPaymentsState.listQuery(state);
}

const linkApi = (linkId: string) => `/api/payment-links/${encodeURIComponent(linkId)}`;

/** The CSV download of the filtered payments (sort and paging left out). */
export function linkPaymentsExportUrl(linkId: string, state: Partial<LinkPaymentsSearchState>): string {
  const qs = linkPaymentsState.filterQuery(state);
  return `${linkApi(linkId)}/payments/export${qs ? `?${qs}` : ""}`;
}

/** The analytics window the page shows (UTC days, today included). */
export const LINK_ANALYTICS_DAYS = 30;
export const LINK_ANALYTICS_MAX_DAYS = 366;

/** Why the receipt route (409) and page refuse a payment that has not succeeded. */
export const RECEIPT_NOT_SUCCESSFUL = "Only a successful payment has a receipt";

/** GET /api/payment-links/{id}/payments/{paymentId}/receipt: the receipt as a PDF download. */
export function receiptPdfUrl(linkId: string, paymentId: string): string {
  return `${linkApi(linkId)}/payments/${encodeURIComponent(paymentId)}/receipt`;
}

const contextQuery = (context: { environment: string; market: Market }) =>
  new URLSearchParams({ [MARKET_PARAM]: marketKey(context.market), [ENV_PARAM]: context.environment }).toString();

/** `/payment-links?m=KE-KES&env=sandbox`: the list, in this context. */
export function paymentLinksHref(context: { environment: string; market: Market }): string {
  return `/payment-links?${contextQuery(context)}`;
}

/** `/payment-links/{id}?m=…&env=…`: the link's page, in this context. */
export function paymentLinkHref(linkId: string, context: { environment: string; market: Market }): string {
  return `/payment-links/${encodeURIComponent(linkId)}?${contextQuery(context)}`;
}

/** `/payment-links/{id}/receipts/{paymentId}?m=…&env=…`: the printable receipt, in this context. */
export function receiptHref(linkId: string, paymentId: string, context: { environment: string; market: Market }): string {
  return `/payment-links/${encodeURIComponent(linkId)}/receipts/${encodeURIComponent(paymentId)}?${contextQuery(context)}`;
}

/** One payment of the link (JSON: money as strings of minor units). */
export interface LinkPaymentRow {
  id: string;
  referenceId: string;
  /** The engine status, as stored (PENDING, SUCCESSFUL, FAILED…). */
  status: string;
  outcome: LinkPaymentOutcome;
  /** What the payer typed on the checkout, else the customer's name on record; null when neither. */
  customerName: string | null;
  /** E.164. */
  phoneNumber: string | null;
  network: string | null;
  /** Minor units of `currency`. */
  amount: string;
  fee: string;
  currency: string;
  /** ISO-8601 UTC (microseconds). */
  createdAt: string;
  completedAt: string | null;
}

export interface LinkPaymentsResponse {
  rows: LinkPaymentRow[];
  /** Payments matching the filters (all pages). */
  total: number;
  page: number;
  size: number;
}

/** One UTC day of the link's analytics. */
export interface LinkAnalyticsDay {
  /** "YYYY-MM-DD" (UTC). */
  day: string;
  views: number;
  attempts: number;
  successful: number;
  /** Minor units of the analytics' currency (successful payments only). */
  collected: string;
}

export interface LinkAnalytics {
  /** Since the link was created. */
  totals: {
    views: number;
    attempts: number;
    successful: number;
    /** successful / views, 0..1 (0 when there are no views). */
    conversionRate: number;
    /** Minor units of `currency` (successful payments only). */
    totalCollected: string;
    currency: string;
  };
  /** The last `days` UTC days, oldest first, every day present (zero when nothing happened). */
  days: number;
  daily: LinkAnalyticsDay[];
}
