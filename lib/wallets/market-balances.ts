import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { fiatWallets } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";

export interface MarketBalances {
  currency: string;
  depositBalance: bigint;
  payoutBalance: bigint;
  totalBalance: bigint;
  walletCount: number;
}

/** Sum of the selected market's wallets (its currency, for its country or country-less). */
export async function getMarketBalances(db: Db, scope: Scope): Promise<MarketBalances> {
  const [row] = await db
    .select({
      deposit: sql<string>`coalesce(sum(${fiatWallets.depositBalance}), 0)`,
      payout: sql<string>`coalesce(sum(${fiatWallets.payoutBalance}), 0)`,
      count: sql<number>`count(*)::int`,
    })
    .from(fiatWallets)
    .where(
      and(
        inScope(fiatWallets, scope),
        eq(fiatWallets.currency, scope.market.currency),
        or(eq(fiatWallets.country, scope.market.country), isNull(fiatWallets.country)),
        sql`${fiatWallets.status} <> 'deleted'`,
      ),
    );
  const depositBalance = BigInt(row?.deposit ?? 0);
  const payoutBalance = BigInt(row?.payout ?? 0);
  return {
    currency: scope.market.currency,
    depositBalance,
    payoutBalance,
    totalBalance: depositBalance + payoutBalance,
    walletCount: row?.count ?? 0,
  };
}
