import { CHAINS, TOKEN_DECIMALS } from "../../markets";
import { cryptoBalances, cryptoWallets } from "../schema";
import type { Environment } from "../schema/enums";
import { iso, type SeedContext } from "./context";
import type { Rng } from "./prng";
import { CHAIN_TOKENS } from "./reference-data";

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** An address that looks right for the chain (format only; not a real key's address). */
export function fakeAddress(rng: Rng, chain: string): string {
  switch (chain) {
    case "TRON":
      return "T" + rng.fromAlphabet(BASE58, 33);
    case "STELLAR":
      return "G" + rng.fromAlphabet(BASE32, 55);
    default:
      return "0x" + rng.hex(40);
  }
}

/** A transaction hash in the chain's usual notation. */
export function fakeTxHash(rng: Rng, chain: string): string {
  return chain === "TRON" || chain === "STELLAR" ? rng.hex(64) : "0x" + rng.hex(64);
}

/** Crypto wallets (one per chain and environment) with a balance row per token the chain carries. */
export async function seedCryptoWallets(
  ctx: SeedContext,
  rng: Rng,
  integratorId: string,
  chains: Partial<Record<Environment, string[]>>,
): Promise<number> {
  const walletRows: Record<string, unknown>[] = [];
  const balanceRows: Record<string, unknown>[] = [];
  for (const [environment, list] of Object.entries(chains) as [Environment, string[]][]) {
    for (const chain of list) {
      const createdAt = ctx.start - rng.range(10, 25) * 86_400_000 + rng.int(86_400_000);
      const id = ctx.ids.next(createdAt);
      walletRows.push({
        id,
        integratorId,
        environment,
        name: `My ${CHAINS[chain]?.name ?? chain} Wallet`,
        chain,
        address: fakeAddress(rng, chain),
        createdAt: iso(createdAt),
      });
      for (const token of CHAIN_TOKENS[chain] ?? []) {
        const decimals = TOKEN_DECIMALS[token] ?? 6;
        // 25–60,000 USD-ish, with cents, in the token's base units.
        const cents = BigInt(rng.range(2_500, 6_000_000));
        const balance = (cents * 10n ** BigInt(decimals)) / 100n;
        balanceRows.push({
          walletId: id,
          token,
          decimals,
          balance: balance.toString(),
          updatedAt: iso(ctx.now - rng.int(5 * 86_400_000)),
        });
      }
    }
  }
  await ctx.loader.insertNow(cryptoWallets, walletRows);
  await ctx.loader.insertNow(cryptoBalances, balanceRows);
  return walletRows.length;
}
