/**
 * M4 — property test: random sequences of engine collections and payouts (each created through
 * lib/engine and then settled SUCCESSFUL or FAILED), transfers (specific / entire, fresh or
 * reused idempotency keys, concurrent bursts), payouts and lock toggles. After every step the
 * wallet equals a simple model; at the end every balance equals the sum of its ledger entries,
 * no balance is negative, every ledger transaction sums to zero, and the wallets' total equals
 * external credits minus external debits.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { fiatWallets, ledgerEntries } from "@/lib/db/schema";
import { ConflictError, ValidationError } from "@/lib/auth/errors";
import { transferDepositBalance } from "@/lib/wallets/transfer-deposit-balance";
import { updateWallet } from "@/lib/wallets/manage-wallet";
import { walletLedgerSums } from "./ledger";
import { createIntegrator, createTestWallet, makeScope, readWallet, unbalancedLedgerTransactions } from "@/lib/wallets/test-fixtures";
import { createCollection } from "@/lib/engine/create-collection";
import { createPayout } from "@/lib/engine/create-payout";
import { advanceTransaction } from "@/lib/engine/advance-transaction";
import { computeFee } from "@/lib/engine/fees";
import { fastSandbox, startEngineJobs, stopEngineJobs } from "@/lib/engine/testing/engine-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";

fastSandbox();
const KES_PAYOUT_FEE = { percentBps: 100, flat: 1_500n, minFee: 1_500n, maxFee: 30_000n, maxAmount: 25_000_000n };

process.env.DATABASE_POOL_SIZE ??= "24";

type Outcome = "SUCCESSFUL" | "FAILED";
type Cmd =
  | { t: "collect"; amount: bigint; outcome: Outcome }
  | { t: "transfer"; amount: bigint | null; reuse: "none" | "same" | "other" }
  | { t: "burst"; amount: bigint; k: number }
  | { t: "payout"; amount: bigint; outcome: Outcome }
  | { t: "lock"; locked: boolean };

const amountArb = fc.bigInt({ min: 1n, max: 60_000n });
/** Engine amounts: whole shillings (what a person types), KES 20–600. */
const engineAmountArb = fc.bigInt({ min: 20n, max: 600n }).map((n) => n * 100n);
const outcomeArb = fc.constantFrom<Outcome>("SUCCESSFUL", "SUCCESSFUL", "FAILED");
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant("collect" as const), amount: engineAmountArb, outcome: outcomeArb }) },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant("transfer" as const),
      amount: fc.option(amountArb, { nil: null, freq: 4 }),
      reuse: fc.constantFrom("none" as const, "none" as const, "same" as const, "other" as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("burst" as const), amount: fc.bigInt({ min: 1n, max: 20_000n }), k: fc.integer({ min: 2, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant("payout" as const), amount: engineAmountArb, outcome: outcomeArb }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant("lock" as const), locked: fc.boolean() }) },
);

