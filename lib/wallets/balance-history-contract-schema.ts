/**
 * A wallet's balance history params schema (zod): what GET /api/wallets/{id}/history and its export
 * parse (the one validation), and the server page through readForPage; with the routes' `[id]`
 * check (the wallet id schema). Kept apart from balance-history-contract.ts, which client
 * components import, so zod stays on the server.
 */
import { z } from "zod";
import { NotFoundError } from "@/lib/auth/errors";
import {
  checkDateRange,
  dayParam,
  pageParam,
  pageSizeParam,
  searchParam,
  single,
  sortParam,
  tzParam,
} from "@/lib/client/list-params-schema";
import { walletIdSchema } from "./schemas";
import { HISTORY_DEFAULT_SORT, HISTORY_PAGE_SIZE, HISTORY_PAGE_SIZES, HISTORY_SORT_COLUMNS, WALLET_NOT_FOUND, balanceHistorySearchParams } from "./balance-history-contract";
import { createLoader } from "nuqs/server";

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

/** The route's `[id]` parsed with the wallet id schema: anything else is "Wallet not found" (404), like another integrator's wallet. */
export function walletRouteId(params: { id: string }): string {
  const parsed = walletIdSchema.safeParse(params.id);
  if (!parsed.success) throw new NotFoundError(WALLET_NOT_FOUND);
  return parsed.data;
}

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadBalanceHistorySearchParams = createLoader(balanceHistorySearchParams);
