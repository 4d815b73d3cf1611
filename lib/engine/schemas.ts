/**
 * The forms' and the server's one schema per engine mutation (New Collection, Send Money,
 * approvals, thresholds, cancel, offramp actions). Pure: the dialogs validate with zodResolver,
 * the actions parse with the same object. Amounts stay strings: the service parses them against
 * the wallet's currency (lib/money.ts parseAmount).
 */
import { z } from "zod";
import { idempotencyKeySchema } from "@/lib/ledger/idempotency-key";
import { cleanText, plainText } from "@/lib/text-input";

import { PAYOUT_CHANNELS } from "./payout-channels";

export * from "./payout-channels";
export * from "./collection-methods";

const id = z.string().trim().max(64, "Unknown id").regex(/^[A-Za-z0-9_-]*$/, "Unknown id");

/** Free text: trimmed, at most `max` characters, no control characters or unpaired surrogates (lib/text-input.ts). */
export { plainText };
const optionalText = (max: number, label: string) => plainText(max, label).optional();

export const referenceIdSchema = z
  .string()
  .trim()
  .max(64, "The reference must be at most 64 characters")
  .regex(/^[A-Za-z0-9._-]*$/, "Use letters, digits, '.', '_' or '-' in the reference")
  .optional();

export const callbackUrlSchema = z
  .string()
  .trim()
  .max(2048, "The callback URL is too long")
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Enter an http(s) URL, like https://example.com/webhooks")
  .optional();

const amountSchema = cleanText(z.string({ error: "Enter an amount" }).trim().min(1, "Enter an amount").max(64, "Amount is too long"), "The amount");

/** "+ New Collection": an existing customer, or a number typed in the market's country. */
export const newCollectionSchema = z
  .object({
    walletId: id.optional(),
    customerId: id.optional(),
    phoneNumber: optionalText(32, "The phone number"),
    network: optionalText(20, "The network"),
    amount: amountSchema,
    referenceId: referenceIdSchema,
    description: optionalText(200, "The description"),
    callbackUrl: callbackUrlSchema,
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((v, ctx) => {
    if (!v.customerId && !v.phoneNumber) ctx.addIssue({ code: "custom", path: ["phoneNumber"], message: "Choose a customer or enter a phone number" });
  });
export type NewCollectionInput = z.input<typeof newCollectionSchema>;

/** "Send Money": mobile money, bank, till or paybill, from the market's wallet. */
export const sendMoneySchema = z
  .object({
    walletId: id.optional(),
    channel: z.enum(PAYOUT_CHANNELS, { error: "Choose how to send" }),
    customerId: id.optional(),
    phoneNumber: optionalText(32, "The phone number"),
    network: optionalText(20, "The network"),
    bankCode: optionalText(20, "The bank code"),
    accountNumber: optionalText(34, "The account number"),
    accountName: optionalText(100, "The account name"),
    /** Till (Lipa na M-Pesa business short code) or paybill number. */
    shortCode: optionalText(10, "The number"),
    accountReference: optionalText(40, "The account reference"),
    amount: amountSchema,
    referenceId: referenceIdSchema,
    description: optionalText(200, "The description"),
    callbackUrl: callbackUrlSchema,
    idempotencyKey: idempotencyKeySchema,
  })
  .superRefine((v, ctx) => {
    const need = (path: keyof typeof v, message: string) => {
      if (!v[path]) ctx.addIssue({ code: "custom", path: [path], message });
    };
    if (v.channel === "MOBILE_MONEY" && !v.customerId) need("phoneNumber", "Choose a customer or enter a phone number");
    if (v.channel === "BANK") {
      need("bankCode", "Choose the bank");
      need("accountNumber", "Enter the account number");
      need("accountName", "Enter the account holder's name");
    }
    if (v.channel === "LIPA_NA_MPESA") need("shortCode", "Enter the till number");
    if (v.channel === "PAYBILL") {
      need("shortCode", "Enter the paybill number");
      need("accountReference", "Enter the account number at the paybill");
    }
    if (v.shortCode && !/^\d{5,7}$/.test(v.shortCode)) ctx.addIssue({ code: "custom", path: ["shortCode"], message: "Enter 5 to 7 digits" });
    if (v.accountNumber && v.channel === "BANK" && !/^[0-9A-Za-z-]{5,34}$/.test(v.accountNumber)) {
      ctx.addIssue({ code: "custom", path: ["accountNumber"], message: "Enter the account number: 5 to 34 letters or digits" });
    }
  });
export type SendMoneyInput = z.input<typeof sendMoneySchema>;

/** The Send Money preview (fee, total debit, balance after) as the amount is typed. */
export const payoutQuoteSchema = z.object({
  walletId: id.optional(),
  channel: z.enum(PAYOUT_CHANNELS).default("MOBILE_MONEY"),
  amount: cleanText(z.string().trim().max(64), "The amount").default(""),
});

export const transactionRefSchema = z.object({ transactionId: id.pipe(z.string().min(1, "Unknown transaction")) });

export const decideApprovalSchema = z
  .object({
    transactionId: id.pipe(z.string().min(1, "Unknown transaction")),
    decision: z.enum(["approve", "reject"]),
    reason: plainText(300, "The reason").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !(v.reason ?? "").trim()) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the payout is rejected" });
  });
export type DecideApprovalInput = z.input<typeof decideApprovalSchema>;

/** An empty threshold turns approvals off for the currency. */
export const approvalThresholdSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, "Choose a currency"),
  threshold: cleanText(z.string().trim().max(64, "Amount is too long"), "The threshold").default(""),
});
export type ApprovalThresholdInput = z.input<typeof approvalThresholdSchema>;
