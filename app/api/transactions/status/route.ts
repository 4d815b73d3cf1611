import { gatedRoute } from "@/lib/auth/guard";
import { getTransactionStatuses, transactionStatusesQuerySchema } from "@/lib/transactions/get-transaction-statuses";

/** GET /api/transactions/status?ids=a,b: the status of up to 20 transactions (the tab's transaction watcher). */
export const GET = gatedRoute(["collections.read", "payouts.read"], transactionStatusesQuerySchema, async ({ db, scope, input }) =>
  getTransactionStatuses(db, scope, input.ids),
);
