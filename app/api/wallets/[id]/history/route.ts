import { gatedRoute } from "@/lib/auth/guard";
import { balanceHistorySchema, walletRouteId } from "@/lib/wallets/balance-history-contract-schema";
import { getBalanceHistory } from "@/lib/wallets/balance-history";

/** A page of the wallet's balance history (one row per ledger transaction, newest first). */
export const GET = gatedRoute<typeof balanceHistorySchema, { id: string }>(
  "wallets.read",
  balanceHistorySchema,
  async ({ db, scope, input, params }) => getBalanceHistory(db, scope, walletRouteId(params), input),
);
