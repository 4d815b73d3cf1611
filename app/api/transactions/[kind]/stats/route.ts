import { gatedRoute } from "@/lib/auth/guard";
import { listPermission, listSlug } from "@/lib/transactions/list-route";
import { listQuerySchema } from "@/lib/transactions/list-contract-schema";
import { transactionStats } from "@/lib/transactions/transaction-stats";

/** GET /api/transactions/{kind}/stats?<same filters as the list>: counters and stat cards. */
export const GET = gatedRoute(listPermission, listQuerySchema, async ({ db, scope, input, params }) =>
  transactionStats(db, scope, listSlug(params.kind), input),
);