describe.each(testEngines())("M4 ledger property on %s", (engine) => {
  const t = withTestDb(engine);
  let jobs: JobsRuntime | undefined;
  // The engine enqueues its jobs; nothing works them here: each transaction is settled by the test.
  beforeAll(async () => {
    jobs = await startEngineJobs(t.current.opened, { workers: false });
  });
  afterAll(() => stopEngineJobs(jobs));

  it("every balance equals the sum of its ledger entries and is never negative", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    let runs = 0;

    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: 0n, max: 100_000n }), fc.array(cmdArb, { minLength: 1, maxLength: 25 }), async (opening, cmds) => {
        runs++;
        const walletId = await createTestWallet(t.db, scope, { deposit: opening, payout: 0n, name: `Prop ${runs}` });
        const model = { deposit: opening, payout: 0n, locked: false };
        const state: { last: { key: string; amount: bigint | null; result: unknown } | null } = { last: null };

        for (const c of cmds) {
          if (c.t === "collect" || c.t === "payout") {
            const amount = (c.amount / 100n).toString();
            const call: Promise<{ id: string; walletAmount: string }> =
              c.t === "collect"
                ? createCollection(t.db, scope, { walletId, phoneNumber: "0712345678", amount, idempotencyKey: randomUUID() })
                : createPayout(t.db, scope, { walletId, channel: "MOBILE_MONEY", phoneNumber: "0712345678", amount, idempotencyKey: randomUUID() });
            // The seeded KES rules, which the wallet bears on payouts and the customer on collections.
            const debit = c.amount + computeFee(KES_PAYOUT_FEE, c.amount, "KES");
            if (model.locked) {
              await expect(call).rejects.toThrow(/locked/);
            } else if (c.t === "payout" && model.payout < debit) {
              await expect(call).rejects.toThrow(/^Insufficient payout balance/);
            } else {
              const created = await call;
              const walletAmount = BigInt(created.walletAmount);
              expect(walletAmount).toBe(c.t === "payout" ? debit : c.amount);
              if (c.t === "payout") model.payout -= walletAmount;
              await t.db.transaction((tx) => advanceTransaction(tx, { integratorId: scope.integratorId, transactionId: created.id, to: c.outcome }));
              if (c.t === "payout" && c.outcome === "FAILED") model.payout += walletAmount;
              if (c.t === "collect" && c.outcome === "SUCCESSFUL") model.deposit += walletAmount;
            }
          } else if (c.t === "lock") {
            await updateWallet(t.db, scope, { walletId, name: `Prop ${runs}`, locked: c.locked });
            model.locked = c.locked;
          } else if (c.t === "transfer") {
            const prev = state.last;
            const replay: boolean = c.reuse !== "none" && prev !== null;
            const key: string = replay && prev ? prev.key : randomUUID();
            const amount: bigint | null = c.reuse === "same" && prev ? prev.amount : c.amount;
            const call = transferDepositBalance(t.db, scope, { walletId, amount: amount ?? undefined, idempotencyKey: key });
            if (replay && c.reuse === "same") {
              // Same key, same request: the first answer, whatever the wallet looks like now.
              expect(await call).toEqual(prev!.result);
            } else if (replay && amount !== prev!.amount) {
              await expect(call).rejects.toThrow(ConflictError);
            } else if (replay) {
              expect(await call).toEqual(prev!.result);
            } else {
              const want = amount ?? model.deposit;
              if (model.locked) {
                await expect(call).rejects.toThrow(/locked/);
              } else if (want === 0n || want > model.deposit) {
                await expect(call).rejects.toThrow(ValidationError);
              } else {
                const res = await call;
                expect(BigInt(res.amount)).toBe(want);
                model.deposit -= want;
                model.payout += want;
                expect(res.depositBalance).toBe(model.deposit.toString());
                expect(res.payoutBalance).toBe(model.payout.toString());
                state.last = { key, amount, result: res };
              }
            }
          } else {
            // k concurrent transfers of the same amount with distinct keys.
            const results = await Promise.allSettled(
              Array.from({ length: c.k }, () => transferDepositBalance(t.db, scope, { walletId, amount: c.amount, idempotencyKey: randomUUID() })),
            );
            const ok = results.filter((r) => r.status === "fulfilled").length;
            const expected = model.locked ? 0 : Math.min(c.k, Number(model.deposit / c.amount));
            expect(ok).toBe(expected);
            model.deposit -= BigInt(ok) * c.amount;
            model.payout += BigInt(ok) * c.amount;
          }
          const now = await readWallet(t.db, walletId);
          expect({ deposit: now.deposit, payout: now.payout }).toEqual({ deposit: model.deposit, payout: model.payout });
          expect(now.deposit >= 0n && now.payout >= 0n).toBe(true);
        }

        expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: model.deposit, payout: model.payout });
        const negativeAfter = await t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(ledgerEntries)
          .where(and(eq(ledgerEntries.walletId, walletId), sql`(${ledgerEntries.depositBalanceAfter} < 0 or ${ledgerEntries.payoutBalanceAfter} < 0)`));
        expect(Number(negativeAfter[0].n)).toBe(0);
      }),
      { numRuns: engine === "postgres" ? 40 : 25, seed: engine === "postgres" ? 4242 : undefined },
    );

    // Across all wallets of the integrator: nothing unbalanced, and Σ balances = −Σ external entries.
    expect(await unbalancedLedgerTransactions(t.db, integrator.id)).toEqual([]);
    const [wallets] = await t.db
      .select({ total: sql<string>`(coalesce(sum(${fiatWallets.depositBalance} + ${fiatWallets.payoutBalance}), 0))::text` })
      .from(fiatWallets)
      .where(eq(fiatWallets.integratorId, integrator.id));
    const [external] = await t.db
      .select({ total: sql<string>`(coalesce(sum(${ledgerEntries.amount}), 0))::text` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.integratorId, integrator.id), isNull(ledgerEntries.walletId)));
    expect(BigInt(wallets.total)).toBe(-BigInt(external.total));
    expect(runs).toBeGreaterThan(0);
  });
});
