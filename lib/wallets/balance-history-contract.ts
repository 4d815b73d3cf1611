/**
 * A wallet's balance history list (wallet detail page): the params schema the list and export
 * routes parse, the nuqs parser map the page and the table read the URL with, the API query
 * string, the query keys and the row type. Pure: shared by the routes, the server page and the client.
 */
import { z } from "zod";
import { parseAsInteger, parseAsString } from "nuqs/server";
import { listQueryKey, type ScopeKey } from "@/lib/client/fetch-json";
import { NotFoundError } from "@/lib/auth/errors";
import { walletIdSchema } from "./schemas";
import {
  checkDateRange,
  dayParam,
  listUrlState,
  type UrlStateOf,
  pageParam,
  pageSizeParam,
  searchParam,
  single,
  sortParam,
  tzParam,
} from "@/lib/client/list-params";

export type { BalanceHistoryPage, LedgerEntryRow as BalanceHistoryRow } from "./types";

export const HISTORY_PAGE_SIZES = [10, 20, 50, 100] as const;
export const HISTORY_PAGE_SIZE = 20;
export const HISTORY_SORT_COLUMNS = ["createdAt"] as const;
export const HISTORY_DEFAULT_SORT = "createdAt.desc";

/**
 * What GET /api/wallets/{id}/history and …/history/export accept (the export ignores sort and
 * paging). Parsed into what the service takes (`pageSize` for `size`).
 */
export const balanceHistorySchema = z
  .object({
    /** Reference or description contains this, or the ledger transaction id. */
    q: searchParam(100),
    /** A ledger transaction kind ("transfer", "collection"…). */
    kind: single(
      z
        .string()
        .regex(/^[a-z_]{1,32}$/, "Unknown kind")
        .optional(),
    ),
    from: dayParam,
    to: dayParam,
    tz: tzParam,
    sort: sortParam(HISTORY_SORT_COLUMNS, HISTORY_DEFAULT_SORT),
    page: pageParam,
    size: pageSizeParam(HISTORY_PAGE_SIZES, HISTORY_PAGE_SIZE),
  })
  .superRefine(checkDateRange)
  .transform(({ size, ...rest }) => ({ ...rest, pageSize: size }));

export type BalanceHistoryQuery = z.output<typeof balanceHistorySchema>;

export const WALLET_NOT_FOUND = "Wallet not found";

/** The route's `[id]` parsed with the wallet id schema: anything else is "Wallet not found" (404), like another integrator's wallet. */
export function walletRouteId(params: { id: string }): string {
  const parsed = walletIdSchema.safeParse(params.id);
  if (!parsed.success) throw new NotFoundError(WALLET_NOT_FOUND);
  return parsed.data;
}

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
export const loadBalanceHistorySearchParams = historyUrl.load;

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

export const balanceHistoryQueryKeys = {
  all: (scopeKey: ScopeKey, walletId: string) => listQueryKey(scopeKey, "wallets", walletId, "history"),
  list: (scopeKey: ScopeKey, walletId: string, state: Partial<BalanceHistorySearchState>, tz: string) =>
    listQueryKey(scopeKey, "wallets", walletId, "history", balanceHistoryListQuery(state, tz)),
};
