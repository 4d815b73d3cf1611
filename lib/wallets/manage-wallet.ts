import "server-only";
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { fiatWallets } from "@/lib/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { COUNTRIES, parseMarketKey } from "@/lib/markets";
import { getWallet } from "./list-wallets";
import type { WalletDto } from "./types";

export const WALLET_CREATED_MESSAGE = "Fiat wallet has been successfully created.";

/**
 * "+ Add Wallet": a wallet for one of the integrator's markets in the current environment.
 * One wallet per currency + country (a second one is refused); the first one of a market is primary.
 */
export async function createWallet(
  db: Db,
  scope: Scope,
  input: { name: string; market: string },
  meta?: Partial<RequestMeta>,
): Promise<WalletDto> {
  const market = parseMarketKey(input.market);
  if (!market || !scope.markets.some((m) => m.country === market.country && m.currency === market.currency)) {
    throw new ValidationError(`That currency and country are not enabled for your organisation in ${scope.environment}.`, {
      market: ["Choose one of your markets"],
    });
  }
  const name = input.name.trim();
  const id = await db.transaction(async (tx) => {
    // Serialise creations for this market so two concurrent "+ Add Wallet" cannot both pass the check.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`wallet:${scope.integratorId}:${scope.environment}:${market.currency}:${market.country}`}))`,
    );
    const [existing] = await tx
      .select({ id: fiatWallets.id })
      .from(fiatWallets)
      .where(
        and(
          inScope(fiatWallets, scope),
          eq(fiatWallets.currency, market.currency),
          or(eq(fiatWallets.country, market.country), isNull(fiatWallets.country)),
          ne(fiatWallets.status, "deleted"),
        ),
      )
      .limit(1);
    if (existing) {
      throw new ConflictError(`You already have a ${market.currency} wallet for ${COUNTRIES[market.country]?.name ?? market.country}.`);
    }
    const [row] = await tx
      .insert(fiatWallets)
      .values({
        integratorId: scope.integratorId,
        environment: scope.environment,
        name,
        currency: market.currency,
        country: market.country,
        isPrimary: true,
      })
      .returning({ id: fiatWallets.id });
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "wallet.create",
      targetType: "fiat_wallet",
      targetId: row.id,
      metadata: { name, currency: market.currency, country: market.country },
    });
    return row.id;
  });
  return getWallet(db, scope, id);
}

/** Edit Wallet: rename and lock/unlock. A locked wallet refuses transfers. */
export async function updateWallet(
  db: Db,
  scope: Scope,
  input: { walletId: string; name: string; locked: boolean },
  meta?: Partial<RequestMeta>,
): Promise<WalletDto> {
  const name = input.name.trim();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: fiatWallets.name, locked: fiatWallets.locked })
      .from(fiatWallets)
      .where(
        and(
          eq(fiatWallets.id, input.walletId),
          inScope(fiatWallets, scope),
          ne(fiatWallets.status, "deleted"),
        ),
      )
      .for("update")
      .limit(1);
    if (!before) throw new NotFoundError("Wallet not found");
    const changed = [before.name !== name && "name", before.locked !== input.locked && "locked"].filter(Boolean) as string[];
    if (changed.length === 0) return;
    await tx
      .update(fiatWallets)
      .set({ name, locked: input.locked, updatedAt: sql`now()` })
      .where(and(eq(fiatWallets.id, input.walletId), inScope(fiatWallets, scope)));
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: input.locked !== before.locked ? (input.locked ? "wallet.lock" : "wallet.unlock") : "wallet.update",
      targetType: "fiat_wallet",
      targetId: input.walletId,
      metadata: { changed, ...(changed.includes("name") ? { from: before.name, to: name } : {}) },
    });
  });
  return getWallet(db, scope, input.walletId);
}
