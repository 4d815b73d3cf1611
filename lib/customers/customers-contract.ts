/**
 * The Customers list's contract: the nuqs parser map the server page and the list's controls read
 * the URL with, the API query string, the row type and the type of the params the list and export
 * routes parse. Pure and free of zod: shared by the routes, the server page and the client.
 * The params schema (zod) is customers-contract-schema.ts, so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { customersListSchema } from "./customers-contract-schema";

export const CUSTOMER_PAGE_SIZES = [10, 20, 50, 100] as const;
export const CUSTOMER_PAGE_SIZE = 20;
/** What a customer's status reads (a suspension whose date has passed reads active). */
export const CUSTOMER_STATUSES = ["active", "inactive", "suspended"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];
export const CUSTOMER_SORT_COLUMNS = ["createdAt", "name", "phoneNumber", "customerKey", "network", "status"] as const;
export type CustomerSortColumn = (typeof CUSTOMER_SORT_COLUMNS)[number];
export const CUSTOMER_DEFAULT_SORT = "createdAt.desc";
/** At most this many customers in one CSV download. */
export const CUSTOMER_EXPORT_MAX_ROWS = 200_000;

export type CustomersListQuery = z.output<typeof customersListSchema>;
export type CustomerFilters = Pick<CustomersListQuery, "q" | "country" | "network" | "status">;

/** Filter keys (a change starts again at page 1; Reset clears them). */
export const CUSTOMER_FILTER_KEYS = ["q", "country", "network", "status"] as const;

/** The Customers page's URL state. */
const customersUrl = listUrlState(
  {
    q: parseAsString.withDefault(""),
    country: parseAsArrayOf(parseAsString).withDefault([]),
    network: parseAsArrayOf(parseAsString).withDefault([]),
    status: parseAsArrayOf(parseAsString).withDefault([]),
  },
  {
    sort: parseAsString.withDefault(CUSTOMER_DEFAULT_SORT),
    page: parseAsInteger.withDefault(1),
    size: parseAsInteger.withDefault(CUSTOMER_PAGE_SIZE),
  },
);
export const customersSearchParams = customersUrl.searchParams;
export type CustomersSearchState = UrlStateOf<typeof customersSearchParams>;

/** The list route's query string: filters, sort and paging (defaults left out). */
export function customersListQuery(state: Partial<CustomersSearchState>): string {
  return customersUrl.listQuery(state);
}

/** The CSV download of the filtered list (sort and paging left out). */
export function customersExportUrl(state: Partial<CustomersSearchState>): string {
  const qs = customersUrl.filterQuery(state);
  return `/api/customers/export${qs ? `?${qs}` : ""}`;
}

/** One line of the Customers table (JSON: money as strings of minor units). */
export interface CustomerRow {
  id: string;
  customerKey: string;
  /** First and last name, or null. */
  name: string | null;
  email: string | null;
  /** E.164 (the table shows it in the country's national format, lib/customers/format.ts). */
  phoneNumber: string | null;
  /** ISO-2. */
  country: string;
  network: string;
  /** As it reads now: a suspension whose date has passed is active. */
  status: CustomerStatus;
  /** While suspended: until when (null: until lifted). */
  suspendedUntil: string | null;
  /** All its transactions in this environment. */
  transactionCount: number;
  /** SUCCESSFUL collections, minor units of the response's `currency`. */
  totalCollected: string;
  /** SUCCESSFUL payouts, minor units of the response's `currency`. */
  totalPaid: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

export interface CustomersListResponse {
  rows: CustomerRow[];
  /** Customers matching the filters (all pages). */
  total: number;
  page: number;
  size: number;
  /** The market's currency: what the totals are in. */
  currency: string;
}
