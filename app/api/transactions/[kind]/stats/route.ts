import { gatedRoute } from "@/lib/auth/guard";
import { listQuerySchema } from "@/lib/transactions/list-query";
import { transactionStats } from "@/lib/transactions/transaction-stats";
import { requireListSlug } from "@/lib/transactions/slug";

/** GET /api/transactions/{kind}/stats?<same filters as the list>: counters and stat cards. */
export const GET = gatedRoute(null, listQuerySchema, async ({ db, scope, input, params }) =>
  transactionStats(db, scope, requireListSlug((params as { kind: string }).kind, scope), input),
);
