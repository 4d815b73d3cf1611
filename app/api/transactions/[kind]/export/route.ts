import { gatedRoute } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv";
import { listPermission, listSlug } from "@/lib/transactions/list-route";
import { listQuerySchema } from "@/lib/transactions/list-contract-schema";
import { exportTransactions } from "@/lib/transactions/export-transactions";

/**
 * GET /api/transactions/{kind}/export?<same filters as the list>[&ids=a,b]: the filtered view
 * (or the selected rows) as a streamed CSV download.
 */
export const GET = gatedRoute(listPermission, listQuerySchema, async ({ db, scope, input, params }) => {
  const { filename, header, lines } = exportTransactions(db, scope, listSlug(params.kind), input);
  return csvResponse(filename, header, lines);
});
