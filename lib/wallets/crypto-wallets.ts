import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { cryptoBalances, cryptoWallets } from "@/lib/db/schema";

export interface CryptoWalletView {
  id: string;
  name: string;
  chain: string;
  address: string;
  createdAt: string;
  balances: { token: string; decimals: number; balance: string; updatedAt: string }[];
}

/** The integrator's crypto wallets in this environment with their token balances (base units, as strings). */
export async function listCryptoWallets(db: Db, scope: Pick<Scope, "integratorId" | "environment">): Promise<CryptoWalletView[]> {
  const wallets = await db
    .select({
      id: cryptoWallets.id,
      name: cryptoWallets.name,
      chain: cryptoWallets.chain,
      address: cryptoWallets.address,
      createdAt: cryptoWallets.createdAt,
    })
    .from(cryptoWallets)
    .where(and(eq(cryptoWallets.integratorId, scope.integratorId), eq(cryptoWallets.environment, scope.environment)))
    .orderBy(asc(cryptoWallets.chain), asc(cryptoWallets.createdAt), asc(cryptoWallets.id));
  if (!wallets.length) return [];
  const balances = await db
    .select({
      walletId: cryptoBalances.walletId,
      token: cryptoBalances.token,
      decimals: cryptoBalances.decimals,
      balance: cryptoBalances.balance,
      updatedAt: cryptoBalances.updatedAt,
    })
    .from(cryptoBalances)
    .where(inArray(cryptoBalances.walletId, wallets.map((w) => w.id)))
    .orderBy(asc(cryptoBalances.token));
  return wallets.map((w) => ({
    id: w.id,
    name: w.name,
    chain: w.chain,
    address: w.address,
    createdAt: w.createdAt.toISOString(),
    balances: balances
      .filter((b) => b.walletId === w.id)
      .map((b) => ({ token: b.token, decimals: b.decimals, balance: String(b.balance), updatedAt: b.updatedAt.toISOString() })),
  }));
}
