import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getTransaction } from "@/lib/transactions/get-transaction";
import { requireListSlug } from "@/lib/transactions/slug";

/** GET /api/transactions/{kind}/{id}: every field, the status timeline and callback deliveries. */
export const GET = gatedRoute(null, z.object({}), async ({ db, scope, params }) => {
  const { kind, id } = params as { kind: string; id: string };
  return getTransaction(db, scope, requireListSlug(kind, scope), id);
});
