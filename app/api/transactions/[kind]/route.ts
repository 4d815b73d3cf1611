import { gatedRoute } from "@/lib/auth/guard";
import { listPermission, listSlug } from "@/lib/transactions/list-route";
import { listQuerySchema } from "@/lib/transactions/list-contract-schema";
import { listTransactions } from "@/lib/transactions/list-transactions";

/** GET /api/transactions/{collections|payouts|onramp|offramp|recent}?q=&status=&from=&to=&sort=&size=&page=&cursor=&tz= */
export const GET = gatedRoute(listPermission, listQuerySchema, async ({ db, scope, input, params }) =>
  listTransactions(db, scope, listSlug(params.kind), input),
);
