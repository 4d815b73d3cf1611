import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { auditLogs, ledgerEntries, ledgerTransactions } from "@/lib/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { transferDepositBalance, TRANSFER_SUCCESS_MESSAGE } from "./transfer-deposit-balance";
import { walletLedgerSums } from "@/lib/ledger/ledger";
import { createIntegrator, createTestWallet, makeScope, readWallet, unbalancedLedgerTransactions, walletTransactionCounts } from "./test-fixtures";

// Enough pooled connections for real concurrency on PostgreSQL (read when the pool is created).
process.env.DATABASE_POOL_SIZE ??= "24";

async function countLedgerTx(db: Db, integratorId: string, kind = "transfer"): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.integratorId, integratorId), eq(ledgerTransactions.kind, kind)));
  return Number(rows[0].n);
}

async function settle<T>(promises: Promise<T>[]): Promise<{ ok: T[]; errors: unknown[] }> {
  const results = await Promise.allSettled(promises);
  return {
    ok: results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === "fulfilled").map((r) => r.value as T),
    errors: results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason),
  };
}

describe.each(testEngines())("transferDepositBalance on %s", (engine) => {
  const t = withTestDb(engine);

  async function setup(opts: { deposit?: bigint; payout?: bigint; locked?: boolean; status?: "active" | "inactive" | "suspended" } = {}) {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    const walletId = await createTestWallet(t.db, scope, { deposit: opts.deposit ?? 100_000n, payout: opts.payout ?? 0n, locked: opts.locked, status: opts.status });
    return { scope, walletId, integratorId: integrator.id };
  }

  it("moves a specific amount: two balanced entries with balances after, a stored response and an audit row", async () => {
    const { scope, walletId } = await setup({ deposit: 100_000n, payout: 500n });
    const key = randomUUID();
    const res = await transferDepositBalance(t.db, scope, { walletId, amount: 30_000n, idempotencyKey: key }, { ip: "203.0.113.9", userAgent: "vitest" });
    expect(res).toMatchObject({ message: TRANSFER_SUCCESS_MESSAGE, walletId, currency: "KES", amount: "30000", depositBalance: "70000", payoutBalance: "30500" });
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 70_000n, payout: 30_500n });

    const entries = await t.db.select().from(ledgerEntries).where(eq(ledgerEntries.ledgerTransactionId, res.ledgerTransactionId));
    expect(entries.map((e) => [e.account, e.amount, e.depositBalanceAfter, e.payoutBalanceAfter]).sort()).toEqual(
      [
        ["deposit", -30_000n, 70_000n, 30_500n],
        ["payout", 30_000n, 70_000n, 30_500n],
      ].sort(),
    );
    const [lt] = await t.db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, res.ledgerTransactionId));
    expect(lt).toMatchObject({ kind: "transfer", idempotencyKey: key, currency: "KES", createdBy: scope.principal.userId });
    expect(lt.response).toEqual(res);
    const audits = await t.db.select().from(auditLogs).where(and(eq(auditLogs.integratorId, scope.integratorId), eq(auditLogs.action, "wallet.transfer_deposit")));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ outcome: "success", targetId: walletId, ip: "203.0.113.9", actorUserId: scope.principal.userId });
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 70_000n, payout: 30_500n });
  });

  it("moves the entire deposit balance when the amount is left out, then refuses at 0", async () => {
    const { scope, walletId } = await setup({ deposit: 12_345n, payout: 5n });
    const res = await transferDepositBalance(t.db, scope, { walletId, idempotencyKey: randomUUID() });
    expect(res).toMatchObject({ amount: "12345", depositBalance: "0", payoutBalance: "12350" });
    await expect(transferDepositBalance(t.db, scope, { walletId, idempotencyKey: randomUUID() })).rejects.toThrow(
      "There is no deposit balance to transfer",
    );
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 1n, idempotencyKey: randomUUID() })).rejects.toThrow(
      "There is no deposit balance to transfer",
    );
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 0n, payout: 12_350n });
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 0n, payout: 12_350n });
  });

  it("refuses bad input and unavailable wallets with clear messages, and nothing moves", async () => {
    const { scope, walletId, integratorId } = await setup({ deposit: 1_000n });
    const key = () => randomUUID();
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 0n, idempotencyKey: key() })).rejects.toThrow("Amount must be greater than zero");
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: -5n, idempotencyKey: key() })).rejects.toThrow("Amount must be greater than zero");
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 10n ** 16n, idempotencyKey: key() })).rejects.toThrow("Amount is too large");
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 1_001n, idempotencyKey: key() })).rejects.toThrow(
      "Amount is more than the deposit balance (KES 10.00 available)",
    );
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 5n, idempotencyKey: "" })).rejects.toThrow("An idempotency key is required");
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 5n, idempotencyKey: "short" })).rejects.toThrow(ValidationError);
    await expect(transferDepositBalance(t.db, scope, { walletId: "nope", amount: 5n, idempotencyKey: key() })).rejects.toThrow(NotFoundError);

    const locked = await createTestWallet(t.db, scope, { deposit: 1_000n, locked: true, currency: "UGX", country: "UG" });
    await expect(transferDepositBalance(t.db, scope, { walletId: locked, amount: 5n, idempotencyKey: key() })).rejects.toThrow(/locked/);
    await expect(transferDepositBalance(t.db, scope, { walletId: locked, idempotencyKey: key() })).rejects.toThrow(/locked/);
    const inactive = await createTestWallet(t.db, scope, { deposit: 1_000n, status: "suspended", currency: "TZS", country: "TZ" });
    await expect(transferDepositBalance(t.db, scope, { walletId: inactive, amount: 5n, idempotencyKey: key() })).rejects.toThrow(
      new ConflictError("This wallet is suspended: transfers are not allowed."),
    );

    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 1_000n, payout: 0n });
    expect(await readWallet(t.db, locked)).toMatchObject({ deposit: 1_000n, payout: 0n });
    expect(await countLedgerTx(t.db, integratorId)).toBe(0);
    // Refusals are audited (outside the rolled-back transaction).
    const failures = await t.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.integratorId, integratorId), eq(auditLogs.outcome, "failure")));
    expect(failures.length).toBeGreaterThanOrEqual(4);
  });

  it("tenant isolation: a wallet of another integrator or environment is not found and nothing moves", async () => {
    const a = await setup({ deposit: 50_000n });
    const b = await setup({ deposit: 50_000n });
    await expect(transferDepositBalance(t.db, a.scope, { walletId: b.walletId, amount: 100n, idempotencyKey: randomUUID() })).rejects.toThrow(NotFoundError);
    await expect(transferDepositBalance(t.db, a.scope, { walletId: b.walletId, idempotencyKey: randomUUID() })).rejects.toThrow(NotFoundError);
    const production: Scope = { ...a.scope, environment: "production" };
    await expect(transferDepositBalance(t.db, production, { walletId: a.walletId, amount: 100n, idempotencyKey: randomUUID() })).rejects.toThrow(
      NotFoundError,
    );
    expect(await readWallet(t.db, a.walletId)).toMatchObject({ deposit: 50_000n, payout: 0n });
    expect(await readWallet(t.db, b.walletId)).toMatchObject({ deposit: 50_000n, payout: 0n });
    expect(await countLedgerTx(t.db, a.integratorId)).toBe(0);
    expect(await countLedgerTx(t.db, b.integratorId)).toBe(0);
    // Idempotency keys are per integrator: b may use a's key for its own transfer.
    const key = randomUUID();
    await transferDepositBalance(t.db, a.scope, { walletId: a.walletId, amount: 1n, idempotencyKey: key });
    const rb = await transferDepositBalance(t.db, b.scope, { walletId: b.walletId, amount: 2n, idempotencyKey: key });
    expect(rb.amount).toBe("2");
  });

  it("M2: the same key 20× concurrently and 10× in sequence → one ledger transaction, identical answers", async () => {
    const { scope, walletId, integratorId } = await setup({ deposit: 100_000n });
    const key = randomUUID();
    const { ok, errors } = await settle(Array.from({ length: 20 }, () => transferDepositBalance(t.db, scope, { walletId, amount: 2_500n, idempotencyKey: key })));
    expect(errors).toEqual([]);
    expect(ok).toHaveLength(20);
    for (const r of ok) expect(r).toEqual(ok[0]);
    for (let i = 0; i < 10; i++) expect(await transferDepositBalance(t.db, scope, { walletId, amount: 2_500n, idempotencyKey: key })).toEqual(ok[0]);
    expect(await countLedgerTx(t.db, integratorId)).toBe(1);
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 97_500n, payout: 2_500n });

    // Same key, another amount (or "entire") → refused, nothing moves.
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 2_501n, idempotencyKey: key })).rejects.toThrow(
      new ConflictError("This idempotency key was already used for a different transfer"),
    );
    await expect(transferDepositBalance(t.db, scope, { walletId, idempotencyKey: key })).rejects.toThrow(ConflictError);
    expect(await countLedgerTx(t.db, integratorId)).toBe(1);
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 97_500n, payout: 2_500n });
  });

  it("M2: the same key for 'entire deposit' 20× concurrently moves the deposit once", async () => {
    const { scope, walletId, integratorId } = await setup({ deposit: 77_777n });
    const key = randomUUID();
    const { ok, errors } = await settle(Array.from({ length: 20 }, () => transferDepositBalance(t.db, scope, { walletId, idempotencyKey: key })));
    expect(errors).toEqual([]);
    for (const r of ok) expect(r).toEqual(ok[0]);
    expect(ok[0].amount).toBe("77777");
    expect(await countLedgerTx(t.db, integratorId)).toBe(1);
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 0n, payout: 77_777n });
  });

  it("a failed transfer does not use up its key: after a refusal the same key can move money", async () => {
    const { scope, walletId } = await setup({ deposit: 1_000n });
    const key = randomUUID();
    await expect(transferDepositBalance(t.db, scope, { walletId, amount: 5_000n, idempotencyKey: key })).rejects.toThrow(ValidationError);
    const res = await transferDepositBalance(t.db, scope, { walletId, amount: 500n, idempotencyKey: key });
    expect(res.amount).toBe("500");
  });

  it("concurrent 'entire deposit' transfers with distinct keys: one moves everything, the others find nothing", async () => {
    const { scope, walletId } = await setup({ deposit: 90_000n });
    const { ok, errors } = await settle(Array.from({ length: 10 }, () => transferDepositBalance(t.db, scope, { walletId, idempotencyKey: randomUUID() })));
    expect(ok).toHaveLength(1);
    expect(ok[0].amount).toBe("90000");
    expect(errors).toHaveLength(9);
    for (const e of errors) expect((e as Error).message).toBe("There is no deposit balance to transfer");
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 0n, payout: 90_000n });
  });

  // M1, 20 rounds on PostgreSQL (PGlite serialises transactions: 2 rounds there prove the arithmetic).
  const rounds = engine === "postgres" ? 20 : 2;
  it(`M1: deposit 100000, 50 concurrent transfers of 3000 → 33 ok, 17 refused, ${rounds} rounds`, async () => {
    for (let round = 0; round < rounds; round++) {
      const { scope, walletId, integratorId } = await setup({ deposit: 100_000n, payout: 0n });
      // A reader running alongside: deposit + payout is 100000 on every read, never negative.
      let reading = true;
      const reads: { deposit: bigint; payout: bigint }[] = [];
      const reader = (async () => {
        while (reading) {
          reads.push(await readWallet(t.db, walletId));
          await new Promise((r) => setTimeout(r, 1));
        }
      })();
      const { ok, errors } = await settle(
        Array.from({ length: 50 }, () => transferDepositBalance(t.db, scope, { walletId, amount: 3_000n, idempotencyKey: randomUUID() })),
      );
      reading = false;
      await reader;

      expect(ok).toHaveLength(33);
      expect(errors).toHaveLength(17);
      for (const e of errors) {
        expect(e).toBeInstanceOf(ValidationError);
        expect((e as Error).message).toMatch(/^Amount is more than the deposit balance/);
      }
      expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 1_000n, payout: 99_000n });
      expect(reads.length).toBeGreaterThan(0);
      for (const r of reads) {
        expect(r.deposit + r.payout).toBe(100_000n);
        expect(r.deposit >= 0n && r.payout >= 0n).toBe(true);
      }
      // Every success left distinct balances-after: the transfers really were serialised on the row.
      expect(new Set(ok.map((r) => r.depositBalance)).size).toBe(33);
      expect(await countLedgerTx(t.db, integratorId)).toBe(33);
      expect(await unbalancedLedgerTransactions(t.db, integratorId)).toEqual([]);
      expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 1_000n, payout: 99_000n });
      const counts = await walletTransactionCounts(t.db, walletId);
      expect(counts.stored).toBe(counts.counted);
      const negative = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.walletId, walletId), sql`(${ledgerEntries.depositBalanceAfter} < 0 or ${ledgerEntries.payoutBalanceAfter} < 0)`));
      expect(Number(negative[0].n)).toBe(0);
    }
  });
});
