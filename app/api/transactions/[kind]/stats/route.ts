import { gatedRoute } from "@/lib/auth/guard";
import { listPermission, listQuerySchema, listSlug } from "@/lib/transactions/list-contract";
import { transactionStats } from "@/lib/transactions/transaction-stats";

/** GET /api/transactions/{kind}/stats?<same filters as the list>: counters and stat cards. */
export const GET = gatedRoute(listPermission, listQuerySchema, async ({ db, scope, input, params }) =>
  transactionStats(db, scope, listSlug(params.kind), input),
);
