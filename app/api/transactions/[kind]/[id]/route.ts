import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getTransaction } from "@/lib/transactions/get-transaction";
import { listPermission, listSlug, transactionRouteId } from "@/lib/transactions/list-route";

/** GET /api/transactions/{kind}/{id}: every field, the status timeline and callback deliveries. */
export const GET = gatedRoute<z.ZodObject, { kind: string; id: string }>(
  listPermission,
  z.object({}),
  async ({ db, scope, params }) => getTransaction(db, scope, listSlug(params.kind), transactionRouteId(params.id)),
);
