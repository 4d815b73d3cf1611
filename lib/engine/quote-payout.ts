import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { payoutApprovalThresholds as p } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { parseAmount } from "@/lib/money";
import { quote, type FeeBearer } from "./fees";
import { feeRuleFor, resolveWallet } from "./new-transaction";
import type { PayoutChannel } from "./schemas";

export interface PayoutQuote {
  walletId: string;
  walletName: string;
  currency: string;
  payoutBalance: string;
  feeBearer: FeeBearer;
  maxAmount: string;
  /** Minor units; null when approvals are off for the currency. */
  approvalThreshold: string | null;
  /** Present once a valid amount is typed. */
  amount?: string;
  fee?: string;
  /** What the recipient receives. */
  transactionAmount?: string;
  /** What leaves the payout balance. */
  totalDebit?: string;
  balanceAfter?: string;
  needsApproval?: boolean;
  /** Why the typed amount cannot be sent (bad format, over the limit, over the balance). */
  error?: string;
}

/**
 * The Send Money preview: the same fee rule and billing the payout will use, the payout balance
 * now and after. A read: it reserves nothing (the payout's own conditional debit decides).
 */
export async function quotePayout(db: Db, scope: Scope, input: { walletId?: string; channel: PayoutChannel; amount: string }): Promise<PayoutQuote> {
  const wallet = await resolveWallet(db, scope, input.walletId || undefined);
  const rule = await feeRuleFor(db, wallet.currency, "payout", input.channel);
  const [threshold] = await db.select({ threshold: p.threshold }).from(p).where(and(inScope(p, scope), eq(p.currency, wallet.currency))).limit(1);
  const base: PayoutQuote = {
    walletId: wallet.id,
    walletName: wallet.name,
    currency: wallet.currency,
    payoutBalance: wallet.payoutBalance.toString(),
    feeBearer: wallet.payoutFeeBearer as FeeBearer,
    maxAmount: rule.maxAmount.toString(),
    approvalThreshold: threshold?.threshold.toString() ?? null,
  };
  if (!input.amount.trim()) return base;
  const parsed = parseAmount(input.amount, wallet.currency);
  if (!parsed.ok) return { ...base, error: parsed.error };
  const q = quote("payout", rule, parsed.minor, wallet.currency, base.feeBearer);
  const after = wallet.payoutBalance - q.walletAmount;
  const out: PayoutQuote = {
    ...base,
    amount: q.amount.toString(),
    fee: q.fee.toString(),
    transactionAmount: q.transactionAmount.toString(),
    totalDebit: q.walletAmount.toString(),
    balanceAfter: after.toString(),
    needsApproval: threshold !== undefined && parsed.minor >= threshold.threshold,
  };
  if (parsed.minor > rule.maxAmount) return { ...out, error: "Over the per-transaction limit" };
  if (after < 0n) return { ...out, error: "Insufficient payout balance" };
  return out;
}

