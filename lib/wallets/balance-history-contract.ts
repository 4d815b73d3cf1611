/**
 * A wallet's balance history list (wallet detail page): the nuqs parser map the page and the table
 * read the URL with, the API query string, the row type and the type of the params the list and
 * export routes parse. Pure and free of zod: shared by the routes, the server page and
 * the client. The params schema (zod) and the routes' id check (the wallet id schema) are
 * balance-history-contract-schema.ts, so zod stays on the server.
 */
import type { z } from "zod";
import { parseAsInteger, parseAsString } from "nuqs/server";
import { listUrlState, type UrlStateOf } from "@/lib/client/list-params";
import type { balanceHistorySchema } from "./balance-history-contract-schema";

export type { BalanceHistoryPage, LedgerEntryRow as BalanceHistoryRow } from "./types";

export const HISTORY_PAGE_SIZES = [10, 20, 50, 100] as const;
export const HISTORY_PAGE_SIZE = 20;
export const HISTORY_SORT_COLUMNS = ["createdAt"] as const;
export const HISTORY_DEFAULT_SORT = "createdAt.desc";

export type BalanceHistoryQuery = z.output<typeof balanceHistorySchema>;

export const WALLET_NOT_FOUND = "Wallet not found";

export const HISTORY_FILTER_KEYS = ["q", "kind", "from", "to"] as const;

const filterParsers = {
  q: parseAsString.withDefault(""),
  kind: parseAsString,
  from: parseAsString,
  to: parseAsString,
};
/** The wallet page's URL state. */
const historyUrl = listUrlState(filterParsers, {
  sort: parseAsString.withDefault(HISTORY_DEFAULT_SORT),
  page: parseAsInteger.withDefault(1),
  size: parseAsInteger.withDefault(HISTORY_PAGE_SIZE),
});
export const balanceHistorySearchParams = historyUrl.searchParams;
export type BalanceHistorySearchState = UrlStateOf<typeof balanceHistorySearchParams>;

export function balanceHistoryListQuery(state: Partial<BalanceHistorySearchState>, tz: string): string {
  return historyUrl.listQuery(state, { tz });
}

export function balanceHistoryExportUrl(
  walletId: string,
  state: Partial<BalanceHistorySearchState>,
  tz: string,
): string {
  return `/api/wallets/${encodeURIComponent(walletId)}/history/export?${historyUrl.filterQuery(state, { tz })}`;
}
