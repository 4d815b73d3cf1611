import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
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

export interface TokenTotal {
  token: string;
  decimals: number;
  /** Base units, as a string. */
  balance: string;
  chains: string[];
}

/** The Crypto Wallets page: the wallets, and per token the total across chains (a token has one decimals value everywhere). */
export async function getCryptoWalletsOverview(db: Db, scope: Scope): Promise<{ wallets: CryptoWalletView[]; totals: TokenTotal[] }> {
  const wallets = await listCryptoWallets(db, scope);
  const totals = new Map<string, { base: bigint; decimals: number; chains: Set<string> }>();
  for (const w of wallets) {
    for (const b of w.balances) {
      const t = totals.get(b.token) ?? { base: 0n, decimals: b.decimals, chains: new Set<string>() };
      t.base += BigInt(b.balance);
      t.chains.add(w.chain);
      totals.set(b.token, t);
    }
  }
  return {
    wallets,
    totals: [...totals.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([token, t]) => ({ token, decimals: t.decimals, balance: t.base.toString(), chains: [...t.chains].sort() })),
  };
}

/** The integrator's crypto wallets in this environment with their token balances (base units, as strings). */
export async function listCryptoWallets(db: Db, scope: Scope): Promise<CryptoWalletView[]> {
  const wallets = await db
    .select({
      id: cryptoWallets.id,
      name: cryptoWallets.name,
      chain: cryptoWallets.chain,
      address: cryptoWallets.address,
      createdAt: cryptoWallets.createdAt,
    })
    .from(cryptoWallets)
    .where(inScope(cryptoWallets, scope))
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
