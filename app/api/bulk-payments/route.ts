import { gatedRoute } from "@/lib/auth/guard";
import { bulkUploadsListSchema } from "@/lib/bulk-payments/uploads-contract-schema";
import { listBulkUploads } from "@/lib/bulk-payments/list-bulk-uploads";

/** The Bulk Payments table: one page of confirmed uploads (search, status filter, sort, paging), totals per currency. */
export const GET = gatedRoute("bulk_payments.read", bulkUploadsListSchema, async ({ db, scope, input }) =>
  listBulkUploads(db, scope, input),
);
