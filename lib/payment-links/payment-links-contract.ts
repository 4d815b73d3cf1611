/**
 * The Payment Links list's contract: the params schema GET /api/payment-links parses (the one
 * validation), the nuqs parser map the server page and the table read the URL with, the API query
 * string, the query keys and the row type. Pure: shared by the route, the server page and the client.
 */
import { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import {
  listParam,
  listUrlState,
  pageParam,
  pageSizeParam,
  searchParam,
  sortParam,
  type UrlStateOf,
} from "@/lib/client/list-params";
import type { PaymentLinkDto } from "./link-dto";
import { LINK_STATUSES } from "./link-status";
import { LINK_TYPES, PRICING } from "./schemas";

export const PAYMENT_LINK_PAGE_SIZES = [10, 20, 50, 100] as const;
export const PAYMENT_LINK_PAGE_SIZE = 20;
export const PAYMENT_LINK_SORT_COLUMNS = ["createdAt", "name", "status", "currentUses"] as const;
export type PaymentLinkSortColumn = (typeof PAYMENT_LINK_SORT_COLUMNS)[number];
export const PAYMENT_LINK_DEFAULT_SORT = "createdAt.desc";


/** What GET /api/payment-links accepts. */
export const paymentLinksListSchema = z.object({
  /** Part of the link's name, or its short code (as printed in /l/{code}). */
  q: searchParam(100),
  /** The status as it reads now (deactivated beats expired beats used up). */
  status: listParam(
    LINK_STATUSES.length,
    z.enum(LINK_STATUSES, { error: "Status must be active, expired, deactivated or used_up" }),
  ),
  linkType: listParam(LINK_TYPES.length, z.enum(LINK_TYPES, { error: "Type must be STANDARD, INVOICE or DONATION" })),
  pricing: listParam(
    PRICING.length,
    z.enum(PRICING, { error: "Pricing must be FIXED, VARIABLE, PACKAGE or CUSTOMER_CHOICE" }),
  ),
  sort: sortParam(PAYMENT_LINK_SORT_COLUMNS, PAYMENT_LINK_DEFAULT_SORT),
  page: pageParam,
  size: pageSizeParam(PAYMENT_LINK_PAGE_SIZES, PAYMENT_LINK_PAGE_SIZE),
});
export type PaymentLinksListQuery = z.output<typeof paymentLinksListSchema>;
export type PaymentLinkFilters = Pick<PaymentLinksListQuery, "q" | "status" | "linkType" | "pricing">;

/** Filter keys (a change starts again at page 1; Reset clears them). */
export const PAYMENT_LINK_FILTER_KEYS = ["q", "status", "linkType", "pricing"] as const;

/** The Payment Links page's URL state. */
const paymentLinksUrl = listUrlState(
  {
    q: parseAsString.withDefault(""),
    status: parseAsArrayOf(parseAsString).withDefault([]),
    linkType: parseAsArrayOf(parseAsString).withDefault([]),
    pricing: parseAsArrayOf(parseAsString).withDefault([]),
  },
  {
    sort: parseAsString.withDefault(PAYMENT_LINK_DEFAULT_SORT),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(PAYMENT_LINK_PAGE_SIZE),
  },
);
export const paymentLinksSearchParams = paymentLinksUrl.searchParams;
export type PaymentLinksSearchState = UrlStateOf<typeof paymentLinksSearchParams>;
export const loadPaymentLinksSearchParams = paymentLinksUrl.load;

/** The list route's query string: filters, sort and paging (defaults left out). */
export function paymentLinksListQuery(state: Partial<PaymentLinksSearchState>): string {
  return paymentLinksUrl.listQuery(state);
}

/**
 * React Query keys. `all` is every payment-link query of the market and environment (the list
 * and the detail pages): invalidate it after a create, an edit or a (de)activation.
 */
export const paymentLinksQueryKeys = {
  all: (scopeKey: ScopeKey) => listQueryKey(scopeKey, "payment-links"),
  list: (scopeKey: ScopeKey, state: Partial<PaymentLinksSearchState>) =>
    listQueryKey(scopeKey, "payment-links", "list", paymentLinksListQuery(state)),
};

/** One line of the Payment Links table: the link as the dashboard shows it (JSON: money as strings of minor units). */
export type PaymentLinkRow = PaymentLinkDto;

export interface PaymentLinksListResponse {
  rows: PaymentLinkRow[];
  /** Links matching the filters (all pages). */
  total: number;
  page: number;
  size: number;
  /** The market's currency: what every link of the list is priced and totalled in. */
  currency: string;
}
