/**
 * The Payment Links list's contract: the nuqs parser map the server page and the list's controls
 * read the URL with, the API query string, the row type and the type of the params GET
 * /api/payment-links parses. Pure and free of zod: shared by the route, the server page and the
 * client. The params schema (zod) is payment-links-contract-schema.ts, so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { PaymentLinkDto } from "./link-dto";
import type { paymentLinksListSchema } from "./payment-links-contract-schema";

export const PAYMENT_LINK_PAGE_SIZES = [10, 20, 50, 100] as const;
export const PAYMENT_LINK_PAGE_SIZE = 20;
export const PAYMENT_LINK_SORT_COLUMNS = ["createdAt", "name", "status", "currentUses"] as const;
export type PaymentLinkSortColumn = (typeof PAYMENT_LINK_SORT_COLUMNS)[number];
export const PAYMENT_LINK_DEFAULT_SORT = "createdAt.desc";

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

/** The list route's query string: filters, sort and paging (defaults left out). */
export function paymentLinksListQuery(state: Partial<PaymentLinksSearchState>): string {
  return paymentLinksUrl.listQuery(state);
}

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
