/**
 * Small fixtures for the wallet tests and the transfer benchmark: an integrator, a scope object
 * for one of its users, and wallets whose balances come from ledger transactions (opening
 * balance, collections, payouts) written with the same conventions as the demo seed.
 * Not for the app: nothing under app/ imports this.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { MemberScope, Scope } from "@/lib/auth/scope";
import { testScope } from "@/lib/auth/test-scope";
import type { Permission } from "@/lib/auth/permissions";
import { fiatWallets, integratorMarkets, integrators, ledgerTransactions, users, type Environment } from "@/lib/db/schema";
import type { Market } from "@/lib/markets";
import { insertLedgerEntries } from "@/lib/ledger/ledger";
import { requestHash } from "@/lib/ledger/idempotency";

export async function createIntegrator(
  db: Db,
  opts: { organization?: string; markets?: Market[]; environments?: Environment[] } = {},
): Promise<{ id: string; markets: Market[] }> {
  const markets = opts.markets ?? [{ country: "KE", currency: "KES" }];
  const [row] = await db
    .insert(integrators)
    .values({ organization: opts.organization ?? `Test Org ${randomUUID().slice(0, 8)}`, email: `${randomUUID()}@test.invalid`, countryCode: "KE" })
    .returning({ id: integrators.id });
  // The user makeScope() names as the member (created_by columns reference users).
  await db.insert(users).values({ id: `user-${row.id.slice(0, 8)}`, email: `${randomUUID()}@test.invalid`, name: "Test Owner" }).onConflictDoNothing();
  for (const environment of opts.environments ?? (["sandbox", "production"] as Environment[])) {
    await db
      .insert(integratorMarkets)
      .values(markets.map((m, i) => ({ integratorId: row.id, environment, country: m.country, currency: m.currency, isDefault: i === 0 })));
  }
  return { id: row.id, markets };
}

export function makeScope(
  integratorId: string,
  opts: { environment?: Environment; market?: Market; markets?: Market[]; permissions?: readonly Permission[]; userId?: string } = {},
): MemberScope {
  return testScope(integratorId, opts);
}

/** A wallet whose opening balances are a ledger transaction (external:opening → deposit/payout). */
export async function createTestWallet(
  db: Db,
  scope: Pick<Scope, "integratorId" | "environment">,
  opts: { currency?: string; country?: string | null; deposit?: bigint; payout?: bigint; name?: string; locked?: boolean; status?: "active" | "inactive" | "suspended" } = {},
): Promise<string> {
  const currency = opts.currency ?? "KES";
  const deposit = opts.deposit ?? 0n;
  const payout = opts.payout ?? 0n;
  return db.transaction(async (tx) => {
    const [w] = await tx
      .insert(fiatWallets)
      .values({
        integratorId: scope.integratorId,
        environment: scope.environment,
        name: opts.name ?? `My ${currency} Wallet`,
        currency,
        country: opts.country === undefined ? "KE" : opts.country,
        isPrimary: true,
        locked: opts.locked ?? false,
        status: opts.status ?? "active",
        depositBalance: deposit,
        payoutBalance: payout,
        ledgerTransactionCount: deposit > 0n || payout > 0n ? 1 : 0,
      })
      .returning({ id: fiatWallets.id });
    if (deposit > 0n || payout > 0n) {
      const [lt] = await tx
        .insert(ledgerTransactions)
        .values({
          integratorId: scope.integratorId,
          environment: scope.environment,
          kind: "opening_balance",
          currency,
          idempotencyKey: `opening:${w.id}`,
          requestHash: requestHash({ op: "opening", walletId: w.id }),
          response: { ok: true },
        })
        .returning({ id: ledgerTransactions.id });
      const entries = [];
      if (deposit > 0n) entries.push({ walletId: w.id, account: "deposit" as const, amount: deposit, depositBalanceAfter: deposit, payoutBalanceAfter: 0n });
      if (payout > 0n) entries.push({ walletId: w.id, account: "payout" as const, amount: payout, depositBalanceAfter: deposit, payoutBalanceAfter: payout });
      entries.push({ walletId: null, account: "external:opening" as const, amount: -(deposit + payout) });
      await insertLedgerEntries(tx, lt.id, { integratorId: scope.integratorId, environment: scope.environment, currency }, entries);
    }
    return w.id;
  });
}

