import { gatedRoute } from "@/lib/auth/guard";
import { listQuerySchema } from "@/lib/transactions/list-query";
import { exportTransactions } from "@/lib/transactions/export-transactions";
import { listPermission, listSlug } from "@/lib/transactions/slug";

/**
 * GET /api/transactions/{kind}/export?<same filters as the list>[&ids=a,b]: the filtered view
 * (or the selected rows) as a streamed CSV download.
 */
export const GET = gatedRoute(listPermission, listQuerySchema, async ({ db, scope, input, params }) => {
  const slug = listSlug(params.kind);
  const { stream, filename } = exportTransactions(db, scope, slug, input);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
