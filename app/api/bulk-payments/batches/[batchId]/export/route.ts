import { gatedRoute } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv";
import { batchItemsSchema } from "@/lib/bulk-payments/items-contract-schema";
import { exportBatchResults } from "@/lib/bulk-payments/export-batch-results";
import { bulkRouteIds } from "@/lib/bulk-payments/uploads-contract";

/**
 * GET /api/bulk-payments/batches/{batchId}/export[?status=FAILED&q=…]: the batch's items as a
 * streamed CSV in the upload template's columns plus status, error_message and payout_reference.
 */
export const GET = gatedRoute<typeof batchItemsSchema, { batchId: string }>(
  "bulk_payments.read",
  batchItemsSchema,
  async ({ db, scope, input, params }) => {
    const { filename, header, lines } = await exportBatchResults(db, scope, bulkRouteIds(params).batchId, input);
    return csvResponse(filename, header, lines);
  },
);
