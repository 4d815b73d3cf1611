import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { plainText } from "@/lib/engine/schemas";
import { BULK_MAX_BYTES } from "@/lib/bulk-payments/schemas";
import { validateBulkFile } from "@/lib/bulk-payments/validate-bulk-file";

const schema = z.object({
  fileName: plainText(200, "The file name").pipe(z.string().min(1, "Name the file")),
  body: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0, "The file is empty"),
});

/**
 * POST /api/bulk-payments/validate?fileName=… with the CSV file as the body (at most 10 MB, counted
 * as it streams: 413 past it): every error and warning with its row and column, the per-currency
 * totals and the wallets to pick; a valid file is kept as a draft to confirm.
 */
export const POST = gatedRoute(
  "bulk_payments.manage",
  schema,
  async ({ db, scope, input, meta }) => validateBulkFile(db, scope, { fileName: input.fileName, bytes: input.body }, meta),
  { maxBodyBytes: BULK_MAX_BYTES, rawBody: true },
);
