import { gatedRoute } from "@/lib/auth/guard";
import { batchItemsSchema } from "@/lib/bulk-payments/items-contract-schema";
import { listBatchItems } from "@/lib/bulk-payments/list-batch-items";
import { bulkRouteIds } from "@/lib/bulk-payments/uploads-contract";

/** A page of a batch's items (search, status filter, sort, paging), each with its payout. */
export const GET = gatedRoute<typeof batchItemsSchema, { batchId: string }>(
  "bulk_payments.read",
  batchItemsSchema,
  async ({ db, scope, input, params }) => listBatchItems(db, scope, bulkRouteIds(params).batchId, input),
);
