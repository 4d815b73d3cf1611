import { gatedRoute } from "@/lib/auth/guard";
import { listQuerySchema } from "@/lib/transactions/list-query";
import { transactionStats } from "@/lib/transactions/transaction-stats";
import { listPermission, listSlug } from "@/lib/transactions/slug";

/** GET /api/transactions/{kind}/stats?<same filters as the list>: counters and stat cards. */
export const GET = gatedRoute(listPermission, listQuerySchema, async ({ db, scope, input, params }) =>
  transactionStats(db, scope, listSlug(params.kind), input),
);
