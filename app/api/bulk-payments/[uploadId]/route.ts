import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getBulkUpload } from "@/lib/bulk-payments/get-bulk-upload";
import { bulkRouteIds } from "@/lib/bulk-payments/uploads-contract";

/** One confirmed bulk payment with its batches (counts per item status, progress); any other id is 404. */
export const GET = gatedRoute<z.ZodObject, { uploadId: string }>("bulk_payments.read", z.object({}), async ({ db, scope, params }) =>
  getBulkUpload(db, scope, bulkRouteIds(params).uploadId),
);
