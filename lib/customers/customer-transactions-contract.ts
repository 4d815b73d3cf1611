/**
 * A customer's transactions (customer detail page): their collections and payouts in one list,
 * newest first. The nuqs parser map the page and the list's controls read the URL with, the API
 * query string, the row type, where a row opens and the type of the params the route parses.
 * Pure and free of zod: shared by the route, the server page and the client. The params schema
 * (zod) and the route's id check are customer-transactions-contract-schema.ts, so zod stays on the
 * server.
 */
import type { z } from "zod";
import { parseAsArrayOf, parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type CursorPage, type UrlStateOf } from "@/lib/client/list-params";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { marketKey, type Market } from "@/lib/markets";
import { DEPOSIT_STATUSES, WITHDRAWAL_STATUSES } from "@/lib/transactions/kinds";
import type { customerTransactionsSchema } from "./customer-transactions-contract-schema";

export const CUSTOMER_TX_PAGE_SIZES = [10, 20, 50, 100] as const;
export const CUSTOMER_TX_PAGE_SIZE = 20;

/** The kinds a customer's list shows (onramp and offramp are not customer payments). */
export const CUSTOMER_TX_KINDS = ["collection", "payout"] as const;
export type CustomerTxKind = (typeof CUSTOMER_TX_KINDS)[number];

export const CUSTOMER_TX_KIND_LABEL: Record<CustomerTxKind, string> = {
  collection: "Collection",
  payout: "Payout",
};

/** Every status a collection or a payout may have: the status filter's options. */
export const CUSTOMER_TX_STATUSES: readonly string[] = [...new Set<string>([...DEPOSIT_STATUSES, ...WITHDRAWAL_STATUSES])].sort();

/** Where a customer's transaction opens: its list with the detail sheet open. */
export const CUSTOMER_TX_LIST_PATH: Record<CustomerTxKind, string> = {
  collection: "/collections",
  payout: "/payouts",
};

/** A customer id as the routes accept it (the transactions' id alphabet). */
export const CUSTOMER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export type CustomerTransactionsQuery = z.output<typeof customerTransactionsSchema>;

export const CUSTOMER_TX_FILTER_KEYS = ["status", "kind"] as const;

const filterParsers = {
  status: parseAsArrayOf(parseAsString).withDefault([]),
  kind: parseAsString,
};
/** The customer page's URL state (no sort: always newest first). */
const customerTxUrl = listUrlState(filterParsers, {
  page: parseAsInteger.withDefault(1),
  cursor: parseAsString,
  size: parseAsInteger.withDefault(CUSTOMER_TX_PAGE_SIZE),
});
export const customerTransactionsSearchParams = customerTxUrl.searchParams;
export type CustomerTransactionsSearchState = UrlStateOf<typeof customerTransactionsSearchParams>;

export function customerTransactionsListQuery(state: Partial<CustomerTransactionsSearchState>): string {
  return customerTxUrl.listQuery(state);
}

/** `/collections?tx=<id>&m=KE-KES&env=sandbox`: the transaction open in its list, in this context. */
export function customerTransactionHref(
  row: { id: string; kind: CustomerTxKind },
  context: { environment: string; market: Market },
): string {
  const params = new URLSearchParams({ tx: row.id, [MARKET_PARAM]: marketKey(context.market), [ENV_PARAM]: context.environment });
  return `${CUSTOMER_TX_LIST_PATH[row.kind]}?${params}`;
}

/** One row (JSON: bigints as strings). */
export interface CustomerTxRow {
  id: string;
  kind: CustomerTxKind;
  /** The dashboard "Type" (MOBILE_MONEY, BANK…). */
  channel: string;
  referenceId: string;
  status: string;
  currency: string;
  network: string | null;
  phoneNumber: string | null;
  /** Minor units of `currency`. */
  amount: string;
  fee: string;
  errorMessage: string | null;
  /** ISO-8601 UTC (microseconds). */
  createdAt: string;
}

export interface CustomerTxPage extends CursorPage<CustomerTxRow> {
  /** Rows matching the filters (in the market, of the kinds the member may read). */
  total: number;
  /** The kinds shown: those the member may read. */
  kinds: CustomerTxKind[];
}
