/**
 * Input schemas shared by the server actions / routes (which parse with them) and the forms
 * (zodResolver). Amounts stay strings here: they are parsed with parseAmount() against the
 * wallet's currency, which only the server knows for sure.
 */
import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/ledger/idempotency-key";

export const walletIdSchema = z
  .string({ error: "Choose a wallet" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown wallet");

export const transferModeSchema = z.enum(["entire", "specific"]);

/** The Transfer Deposit Balance modal / server action. */
export const transferFormSchema = z
  .object({
    walletId: walletIdSchema,
    mode: transferModeSchema,
    /** Decimal string as typed ("1,000.50"); required for "specific". */
    amount: z.string().max(64, "Amount is too long").optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((v, ctx) => {
    if (v.mode === "specific" && !(v.amount ?? "").trim()) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount" });
    }
  });
export type TransferFormInput = z.input<typeof transferFormSchema>;

/**
 * The JSON API (POST /api/wallets/transfer), shaped like Kotani's TransferDepositBalanceDto:
 * `amount` left out = the entire deposit balance. The key may also come in an Idempotency-Key header.
 */
export const transferApiSchema = z.object({
  walletId: walletIdSchema,
  amount: z
    .union([z.string().max(64, "Amount is too long"), z.number()])
    .optional()
    .transform((v) => (v === undefined ? undefined : String(v))),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export const walletNameSchema = z
  .string({ error: "Enter a wallet name" })
  .trim()
  .min(2, "The name must be at least 2 characters")
  .max(60, "The name must be at most 60 characters");

/** "+ Add Wallet": a name and one of the integrator's markets in the current environment. */
export const createWalletSchema = z.object({
  name: walletNameSchema,
  /** "KE-KES" (country-currency), one of scope.markets. */
  market: z.string().regex(/^[A-Z]{2}-[A-Z]{3}$/, "Choose a currency and country"),
});
export type CreateWalletInput = z.input<typeof createWalletSchema>;

/** Edit Wallet: name and lock. */
export const updateWalletSchema = z.object({
  walletId: walletIdSchema,
  name: walletNameSchema,
  locked: z.boolean(),
});
export type UpdateWalletInput = z.input<typeof updateWalletSchema>;
