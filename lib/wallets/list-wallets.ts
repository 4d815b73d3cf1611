import "server-only";
import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import type { Scope } from "@/lib/auth/scope";
import { fiatWallets } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/auth/errors";
import type { WalletDto, WalletsOverview } from "./types";

const walletColumns = {
  id: fiatWallets.id,
  name: fiatWallets.name,
  currency: fiatWallets.currency,
  country: fiatWallets.country,
  status: fiatWallets.status,
  locked: fiatWallets.locked,
  isPrimary: fiatWallets.isPrimary,
  depositBalance: fiatWallets.depositBalance,
  payoutBalance: fiatWallets.payoutBalance,
  createdAt: fiatWallets.createdAt,
  updatedAt: fiatWallets.updatedAt,
  // Kept by every posting's balance UPDATE: reading it costs nothing, counting entries grew with the ledger.
  transactionCount: fiatWallets.ledgerTransactionCount,
};

type WalletRow = {
  id: string;
  name: string;
  currency: string;
  country: string | null;
  status: WalletDto["status"];
  locked: boolean;
  isPrimary: boolean;
  depositBalance: bigint;
  payoutBalance: bigint;
  createdAt: Date;
  updatedAt: Date;
  transactionCount: number;
};

function toDto(r: WalletRow): WalletDto {
  return {
    id: r.id,
    name: r.name,
    currency: r.currency,
    country: r.country,
    status: r.status,
    locked: r.locked,
    isPrimary: r.isPrimary,
    depositBalance: r.depositBalance.toString(),
    payoutBalance: r.payoutBalance.toString(),
    transactionCount: Number(r.transactionCount ?? 0),
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/** Does this wallet serve the market? Same currency, and its country or no country at all. */
export function walletMatchesMarket(w: { currency: string; country: string | null }, market: { currency: string; country: string }): boolean {
  return w.currency === market.currency && (w.country === null || w.country === market.country);
}

/**
 * The Wallets page: every wallet of the integrator in this environment, the wallet the top-bar
 * market selects, and the summary cards for that market.
 */
export async function getWalletsOverview(db: Db, scope: Scope): Promise<WalletsOverview> {
  const rows = (await db
    .select(walletColumns)
    .from(fiatWallets)
    .where(
      and(
        inScope(fiatWallets, scope),
        ne(fiatWallets.status, "deleted"),
      ),
    )
    .orderBy(desc(fiatWallets.isPrimary), asc(fiatWallets.currency), asc(fiatWallets.country), asc(fiatWallets.createdAt), asc(fiatWallets.id))) as WalletRow[];

  const wallets = rows.map(toDto);
  const marketRows = rows.filter((w) => walletMatchesMarket(w, scope.market));
  // Exact country first, then the primary one, then the oldest.
  const selected = [...marketRows].sort(
    (a, b) =>
      Number(b.country === scope.market.country) - Number(a.country === scope.market.country) ||
      Number(b.isPrimary) - Number(a.isPrimary) ||
      Number(b.status === "active") - Number(a.status === "active") ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  )[0];
  const deposit = marketRows.reduce((s, w) => s + w.depositBalance, 0n);
  const payout = marketRows.reduce((s, w) => s + w.payoutBalance, 0n);
  const active = rows.filter((w) => w.status === "active");
  return {
    wallets,
    selectedWalletId: selected?.id ?? null,
    summary: {
      currency: scope.market.currency,
      availableBalance: payout.toString(),
      depositBalance: deposit.toString(),
      activeWallets: active.length,
      currencies: [...new Set(active.map((w) => w.currency))].sort(),
    },
  };
}

/** One wallet of the integrator in this environment; another integrator's or environment's is NotFound. */
export async function getWallet(db: Db, scope: Scope, walletId: string): Promise<WalletDto> {
  const [row] = (await db
    .select(walletColumns)
    .from(fiatWallets)
    .where(
      and(
        eq(fiatWallets.id, walletId),
        inScope(fiatWallets, scope),
        ne(fiatWallets.status, "deleted"),
      ),
    )
    .limit(1)) as WalletRow[];
  if (!row) throw new NotFoundError("Wallet not found");
  return toDto(row);
}
