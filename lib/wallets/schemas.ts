/**
 * Input schemas shared by the server actions / routes (which parse with them) and the forms
 * (zodResolver). Amounts stay strings here: they are parsed with parseAmount() against the
 * wallet's currency, which only the server knows for sure.
 */
import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/ledger/idempotency-key";
import { cleanText } from "@/lib/text-input";

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
    amount: cleanText(z.string().max(64, "Amount is too long"), "The amount").optional(),
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((v, ctx) => {
    if (v.mode === "specific" && !(v.amount ?? "").trim()) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount" });
    }
  });
export type TransferFormInput = z.input<typeof transferFormSchema>;

export const TRANSFER_API_FIELDS = ["walletId", "amount", "entire", "idempotencyKey"] as const;
export const AMOUNT_STRING_MESSAGE = 'amount must be a decimal string, e.g. "1500.00"';
export const AMOUNT_OR_ENTIRE_MESSAGE = "Give an amount, or entire: true";

/**
 * The JSON API (POST /api/wallets/transfer), shaped like Kotani's TransferDepositBalanceDto but
 * strict, since a body that is misread moves money: `{ walletId, amount: "1500.00" }` moves that
 * amount, `{ walletId, entire: true }` the entire deposit balance. Unknown keys are refused (a
 * typo'd "amout" must not read as "no amount"), amounts are decimal strings only (a JSON number
 * such as 1e3 is refused), and exactly one of amount and `entire: true` is given. The key may also
 * come in an Idempotency-Key header. Parses to the service's shape: amount undefined = entire.
 */
export const transferApiSchema = z
  .strictObject(
    {
      walletId: walletIdSchema,
      amount: cleanText(z.string({ error: AMOUNT_STRING_MESSAGE }).max(64, "Amount is too long"), "The amount").optional(),
      entire: z.boolean({ error: "entire must be true or false" }).optional(),
      idempotencyKey: idempotencyKeySchema.optional(),
    },
    {
      error: (issue) => {
        if (issue.code === "unrecognized_keys") {
          const keys = issue.keys.map((k) => `"${k}"`).join(", ");
          return `Unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}: the transfer takes ${TRANSFER_API_FIELDS.join(", ")}`;
        }
        if (issue.code === "invalid_type") return "The request body must be a JSON object";
        return undefined;
      },
    },
  )
  .superRefine((v, ctx) => {
    if (v.entire === true && v.amount !== undefined) {
      ctx.addIssue({ code: "custom", path: ["entire"], message: `${AMOUNT_OR_ENTIRE_MESSAGE}, not both` });
    } else if (v.entire !== true && v.amount === undefined) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: AMOUNT_OR_ENTIRE_MESSAGE });
    }
  });
export type TransferApiInput = z.input<typeof transferApiSchema>;

export const walletNameSchema = cleanText(
  z
    .string({ error: "Enter a wallet name" })
    .trim()
    .min(2, "The name must be at least 2 characters")
    .max(60, "The name must be at most 60 characters"),
  "The name",
);

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
