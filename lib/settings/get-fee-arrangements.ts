import "server-only";
import { and, asc, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { feeSchedules, fiatWallets } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import type { FeeBearer, FeeRule } from "@/lib/engine/fees";

/** One channel's fee rule (fee_schedules: platform-wide, per currency, direction and channel). */
export interface ChannelFeeRule extends FeeRule {
  /** MOBILE_MONEY | BANK | LIPA_NA_MPESA | PAYBILL … */
  channel: string;
}

/** One direction of a wallet's arrangement: who bears the fee, and the schedule per channel. */
export interface DirectionArrangement {
  bearer: FeeBearer;
  rules: ChannelFeeRule[];
}

/** Settings → Fees: one fiat wallet's arrangement, collections and payouts apart. */
export interface WalletFeeArrangement {
  walletId: string;
  name: string;
  currency: string;
  /** Null: the wallet holds the currency for all its countries. */
  country: string | null;
  status: string;
  isPrimary: boolean;
  /** Whether the wallet belongs to the selected market (its currency, and its country if it has one). */
  inSelectedMarket: boolean;
  collection: DirectionArrangement;
  payout: DirectionArrangement;
}

const bearerOf = (v: string): FeeBearer => (v === "WALLET" ? "WALLET" : "CUSTOMER");

/**
 * The fee arrangement of every fiat wallet of the environment (deleted ones left out), the selected
 * market's first: who bears the fee for collections and for payouts (the wallet's columns) and the
 * schedule that applies to its currency per channel. The wallets go through the tenant filter; the
 * schedule is the platform's (no integrator column), read for those wallets' currencies only.
 */
export async function getFeeArrangements(db: Db, scope: Scope): Promise<WalletFeeArrangement[]> {
  const wallets = await db
    .select({
      walletId: fiatWallets.id,
      name: fiatWallets.name,
      currency: fiatWallets.currency,
      country: fiatWallets.country,
      status: fiatWallets.status,
      isPrimary: fiatWallets.isPrimary,
      collectionFeeBearer: fiatWallets.collectionFeeBearer,
      payoutFeeBearer: fiatWallets.payoutFeeBearer,
    })
    .from(fiatWallets)
    .where(and(inScope(fiatWallets, scope), ne(fiatWallets.status, "deleted")))
    .orderBy(
      sql`case when ${fiatWallets.currency} = ${scope.market.currency} then 0 else 1 end`,
      asc(fiatWallets.currency),
      asc(fiatWallets.country),
      sql`case when ${fiatWallets.isPrimary} then 0 else 1 end`,
      asc(fiatWallets.name),
    );
  if (!wallets.length) return [];
  const currencies = [...new Set(wallets.map((w) => w.currency))];
  const rules = await db
    .select({
      currency: feeSchedules.currency,
      direction: feeSchedules.direction,
      channel: feeSchedules.channel,
      percentBps: feeSchedules.percentBps,
      flat: feeSchedules.flat,
      minFee: feeSchedules.minFee,
      maxFee: feeSchedules.maxFee,
      maxAmount: feeSchedules.maxAmount,
    })
    .from(feeSchedules)
    .where(inArray(feeSchedules.currency, currencies))
    .orderBy(
      asc(feeSchedules.currency),
      asc(feeSchedules.direction),
      sql`case when ${feeSchedules.channel} = 'MOBILE_MONEY' then 0 else 1 end`,
      asc(feeSchedules.channel),
    );
  const rulesOf = (currency: string, direction: "collection" | "payout"): ChannelFeeRule[] =>
    rules
      .filter((r) => r.currency === currency && r.direction === direction)
      .map(({ channel, percentBps, flat, minFee, maxFee, maxAmount }) => ({ channel, percentBps, flat, minFee, maxFee, maxAmount }));
  return wallets.map((w) => ({
    walletId: w.walletId,
    name: w.name,
    currency: w.currency,
    country: w.country,
    status: w.status,
    isPrimary: w.isPrimary,
    inSelectedMarket: w.currency === scope.market.currency && (w.country === null || w.country === scope.market.country),
    collection: { bearer: bearerOf(w.collectionFeeBearer), rules: rulesOf(w.currency, "collection") },
    payout: { bearer: bearerOf(w.payoutFeeBearer), rules: rulesOf(w.currency, "payout") },
  }));
}

