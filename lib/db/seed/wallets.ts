import { fiatWallets } from "../schema";
import { iso, type SeedContext } from "./context";
import type { WalletState } from "./ledger";
import { DAY_MS, type MarketPlan } from "./plan";

/**
 * One fiat wallet per market and environment ("My KES Wallet"; a currency used in two
 * countries gets one per country: "My XOF Wallet (CI)"). Inserted with zero balances: the
 * ledger moves them and `SeedLedger.writeBalances` stores the result.
 */
export async function seedFiatWallets(
  ctx: SeedContext,
  integratorId: string,
  markets: MarketPlan[],
): Promise<Map<MarketPlan, WalletState>> {
  const out = new Map<MarketPlan, WalletState>();
  const rows: Record<string, unknown>[] = [];
  const createdAt = ctx.start - 20 * DAY_MS;
  for (const m of markets) {
    const shared = markets.filter((o) => o.environment === m.environment && o.currency === m.currency).length > 1;
    const id = ctx.ids.next(createdAt);
    rows.push({
      id,
      integratorId,
      environment: m.environment,
      name: shared ? `My ${m.currency} Wallet (${m.country})` : `My ${m.currency} Wallet`,
      currency: m.currency,
      country: m.country,
      status: "active",
      locked: false,
      isPrimary: m.isDefault,
      depositBalance: 0,
      payoutBalance: 0,
      createdAt: iso(createdAt),
      updatedAt: iso(createdAt),
    });
    out.set(m, {
      id,
      integratorId,
      environment: m.environment,
      currency: m.currency,
      country: m.country,
      deposit: 0,
      payout: 0,
      lastAt: createdAt,
      entries: 0,
      postings: 0,
    });
  }
  await ctx.loader.insertNow(fiatWallets, rows);
  return out;
}
