import { gatedRoute } from "@/lib/auth/guard";
import { listQuerySchema } from "@/lib/transactions/list-query";
import { listTransactions } from "@/lib/transactions/list-transactions";
import { requireListSlug } from "@/lib/transactions/slug";

/** GET /api/transactions/{collections|payouts|onramp|offramp|recent}?q=&status=&from=&to=&sort=&size=&page=&cursor= */
export const GET = gatedRoute(null, listQuerySchema, async ({ db, scope, input, params }) =>
  listTransactions(db, scope, requireListSlug((params as { kind: string }).kind, scope), input),
);
