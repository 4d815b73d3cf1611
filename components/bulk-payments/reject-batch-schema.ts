import { z } from "zod";
import { decideBatchSchema } from "@/lib/bulk-payments/schemas";

// Loaded on first use (zodResolverOnDemand in reject-batch-dialog.tsx): the dialog does not ship zod.
export const rejectBatchSchema = z.object({
  reason: decideBatchSchema.shape.reason.unwrap().pipe(z.string().min(1, "Say why this batch is rejected")),
});
export type RejectBatchValues = z.input<typeof rejectBatchSchema>;
