import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { ledgerTransactions } from "@/lib/db/schema";
import { walletLedgerSums } from "@/lib/ledger/ledger";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { createIntegrator, createTestWallet, makeScope, readWallet, unbalancedLedgerTransactions } from "@/lib/wallets/test-fixtures";
import { fastSandbox, startEngineJobs, stopEngineJobs, waitForFinal } from "./testing/engine-fixtures";
import { createPayout } from "./create-payout";
import { createCollection } from "./create-collection";

fastSandbox();
process.env.DATABASE_POOL_SIZE ??= "24";

/**
 * Restart safety (issue 10): 100 transactions are pending when the server goes away — first with
 * nothing worked yet, then again while their jobs are half done. A new process finishes every one
 * exactly once, and every balance equals its ledger.
 */
describe.each(testEngines())("engine restart safety on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime | undefined;
  afterAll(() => stopEngineJobs(rt));

  it("100 pending transactions settle exactly once after a restart, and balances equal the ledger", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    const walletId = await createTestWallet(t.db, scope, { payout: 100_000_000n });
    const phones = ["0700000001", "0700000002", "0700000010", "0700000013", "0712345678"];

    // Process 1: accepts requests but dies before working a single job.
    rt = await startEngineJobs(t.current.opened, { workers: false });
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      const phone = phones[i % phones.length]!;
      const res =
        i % 2 === 0
          ? await createPayout(t.db, scope, { channel: "MOBILE_MONEY", phoneNumber: phone, amount: String(100 + i), idempotencyKey: randomUUID() })
          : await createCollection(t.db, scope, { phoneNumber: phone, amount: String(100 + i), idempotencyKey: randomUUID() });
      ids.push(res.id);
    }
    await stopEngineJobs(rt);

    // Process 2 works for a moment and is stopped abruptly mid-way (no grace period).
    rt = await startEngineJobs(t.current.opened);
    await new Promise((r) => setTimeout(r, 1200));
    await stopEngineJobs(rt);

    // Process 3 finishes everything.
    rt = await startEngineJobs(t.current.opened);
    const final = await waitForFinal(t.db, ids, 60_000);
    expect([...final.values()].every((s) => ["SUCCESSFUL", "FAILED", "CANCELLED"].includes(s))).toBe(true);

    // Exactly once: one debit per payout, at most one reversal, one credit per successful collection.
    const postings = await t.db
      .select({ kind: ledgerTransactions.kind, reference: ledgerTransactions.reference, n: sql<number>`count(*)::int` })
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.integratorId, scope.integratorId), sql`${ledgerTransactions.kind} in ('payout', 'payout_reversal', 'collection')`))
      .groupBy(ledgerTransactions.kind, ledgerTransactions.reference);
    expect(postings.every((p) => Number(p.n) === 1)).toBe(true);
    const count = (kind: string) => postings.filter((p) => p.kind === kind).length;
    const statuses = ids.map((id, i) => ({ kind: i % 2 === 0 ? "payout" : "collection", status: final.get(id)! }));
    expect(count("payout")).toBe(50);
    expect(count("payout_reversal")).toBe(statuses.filter((s) => s.kind === "payout" && s.status !== "SUCCESSFUL").length);
    expect(count("collection")).toBe(statuses.filter((s) => s.kind === "collection" && s.status === "SUCCESSFUL").length);

    const w = await readWallet(t.db, walletId);
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: w.deposit, payout: w.payout });
    expect(await unbalancedLedgerTransactions(t.db, scope.integratorId)).toEqual([]);
    // Every step recorded once: no duplicate timeline line.
    const dupes = await t.db.execute(sql`
      select transaction_id, status, note, count(*) from transaction_status_history
       where transaction_id in ${ids} group by 1, 2, 3 having count(*) > 1`);
    expect((dupes as unknown as { rows: unknown[] }).rows).toEqual([]);
  }, 120_000);
});