/** A successful collection: the deposit balance rises, external:mpesa pays it. */
export async function creditDeposit(db: Db, scope: Pick<Scope, "integratorId" | "environment">, walletId: string, amount: bigint): Promise<void> {
  await db.transaction(async (tx) => {
    const [w] = await tx
      .update(fiatWallets)
      .set({
        depositBalance: sql`${fiatWallets.depositBalance} + ${amount.toString()}::bigint`,
        ledgerTransactionCount: sql`${fiatWallets.ledgerTransactionCount} + 1`,
      })
      .where(and(eq(fiatWallets.id, walletId), eq(fiatWallets.integratorId, scope.integratorId)))
      .returning();
    const [lt] = await tx
      .insert(ledgerTransactions)
      .values({
        integratorId: scope.integratorId,
        environment: scope.environment,
        kind: "collection",
        currency: w.currency,
        idempotencyKey: `collection:${randomUUID()}`,
        requestHash: "test",
        response: { ok: true },
      })
      .returning({ id: ledgerTransactions.id });
    await insertLedgerEntries(tx, lt.id, { integratorId: scope.integratorId, environment: scope.environment, currency: w.currency }, [
      { walletId, account: "deposit", amount, depositBalanceAfter: w.depositBalance, payoutBalanceAfter: w.payoutBalance },
      { walletId: null, account: "external:mpesa", amount: -amount },
    ]);
  });
}

/** A payout: the payout balance falls when it covers the amount (conditional update), else nothing happens. */
export async function debitPayout(db: Db, scope: Pick<Scope, "integratorId" | "environment">, walletId: string, amount: bigint): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [w] = await tx
      .update(fiatWallets)
      .set({
        payoutBalance: sql`${fiatWallets.payoutBalance} - ${amount.toString()}::bigint`,
        ledgerTransactionCount: sql`${fiatWallets.ledgerTransactionCount} + 1`,
      })
      .where(and(eq(fiatWallets.id, walletId), eq(fiatWallets.integratorId, scope.integratorId), sql`${fiatWallets.payoutBalance} >= ${amount.toString()}::bigint`))
      .returning();
    if (!w) return false;
    const [lt] = await tx
      .insert(ledgerTransactions)
      .values({
        integratorId: scope.integratorId,
        environment: scope.environment,
        kind: "payout",
        currency: w.currency,
        idempotencyKey: `payout:${randomUUID()}`,
        requestHash: "test",
        response: { ok: true },
      })
      .returning({ id: ledgerTransactions.id });
    await insertLedgerEntries(tx, lt.id, { integratorId: scope.integratorId, environment: scope.environment, currency: w.currency }, [
      { walletId, account: "payout", amount: -amount, depositBalanceAfter: w.depositBalance, payoutBalanceAfter: w.payoutBalance },
      { walletId: null, account: "external:mpesa", amount },
    ]);
    return true;
  });
}

export async function readWallet(db: Db, walletId: string): Promise<{ deposit: bigint; payout: bigint; locked: boolean }> {
  const [w] = await db
    .select({ deposit: fiatWallets.depositBalance, payout: fiatWallets.payoutBalance, locked: fiatWallets.locked })
    .from(fiatWallets)
    .where(eq(fiatWallets.id, walletId));
  return w;
}

/** The wallet's stored "Total Transactions" next to a count of the ledger transactions that moved it (must agree). */
export async function walletTransactionCounts(db: Db, walletId: string): Promise<{ stored: number; counted: number }> {
  const res = (await db.execute(sql`
    select w.ledger_transaction_count as stored,
           (select count(distinct ledger_transaction_id)::int from ledger_entries e where e.wallet_id = w.id) as counted
      from fiat_wallets w where w.id = ${walletId}`)) as unknown as { rows: { stored: number; counted: number }[] };
  return res.rows[0]!;
}

/** Per ledger transaction of the integrator: Σ entries (must all be 0). */
export async function unbalancedLedgerTransactions(db: Db, integratorId: string): Promise<{ id: string; sum: string }[]> {
  const res = (await db.execute(sql`
    select ledger_transaction_id as id, sum(amount)::text as sum from ledger_entries
    where integrator_id = ${integratorId} group by ledger_transaction_id having sum(amount) <> 0
  `)) as unknown as { rows: { id: string; sum: string }[] };
  return res.rows;
}
