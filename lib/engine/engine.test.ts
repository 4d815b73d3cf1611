import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { customers, fiatWallets, ledgerTransactions, outboxEvents, transactions, transactionStatusHistory } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { walletLedgerSums } from "@/lib/ledger/ledger";
import { createIntegrator, createTestWallet, makeScope, readWallet, unbalancedLedgerTransactions, walletTransactionCounts } from "@/lib/wallets/test-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { fakeJob, fastSandbox, startEngineJobs, statusOf, stopEngineJobs, waitForFinal } from "./testing/engine-fixtures";
import { createPayout } from "./create-payout";
import { createCollection } from "./create-collection";
import { cancelTransaction } from "./cancel-transaction";
import { decidePayoutApproval, SELF_APPROVAL_MESSAGE } from "./decide-payout-approval";
import { setApprovalThreshold } from "./approval-thresholds";
import { advanceTransaction } from "./advance-transaction";
import { expireJob, settleJob } from "./jobs";
import { cancelOfframp } from "./cancel-offramp";
import { retryOfframpRefund, REFUND_RETRY_LIMIT } from "./retry-offramp-refund";
import { quotePayout } from "./quote-payout";

fastSandbox();
process.env.DATABASE_POOL_SIZE ??= "24";

const send = (phone: string, amount: string, extra: Record<string, unknown> = {}) => ({
  channel: "MOBILE_MONEY" as const,
  phoneNumber: phone,
  amount,
  idempotencyKey: randomUUID(),
  ...extra,
});

