/**
 * Fees and amounts (domain reference §3.3, "billing types"). Pure: the server computes with it,
 * the Send Money preview shows the same figures.
 *
 * fee = clamp(amount × percent + flat, min, max), then rounded per currency: whole units for the
 * currencies whose mobile-money networks only move whole units (KES, UGX, TZS and similar), the
 * currency's minor unit otherwise. Half rounds up. The fee is rounded first and the other amounts
 * are derived from it, so they always add up.
 */
import { currencyExponent } from "@/lib/markets";

export interface FeeRule {
  percentBps: number;
  flat: bigint;
  minFee: bigint | null;
  maxFee: bigint | null;
  /** Per-transaction limit, minor units. */
  maxAmount: bigint;
}

export type FeeBearer = "CUSTOMER" | "WALLET";
export const FEE_BEARERS: readonly FeeBearer[] = ["CUSTOMER", "WALLET"];
export type Direction = "collection" | "payout";

/** Currencies whose fees are charged in whole units (§3.3). */
const WHOLE_UNIT_FEES = new Set(["KES", "UGX", "TZS", "RWF", "XOF", "XAF", "CDF", "MWK"]);

/** The fee's rounding step in minor units (100 for KES: whole shillings). */
export function feeStep(currency: string): bigint {
  return WHOLE_UNIT_FEES.has(currency) ? 10n ** BigInt(currencyExponent(currency)) : 1n;
}

/** Rounds a non-negative amount of minor units to a multiple of `step`, half up. */
function roundHalfUp(value: bigint, step: bigint): bigint {
  return ((value + step / 2n) / step) * step;
}

export function computeFee(rule: FeeRule, amount: bigint, currency: string): bigint {
  // Exact until the one rounding: everything in 1/10 000 of a minor unit (basis points), so
  // 1,549.995 is never first rounded to 1,550 and then again to 1,600.
  const SCALE = 10_000n;
  let fee = amount * BigInt(rule.percentBps) + rule.flat * SCALE;
  if (rule.minFee !== null && fee < rule.minFee * SCALE) fee = rule.minFee * SCALE;
  if (rule.maxFee !== null && fee > rule.maxFee * SCALE) fee = rule.maxFee * SCALE;
  return roundHalfUp(fee, feeStep(currency) * SCALE) / SCALE;
}

export interface Quote {
  amount: bigint;
  fee: bigint;
  /** Collections: what the customer pays. Payouts: what the recipient receives. */
  transactionAmount: bigint;
  /** Collections: what the deposit balance gains on success. Payouts: what the payout balance loses now. */
  walletAmount: bigint;
  feeBearer: FeeBearer;
}

/**
 * The §3.3 table. Collection of 1000 with fee 25: the customer pays 1025 and the wallet gets 1000
 * (CUSTOMER), or the customer pays 1000 and the wallet gets 975 (WALLET). Payout of 500 with fee
 * 20: the recipient gets 480 and the wallet pays 500 (CUSTOMER), or 500 and 520 (WALLET).
 */
export function quote(direction: Direction, rule: FeeRule, amount: bigint, currency: string, feeBearer: FeeBearer): Quote {
  const fee = computeFee(rule, amount, currency);
  if (direction === "collection") {
    return feeBearer === "CUSTOMER"
      ? { amount, fee, transactionAmount: amount + fee, walletAmount: amount, feeBearer }
      : { amount, fee, transactionAmount: amount, walletAmount: amount - fee, feeBearer };
  }
  return feeBearer === "CUSTOMER"
    ? { amount, fee, transactionAmount: amount - fee, walletAmount: amount, feeBearer }
    : { amount, fee, transactionAmount: amount, walletAmount: amount + fee, feeBearer };
}

/** A rule in words, as a payer reads it: "1.5% (at least KES 10.00, at most KES 300.00)". */
export function describeFee(rule: Pick<FeeRule, "percentBps" | "flat" | "minFee" | "maxFee">, currency: string, format: (minor: bigint) => string): string {
  const parts: string[] = [];
  if (rule.percentBps) parts.push(`${(rule.percentBps / 100).toFixed(2).replace(/\.?0+$/, "")}%`);
  if (rule.flat) parts.push(format(rule.flat));
  const bounds = [rule.minFee !== null && rule.minFee > 0n ? `at least ${format(rule.minFee)}` : null, rule.maxFee !== null ? `at most ${format(rule.maxFee)}` : null].filter(Boolean);
  return `${parts.join(" + ") || format(0n)}${bounds.length ? ` (${bounds.join(", ")})` : ""}`;
}
