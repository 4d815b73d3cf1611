import { z } from "zod";
import { approvalThresholdSchema } from "@/lib/engine/schemas";

/** The Payout approvals card's form: one row per currency, each the Save action's own schema. Loaded on first validation. */
export const thresholdsFormSchema = z.object({ thresholds: z.array(approvalThresholdSchema) });
export type ThresholdsFormValues = z.input<typeof thresholdsFormSchema>;
