import { gatedRoute } from "@/lib/auth/guard";
import { listQuerySchema } from "@/lib/transactions/list-query";
import { listTransactions } from "@/lib/transactions/list-transactions";
import { listPermission, listSlug } from "@/lib/transactions/slug";

/** GET /api/transactions/{collections|payouts|onramp|offramp|recent}?q=&status=&from=&to=&sort=&size=&page=&cursor= */
export const GET = gatedRoute(listPermission, listQuerySchema, async ({ db, scope, input, params }) =>
  listTransactions(db, scope, listSlug(params.kind), input),
);
