/**
 * Bulk Payments (§3.11): the schemas the actions parse, and (re-exported from constants.ts) the
 * CSV's columns and limits, the statuses and the shapes the validation returns. Pure: the services
 * and the tests share it; the pages import constants.ts, so zod stays on the server.
 */
import { z } from "zod";
import { plainText } from "@/lib/engine/schemas";
import { idempotencyKeySchema } from "@/lib/ledger/idempotency-key";

export * from "./constants";

export const bulkIdSchema = z
  .string({ error: "Unknown bulk payment" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown bulk payment");

/** Confirm: the draft, its name, one wallet per currency. */
export const confirmBulkSchema = z
  .object({
    uploadId: bulkIdSchema,
    name: plainText(100, "The name").pipe(z.string().min(1, "Name this bulk payment")),
    description: plainText(500, "The description").optional(),
    walletSelections: z
      .array(z.object({ currency: z.string().regex(/^[A-Z]{3}$/, "Unknown currency"), walletId: bulkIdSchema }).strict())
      .min(1, "Choose a wallet for each currency")
      .max(20),
    /** The file was uploaded before: the member chose "Upload anyway". */
    acknowledgeDuplicate: z.boolean().optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .strict();
export type ConfirmBulkInput = z.input<typeof confirmBulkSchema>;

export const batchActionSchema = z.object({ batchId: bulkIdSchema }).strict();
export type BatchActionInput = z.input<typeof batchActionSchema>;

export const decideBatchSchema = z
  .object({
    batchId: bulkIdSchema,
    decision: z.enum(["approve", "reject"], { error: "Approve or reject" }),
    reason: plainText(300, "The reason").optional(),
  })
  .strict();
export type DecideBatchInput = z.input<typeof decideBatchSchema>;