describe.each(testEngines())("money engine on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;

  beforeAll(async () => {
    rt = await startEngineJobs(t.current.opened);
  });
  afterAll(async () => {
    await stopEngineJobs(rt);
  });

  async function setup(opts: { payout?: bigint; deposit?: bigint } = {}) {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    const walletId = await createTestWallet(t.db, scope, { payout: opts.payout ?? 1_000_000n, deposit: opts.deposit ?? 0n });
    return { scope, walletId, integratorId: integrator.id };
  }

  it("a payout debits amount + fee at creation, settles SUCCESSFUL, and the ledger matches the balance", async () => {
    const { scope, walletId } = await setup({ payout: 1_000_000n });
    const res = await createPayout(t.db, scope, send("0700000001", "150"));
    // KES payout mobile money: 1% + KES 15, min 15 → 1.50 + 15 = 16.50 → rounded to whole KES 17.
    expect(res).toMatchObject({ status: "PENDING", amount: "15000", fee: "1700", walletAmount: "16700", payoutBalance: String(1_000_000 - 16_700), replayed: false });
    expect(res.referenceNumber).toBeGreaterThan(50_000_000);
    expect(res.referenceId).toMatch(/^[A-Za-z0-9]{8}$/);
    expect((await readWallet(t.db, walletId)).payout).toBe(1_000_000n - 16_700n);

    const final = await waitForFinal(t.db, [res.id]);
    expect(final.get(res.id)).toBe("SUCCESSFUL");
    expect((await readWallet(t.db, walletId)).payout).toBe(1_000_000n - 16_700n);
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 0n, payout: 1_000_000n - 16_700n });
    expect(await unbalancedLedgerTransactions(t.db, scope.integratorId)).toEqual([]);

    const history = await t.db.select({ status: transactionStatusHistory.status }).from(transactionStatusHistory).where(eq(transactionStatusHistory.transactionId, res.id)).orderBy(asc(transactionStatusHistory.id));
    expect(history.map((h) => h.status)).toEqual(["PENDING", "PENDING", "SUCCESSFUL"]); // created, sent to the network, settled
    const events = await t.db.select().from(outboxEvents).where(eq(outboxEvents.transactionId, res.id)).orderBy(asc(outboxEvents.id));
    expect(events.map((e) => e.event)).toEqual(Array(2).fill("transaction.withdrawal.status.updated"));
    expect(events[1]!.payload).toMatchObject({ status: "SUCCESSFUL", referenceId: res.referenceId, amount: 150, transactionCost: 17, transactionAmount: 150, walletId });
    const [row] = await t.db.select().from(transactions).where(eq(transactions.id, res.id));
    expect(row!.telcoId).toMatch(/^[A-Z0-9]{10}$/);
    expect(row!.provider).toBe("SANDBOX");
  });

  it("the simulator's outcome table: one payout per test number", async () => {
    const { scope, walletId } = await setup({ payout: 10_000_000n });
    const table: [string, string, string | null][] = [
      ["0700000001", "SUCCESSFUL", null],
      ["0700000002", "SUCCESSFUL", null],
      ["0700000010", "FAILED", "INSUFFICIENT_FUNDS"],
      ["0700000011", "FAILED", "ACCOUNT_NOT_FOUND"],
      ["0700000012", "FAILED", "LIMIT_EXCEEDED"],
      ["0700000013", "CANCELLED", "CANCELLED_BY_CUSTOMER"],
      ["0700000021", "SUCCESSFUL", null],
      ["0712345678", "SUCCESSFUL", null],
    ];
    const created = [];
    for (const [phone] of table) created.push(await createPayout(t.db, scope, send(phone, "100")));
    const never = await createPayout(t.db, scope, send("0700000020", "100"));
    const final = await waitForFinal(t.db, created.map((c) => c.id));
    for (const [i, [phone, status, code]] of table.entries()) {
      const [row] = await t.db.select().from(transactions).where(eq(transactions.id, created[i]!.id));
      expect([phone, row!.status, row!.errorCode]).toEqual([phone, status, code]);
      expect(final.get(created[i]!.id)).toBe(status);
    }
    // …020 never settles: still PENDING (sent to the network) after the others, even the slow …021, are final.
    expect(await statusOf(t.db, never.id)).toBe("PENDING");
    const [sent] = await t.db.select({ ref: transactions.providerReference }).from(transactions).where(eq(transactions.id, never.id));
    expect(sent!.ref).toMatch(/^SBX-/);
    // Failed and cancelled ones gave their debit back: 4 payouts × (100 + 16 fee) remain debited + …020's.
    const debit = 11_600n;
    expect((await readWallet(t.db, walletId)).payout).toBe(10_000_000n - debit * 5n);
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 0n, payout: 10_000_000n - debit * 5n });
    const counts = await walletTransactionCounts(t.db, walletId);
    expect(counts.stored).toBe(counts.counted);
  });

  it("a failure to a payout reverses the debit, and the same failure delivered twice reverses once", async () => {
    const { scope, walletId } = await setup({ payout: 500_000n });
    const before = (await readWallet(t.db, walletId)).payout;
    const res = await createPayout(t.db, scope, send("0700000020", "1000"));
    const data = { integratorId: scope.integratorId, transactionId: res.id, status: "FAILED" as const, errorCode: "X", errorMessage: "network says no", telcoId: null };
    await settleJob.handler({ db: t.db, data, job: fakeJob("engine.settle") });
    const again = await settleJob.handler({ db: t.db, data, job: fakeJob("engine.settle") }); // a second delivery: another job id
    expect(again).toMatchObject({ ran: true, value: { applied: false } });
    const job = fakeJob("engine.settle");
    await settleJob.handler({ db: t.db, data, job });
    expect(await settleJob.handler({ db: t.db, data, job })).toEqual({ ran: false }); // the same job re-run
    expect(await statusOf(t.db, res.id)).toBe("FAILED");
    expect((await readWallet(t.db, walletId)).payout).toBe(before);
    const reversals = await t.db.select().from(ledgerTransactions).where(and(eq(ledgerTransactions.integratorId, scope.integratorId), eq(ledgerTransactions.kind, "payout_reversal")));
    expect(reversals).toHaveLength(1);
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 0n, payout: before });
  });

  it("refuses a payout above the payout balance, naming both figures; nothing is created or moved", async () => {
    const { scope, walletId } = await setup({ payout: 120_000n });
    const err = await createPayout(t.db, scope, send("0700000001", "1500")).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toBe("Insufficient payout balance: KES 1,200.00 available, KES 1,530.00 needed");
    expect(err.fieldErrors).toEqual({ amount: [err.message] });
    expect((await readWallet(t.db, walletId)).payout).toBe(120_000n);
    expect(await countTx(scope.integratorId)).toBe(0);
    expect(await t.db.select().from(customers).where(eq(customers.integratorId, scope.integratorId))).toEqual([]);
  });

  it("refuses bad input with a field message, and creates nothing", async () => {
    const { scope, walletId } = await setup({ payout: 100_000_000n });
    const other = await setup();
    const otherCustomer = await createCollection(t.db, other.scope, { phoneNumber: "0712000001", amount: "10", idempotencyKey: randomUUID() });
    const [oc] = await t.db.select({ customerId: transactions.customerId }).from(transactions).where(eq(transactions.id, otherCustomer.id));
    const cases: [Record<string, unknown>, string, string][] = [
      [{ amount: "0" }, "amount", "Amount must be greater than zero"],
      [{ amount: "-5" }, "amount", "Enter a number, like 1000 or 1000.50"],
      [{ amount: "10.001" }, "amount", "KES allows at most 2 decimal places"],
      [{ amount: "250000.01" }, "amount", "The most one payout can move is KES 250,000.00"],
      [{ phoneNumber: "0123" }, "phoneNumber", "This is not a valid Kenya phone number (e.g. 0712 345 678)"],
      [{ phoneNumber: "+256 772 123456" }, "phoneNumber", "This is not a valid Kenya phone number (e.g. 0712 345 678)"],
      [{ network: "MTN" }, "network", "MTN is not a mobile network in Kenya"],
      [{ phoneNumber: undefined, customerId: oc!.customerId }, "customerId", "Customer not found"],
      [{ channel: "BANK", phoneNumber: undefined, bankCode: "999", accountNumber: "12345678", accountName: "Jane" }, "bankCode", "Choose a bank from the list"],
    ];
    for (const [patch, field, message] of cases) {
      const err = await createPayout(t.db, scope, { ...send("0700000001", "100"), ...patch } as never).catch((e) => e);
      expect(err, JSON.stringify(patch)).toBeInstanceOf(ValidationError);
      expect([field, err.fieldErrors?.[field]?.[0]]).toEqual([field, message]);
    }
    // A reference reused with other details is a conflict; with the same details, the same payout.
    const first = await createPayout(t.db, scope, send("0700000001", "100", { referenceId: "order-77" }));
    const same = await createPayout(t.db, scope, send("0700000001", "100", { referenceId: "order-77" }));
    expect(same).toMatchObject({ id: first.id, replayed: true });
    const err = await createPayout(t.db, scope, send("0700000001", "101", { referenceId: "order-77" })).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.fieldErrors).toEqual({ referenceId: ["The reference order-77 is already used by another payout with different details"] });
    expect(await countTx(scope.integratorId)).toBe(1);
    expect((await readWallet(t.db, walletId)).payout).toBe(100_000_000n - 11_600n);
    // Production has no provider: refused, never faked.
    const prod = makeScope(scope.integratorId, { environment: "production" });
    await expect(createPayout(t.db, prod, send("0700000001", "100"))).rejects.toThrow("Production payments need a provider connection");
    await expect(createCollection(t.db, prod, { phoneNumber: "0700000001", amount: "100", idempotencyKey: randomUUID() })).rejects.toThrow(
      "Production payments need a provider connection",
    );
  });

  it("one idempotency key is one payout: repeats and concurrent twins get the first", async () => {
    const { scope, walletId } = await setup({ payout: 1_000_000n });
    const input = send("0700000001", "200");
    const results = await Promise.all(Array.from({ length: 8 }, () => createPayout(t.db, scope, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await countTx(scope.integratorId)).toBe(1);
    expect((await readWallet(t.db, walletId)).payout).toBe(1_000_000n - 21_700n);
    await expect(createPayout(t.db, scope, { ...input, amount: "201" })).rejects.toBeInstanceOf(ConflictError);
  });

  it("50 concurrent payouts on one wallet never overdraw; the debits add up to the balance drop", async () => {
    // Room for exactly 30 payouts of KES 100 (+ KES 16 fee).
    const { scope, walletId } = await setup({ payout: 30n * 11_600n + 5_000n });
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => createPayout(t.db, scope, send("0700000020", "100"))));
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[];
    expect(ok).toHaveLength(30);
    expect(refused.every((r) => r.reason instanceof ValidationError && /^Insufficient payout balance/.test(r.reason.message))).toBe(true);
    const w = await readWallet(t.db, walletId);
    expect(w.payout).toBe(5_000n);
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 0n, payout: 5_000n });
    expect(await countTx(scope.integratorId)).toBe(30);
    expect(await unbalancedLedgerTransactions(t.db, scope.integratorId)).toEqual([]);
  });

  it("a successful collection credits the deposit balance by the amount (the customer pays the fee), or amount − fee when the wallet pays", async () => {
    const { scope, walletId } = await setup({ payout: 0n, deposit: 0n });
    const res = await createCollection(t.db, scope, { phoneNumber: "+254 700 000 001", amount: "1,000", idempotencyKey: randomUUID() });
    // KES collection: 1.5% → 15 (min 10).
    expect(res).toMatchObject({ status: "PENDING", amount: "100000", fee: "1500", transactionAmount: "101500", walletAmount: "100000" });
    expect((await readWallet(t.db, walletId)).deposit).toBe(0n);
    expect((await waitForFinal(t.db, [res.id])).get(res.id)).toBe("SUCCESSFUL");
    expect((await readWallet(t.db, walletId)).deposit).toBe(100_000n);

    await t.db.update(fiatWallets).set({ collectionFeeBearer: "WALLET" }).where(eq(fiatWallets.id, walletId));
    const res2 = await createCollection(t.db, scope, { phoneNumber: "0700000002", amount: "1000", idempotencyKey: randomUUID() });
    expect(res2).toMatchObject({ transactionAmount: "100000", walletAmount: "98500" });
    const failed = await createCollection(t.db, scope, { phoneNumber: "0700000010", amount: "1000", idempotencyKey: randomUUID() });
    const final = await waitForFinal(t.db, [res2.id, failed.id]);
    expect([final.get(res2.id), final.get(failed.id)]).toEqual(["SUCCESSFUL", "FAILED"]);
    expect((await readWallet(t.db, walletId)).deposit).toBe(198_500n);
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 198_500n, payout: 0n });
    const events = await t.db.select().from(outboxEvents).where(eq(outboxEvents.transactionId, failed.id)).orderBy(asc(outboxEvents.id));
    expect(events.at(-1)).toMatchObject({ event: "transaction.deposit.status.updated" });
    expect(events.at(-1)!.payload).toMatchObject({ status: "FAILED", error_code: "INSUFFICIENT_FUNDS", reference_id: failed.referenceId });
    // The typed number became one customer, found again by the second collection in any format.
    const list = await t.db.select().from(customers).where(eq(customers.integratorId, scope.integratorId));
    expect(list.map((c) => c.phoneNumber).sort()).toEqual(["+254700000001", "+254700000002", "+254700000010"]);
  });

  it("cancel while pending gives the debit back once; a final transaction cannot be cancelled; expiry reverses a payout that never settles", async () => {
    const { scope, walletId } = await setup({ payout: 1_000_000n });
    const a = await createPayout(t.db, scope, send("0700000020", "500"));
    const res = await cancelTransaction(t.db, scope, { transactionId: a.id });
    expect(res.status).toBe("CANCELLED");
    await expect(cancelTransaction(t.db, scope, { transactionId: a.id })).rejects.toBeInstanceOf(ConflictError);
    expect((await readWallet(t.db, walletId)).payout).toBe(1_000_000n);

    const b = await createPayout(t.db, scope, send("0700000020", "500"));
    await expireJob.handler({ db: t.db, data: { integratorId: scope.integratorId, transactionId: b.id }, job: fakeJob("engine.expire") });
    expect(await statusOf(t.db, b.id)).toBe("EXPIRED");
    expect((await readWallet(t.db, walletId)).payout).toBe(1_000_000n);
    await expect(cancelTransaction(t.db, makeScope(randomUUID()), { transactionId: b.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 0n, payout: 1_000_000n });
  });

  it("approvals: at the threshold a payout waits with its debit reserved; no self-approval; rejection releases, approval settles", async () => {
    const { scope, walletId } = await setup({ payout: 2_000_000n });
    await setApprovalThreshold(t.db, scope, { currency: "KES", threshold: "1000" });
    const small = await createPayout(t.db, scope, send("0700000001", "999"));
    expect(small.status).toBe("PENDING");
    const big = await createPayout(t.db, scope, send("0700000001", "5000"));
    expect(big).toMatchObject({ status: "AWAITING_APPROVAL", walletAmount: "506500" });
    const q = await quotePayout(t.db, scope, { channel: "MOBILE_MONEY", amount: "5000" });
    expect(q).toMatchObject({ needsApproval: true, fee: "6500", totalDebit: "506500", approvalThreshold: "100000" });

    await expect(decidePayoutApproval(t.db, scope, { transactionId: big.id, decision: "approve" })).rejects.toThrow(SELF_APPROVAL_MESSAGE);
    await expect(decidePayoutApproval(t.db, scope, { transactionId: big.id, decision: "approve" })).rejects.toBeInstanceOf(ForbiddenError);
    const finance = makeScope(scope.integratorId, { userId: "finance-user", role: "Finance" } as never);
    const approved = await decidePayoutApproval(t.db, finance, { transactionId: big.id, decision: "approve" });
    expect(approved.status).toBe("PENDING");
    await expect(decidePayoutApproval(t.db, finance, { transactionId: big.id, decision: "reject", reason: "late" })).rejects.toBeInstanceOf(ConflictError);

    const rejected = await createPayout(t.db, scope, send("0700000001", "2000"));
    const before = (await readWallet(t.db, walletId)).payout;
    await decidePayoutApproval(t.db, finance, { transactionId: rejected.id, decision: "reject", reason: "Not on the invoice list" });
    expect(await statusOf(t.db, rejected.id)).toBe("DECLINED");
    expect((await readWallet(t.db, walletId)).payout).toBe(before + 203_500n); // KES 2,000 + KES 35 fee

    const final = await waitForFinal(t.db, [big.id, small.id]);
    expect(final.get(big.id)).toBe("SUCCESSFUL");
    expect((await readWallet(t.db, walletId)).payout).toBe(2_000_000n - 506_500n - 102_400n); // 5,000 + 65 and 999 + 25
    expect(await walletLedgerSums(t.db, walletId)).toEqual({ deposit: 0n, payout: 2_000_000n - 506_500n - 102_400n });
  });

  it("never touches seeded history: a transaction without an origin does not advance", async () => {
    const { scope, walletId } = await setup();
    const id = randomUUID();
    await t.db.insert(transactions).values({
      id, integratorId: scope.integratorId, environment: "sandbox", kind: "payout", channel: "MOBILE_MONEY", referenceId: "seeded-1", referenceNumber: 12_000_000,
      status: "PENDING", country: "KE", currency: "KES", amount: 100n, transactionAmount: 100n, walletId, walletAmount: 100n,
    });
    const r = await t.db.transaction((tx) => advanceTransaction(tx, { integratorId: scope.integratorId, transactionId: id, to: "FAILED" }));
    expect(r).toBeNull();
    expect(await statusOf(t.db, id)).toBe("PENDING");
    await expect(cancelTransaction(t.db, scope, { transactionId: id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("offramp: cancel only while PENDING; retry refund from REFUND_FAILED up to the limit, then REVERSED", async () => {
    const { scope } = await setup();
    const offramp = async (status: string) => {
      const id = randomUUID();
      await t.db.insert(transactions).values({
        id, integratorId: scope.integratorId, environment: "sandbox", kind: "offramp", channel: "MOBILE_MONEY", referenceId: `off-${id.slice(0, 8)}`,
        referenceNumber: 12_000_001, status, country: "KE", currency: "KES", amount: 100n, transactionAmount: 100n, chain: "CELO", token: "CUSD", cryptoAmount: "1000000",
      });
      return id;
    };
    const pending = await offramp("PENDING");
    expect((await cancelOfframp(t.db, scope, { transactionId: pending })).status).toBe("CANCELLED");
    await expect(cancelOfframp(t.db, scope, { transactionId: pending })).rejects.toBeInstanceOf(ConflictError);

    const failedRefund = await offramp("REFUND_FAILED");
    const r = await retryOfframpRefund(t.db, scope, { transactionId: failedRefund });
    expect(r).toMatchObject({ status: "REFUND_PENDING", retries: 1 });
    await waitForStatus(failedRefund, "REVERSED");
    const [row] = await t.db.select().from(transactions).where(eq(transactions.id, failedRefund));
    expect(row).toMatchObject({ refundStatus: "SUCCESSFUL" });
    expect(row!.refundTxHash).toMatch(/^0x[0-9a-f]{64}$/);
    const events = await t.db.select({ event: outboxEvents.event }).from(outboxEvents).where(eq(outboxEvents.transactionId, failedRefund));
    expect(events.map((e) => e.event)).toContain("refund.completed");

    const exhausted = await offramp("REFUND_FAILED");
    await t.db.update(transactions).set({ metadata: { refundRetries: REFUND_RETRY_LIMIT } }).where(eq(transactions.id, exhausted));
    await expect(retryOfframpRefund(t.db, scope, { transactionId: exhausted })).rejects.toThrow(/already retried 5 times/);
  });

  async function countTx(integratorId: string): Promise<number> {
    const [r] = await t.db.select({ n: sql<number>`count(*)::int` }).from(transactions).where(eq(transactions.integratorId, integratorId));
    return Number(r!.n);
  }

  async function waitForStatus(id: string, status: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await statusOf(t.db, id)) !== status) {
      if (Date.now() > deadline) throw new Error(`${id} not ${status}: ${await statusOf(t.db, id)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
});
