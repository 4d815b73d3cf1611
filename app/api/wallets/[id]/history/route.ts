import { gatedRoute } from "@/lib/auth/guard";
import { balanceHistoryQuerySchema } from "@/lib/wallets/schemas";
import { getBalanceHistory } from "@/lib/wallets/balance-history";

/** A page of the wallet's balance history (one row per ledger transaction, newest first). */
export const GET = gatedRoute<typeof balanceHistoryQuerySchema, { id: string }>(
  "wallets.read",
  balanceHistoryQuerySchema,
  async ({ db, scope, input, params }) => getBalanceHistory(db, scope, params.id, input),
);
