/**
 * The webhook log (Settings → Webhooks): the nuqs parser map the server page and the log's controls
 * read the URL with, the API query string, the detail's query key, the row types and the type of
 * the params the list route parses. One row per attempt (webhook_deliveries). Pure and free of zod:
 * shared by the routes, the server page and the client. The params schema (zod) is deliveries-contract-schema.ts,
 * so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { deliveriesListSchema } from "./deliveries-contract-schema";
import { NotFoundError } from "@/lib/auth/errors";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { marketKey } from "@/lib/markets";
import type { DeliveryStatus } from "./events";

export const DELIVERY_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DELIVERY_PAGE_SIZE = 20;
export const DELIVERY_SORT_COLUMNS = ["createdAt"] as const;
export const DELIVERY_DEFAULT_SORT = "createdAt.desc";

export const DELIVERY_STATUSES = ["COMPLETED", "FAILED", "PERMANENTLY_FAILED"] as const satisfies readonly DeliveryStatus[];
/** A delivery id as the routes accept it (the tables' id alphabet). */
export const DELIVERY_ROUTE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const DELIVERY_NOT_FOUND = "Delivery not found";

/** The route's `[id]` checked: anything else is "Delivery not found" (404), like another integrator's id. */
export function deliveryRouteId(params: { id: string }): string {
  if (!DELIVERY_ROUTE_ID.test(params.id)) throw new NotFoundError(DELIVERY_NOT_FOUND);
  return params.id;
}

export type DeliveriesListQuery = z.output<typeof deliveriesListSchema>;

/** Filter keys (a change starts again at page 1; Reset clears them). */
export const DELIVERY_FILTER_KEYS = ["q", "status", "event", "from", "to"] as const;

const deliveriesUrl = listUrlState(
  {
    q: parseAsString.withDefault(""),
    status: parseAsArrayOf(parseAsString).withDefault([]),
    event: parseAsArrayOf(parseAsString).withDefault([]),
    from: parseAsString,
    to: parseAsString,
  },
  {
    sort: parseAsString.withDefault(DELIVERY_DEFAULT_SORT),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(DELIVERY_PAGE_SIZE),
  },
  /** The open delivery (the detail sheet). */
  { delivery: parseAsString },
);
export const deliveriesSearchParams = deliveriesUrl.searchParams;
export type DeliveriesSearchState = UrlStateOf<typeof deliveriesSearchParams>;

/** The list route's query string: filters, sort, paging and the zone of the date range. */
export function deliveriesListQuery(state: Partial<DeliveriesSearchState>, tz: string): string {
  return deliveriesUrl.listQuery(state, { tz });
}

/** GET /api/webhooks/deliveries/{id}: one attempt in full, with the other attempts of its delivery. */
export function deliveryUrl(id: string): string {
  return `/api/webhooks/deliveries/${encodeURIComponent(id)}`;
}

export const deliveriesQueryKeys = {
  /** An open delivery (its sheet fetches it; a resend or a test event refresh the "webhooks" area). */
  detail: (scopeKey: ScopeKey, id: string) => listQueryKey(scopeKey, "webhooks", "deliveries", "detail", id),
};

/** `/settings?tab=webhooks&q=<text>&m=…&env=…`: the log searched for a transaction's reference. */
export function webhookLogHref(q: string, context?: { environment: string; market: { country: string; currency: string } }): string {
  const params = new URLSearchParams({ tab: "webhooks", q });
  if (context) {
    params.set(MARKET_PARAM, marketKey(context.market));
    params.set(ENV_PARAM, context.environment);
  }
  return `/settings?${params}`;
}

/** The transaction a delivery is about (its list is market-scoped: the link carries its market). */
export interface DeliveryTransaction {
  id: string;
  referenceId: string;
  kind: "collection" | "payout" | "onramp" | "offramp";
  country: string;
  currency: string;
}

const TX_LIST_PATH: Record<DeliveryTransaction["kind"], string> = {
  collection: "/collections",
  payout: "/payouts",
  onramp: "/onramp",
  offramp: "/offramp",
};

/** `/collections?tx=<id>&m=<its market>&env=…`: the transaction open in its own list. */
export function deliveryTransactionHref(tx: DeliveryTransaction, environment: string): string {
  const params = new URLSearchParams({
    tx: tx.id,
    [MARKET_PARAM]: marketKey({ country: tx.country, currency: tx.currency }),
    [ENV_PARAM]: environment,
  });
  return `${TX_LIST_PATH[tx.kind]}?${params}`;
}

/** One attempt as the log lists it. */
export interface WebhookDeliveryRow {
  id: string;
  /** Groups the attempts of one delivery (an event's first send, or one Resend). */
  deliveryKey: string;
  event: string;
  /** signed | direct */
  mode: string;
  url: string;
  status: DeliveryStatus;
  /** The receiver's HTTP status; null when there was no answer (timeout, refused address…). */
  responseStatus: number | null;
  durationMs: number | null;
  attempt: number;
  /** FAILED only: when the next attempt runs (ISO-8601 UTC). */
  nextAttemptAt: string | null;
  /** Whether no later attempt of the same delivery exists (a FAILED one is then still retrying). */
  isLatest: boolean;
  /** A Resend: the attempt it repeats. */
  resendOf: string | null;
  error: string | null;
  /** ISO-8601 UTC (microseconds). */
  createdAt: string;
  transaction: DeliveryTransaction | null;
}

export interface WebhookDeliveriesResponse {
  rows: WebhookDeliveryRow[];
  /** Attempts matching the filters (all pages). */
  total: number;
  page: number;
  size: number;
}

/** One attempt of the timeline. */
export interface DeliveryAttempt {
  id: string;
  attempt: number;
  status: DeliveryStatus;
  responseStatus: number | null;
  durationMs: number | null;
  error: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

/** One attempt in full (the detail sheet). */
export interface WebhookDeliveryDetail extends WebhookDeliveryRow {
  requestHeaders: Record<string, string> | null;
  requestBody: unknown;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  /** Every attempt of this delivery (same delivery key), first to last. */
  attempts: DeliveryAttempt[];
}

/** A FAILED attempt with a next attempt still to come: the log refetches while one is on screen. */
export function isRetrying(row: Pick<WebhookDeliveryRow, "status" | "nextAttemptAt" | "isLatest">): boolean {
  return row.status === "FAILED" && row.isLatest && row.nextAttemptAt !== null;
}
