import { gatedRoute } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv";
import { balanceHistorySchema, walletRouteId } from "@/lib/wallets/balance-history-contract-schema";
import { exportBalanceHistory } from "@/lib/wallets/balance-history";

/** The wallet's filtered balance history as a CSV download (sort and paging ignored). */
export const GET = gatedRoute<typeof balanceHistorySchema, { id: string }>(
  "wallets.read",
  balanceHistorySchema,
  async ({ db, scope, input, params }) => {
    const { filename, header, lines } = await exportBalanceHistory(db, scope, walletRouteId(params), input);
    return csvResponse(filename, header, lines);
  },
);
