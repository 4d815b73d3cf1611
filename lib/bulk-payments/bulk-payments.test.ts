import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { auditLogs, bulkBatches, bulkItems, bulkUploads, transactions } from "@/lib/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { createIntegrator, createTestWallet, makeScope, readWallet, unbalancedLedgerTransactions } from "@/lib/wallets/test-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import type { AnyJob } from "@/lib/jobs/runtime";
import { fastSandbox, startEngineJobs, stopEngineJobs } from "@/lib/engine/testing/engine-fixtures";
import { advanceTransaction } from "@/lib/engine/advance-transaction";
import { setApprovalThreshold } from "@/lib/engine/approval-thresholds";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { bulkJobs } from "./jobs";
import { validateBulkFile } from "./validate-bulk-file";
import { confirmBulkUpload } from "./confirm-bulk-upload";
import { startBulkBatch } from "./start-bulk-batch";
import { cancelBulkBatch } from "./cancel-bulk-batch";
import { decideBulkBatch, SELF_BATCH_APPROVAL } from "./decide-bulk-batch";
import { retryFailedItems } from "./retry-failed-items";
import { dispatchBatch, itemIdempotencyKey, sendItem } from "./dispatch-batch";
import { BULK_COLUMNS, confirmBulkSchema, type BulkValidation } from "./schemas";

fastSandbox();
process.env.DATABASE_POOL_SIZE ??= "24";

const HEADER = BULK_COLUMNS.slice(0, 7).join(",");
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join("\r\n") + "\r\n");
let seq = 0;
const ref = () => `R${Date.now().toString(36)}${(seq++).toString(36)}`.toUpperCase();
const row = (name: string, phone: string, amount: string, currency: string, reference = ref()) =>
  `${name},${name.toLowerCase().replace(/\W+/g, ".")}@example.com,${phone},${amount.includes(",") ? `"${amount}"` : amount},${currency},${reference},Test payout`;

describe.each(testEngines())("bulk payments on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;
  beforeAll(async () => {
    rt = await startEngineJobs(t.current.opened, { also: bulkJobs as unknown as readonly AnyJob[] });
  });
  afterAll(() => stopEngineJobs(rt));

  async function setup(opts: { kes?: bigint; ugx?: bigint } = {}) {
    const markets = [
      { country: "KE", currency: "KES" },
      { country: "UG", currency: "UGX" },
    ];
    const integrator = await createIntegrator(t.db, { markets });
    const scope = makeScope(integrator.id, { markets });
    const kes = await createTestWallet(t.db, scope, { currency: "KES", country: "KE", payout: opts.kes ?? 10_000_000n });
    const ugx = await createTestWallet(t.db, scope, { currency: "UGX", country: "UG", payout: opts.ugx ?? 10_000_000n });
    return { scope, kes, ugx, integratorId: integrator.id };
  }

  const validate = (scope: Scope, bytes: Uint8Array, fileName = "payroll.csv") => validateBulkFile(t.db, scope, { fileName, bytes });
  const confirm = (scope: Scope, v: BulkValidation, wallets: Record<string, string>, extra: Record<string, unknown> = {}) =>
    confirmBulkUpload(
      t.db,
      scope,
      confirmBulkSchema.parse({
        uploadId: v.uploadId,
        name: "November payroll",
        walletSelections: Object.entries(wallets).map(([currency, walletId]) => ({ currency, walletId })),
        idempotencyKey: randomUUID(),
        ...extra,
      }),
    );

  async function waitForBatches(db: Db, ids: string[], timeoutMs = 40_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await db.select({ id: bulkBatches.id, status: bulkBatches.status }).from(bulkBatches).where(sql`${bulkBatches.id} in ${ids}`);
      if (rows.length === ids.length && rows.every((r) => !["pending", "processing", "awaiting_approval"].includes(r.status))) return new Map(rows.map((r) => [r.id, r.status]));
      if (Date.now() > deadline) throw new Error(`batches not final: ${JSON.stringify(rows)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const itemsOf = (batchId: string) => t.db.select().from(bulkItems).where(eq(bulkItems.batchId, batchId)).orderBy(bulkItems.rowNo);
  const count = async (table: typeof bulkUploads | typeof bulkBatches, integratorId: string) =>
    Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.integratorId, integratorId)))[0]!.n);

  it("a file with bad rows lists each error with its row and column, and creates nothing", async () => {
    const { scope, integratorId } = await setup();
    const v = await validate(
      scope,
      csv(row("Jane Doe", "+254700000001", "1500", "KES"), row("Bad Amount", "+254700000002", "1,000", "KES"), row("Rob Smith", "+256700000002", "50000", "UGX"), row("Foreign", "+255754123456", "100", "KES"), row("Amina Otieno", "+254700000001", "200", "KES")),
    );
    expect(v.isValid).toBe(false);
    expect(v.uploadId).toBeNull();
    expect(v.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "amount"],
      [5, "recipient_phone"],
    ]);
    expect(await count(bulkUploads, integratorId)).toBe(0);
    const [audit] = await t.db.select().from(auditLogs).where(and(eq(auditLogs.integratorId, integratorId), eq(auditLogs.action, "bulk_payment.uploaded")));
    expect(audit).toMatchObject({ outcome: "failure" });
  });

  it("a valid file: two batches (KES, UGX), processed; a failing row's debit is reversed; balances move by exactly the successful items", async () => {
    const { scope, kes, ugx, integratorId } = await setup();
    const file = csv(row("Jane Doe", "+254700000001", "1500", "KES"), row("Failing Payee", "+254700000010", "700", "KES"), row("Rob Smith", "+256700000002", "50000", "UGX"));
    const v = await validate(scope, file);
    expect(v.isValid).toBe(true);
    expect(v.currencyBreakdown.map((g) => [g.currency, g.recipients, g.totalAmount])).toEqual([
      ["KES", 2, "220000"],
      ["UGX", 1, "50000"],
    ]);
    expect(v.wallets.KES!.map((w) => w.id)).toEqual([kes]);

    const before = { kes: (await readWallet(t.db, kes)).payout, ugx: (await readWallet(t.db, ugx)).payout };
    const key = randomUUID();
    const input = { uploadId: v.uploadId, name: "November payroll", walletSelections: [{ currency: "KES", walletId: kes }, { currency: "UGX", walletId: ugx }], idempotencyKey: key };
    // A double click: the same key, at the same time → one upload.
    const [a, b] = await Promise.all([confirmBulkUpload(t.db, scope, confirmBulkSchema.parse(input)), confirmBulkUpload(t.db, scope, confirmBulkSchema.parse(input))]);
    expect(a.uploadId).toBe(b.uploadId);
    expect(a.batchIds.sort()).toEqual(b.batchIds.sort());
    expect(await count(bulkBatches, integratorId)).toBe(2);
    // Nothing is debited until an item is sent.
    expect((await readWallet(t.db, kes)).payout).toBe(before.kes);

    // Process twice, in two tabs: one start.
    for (const id of a.batchIds) {
      const [x, y] = await Promise.all([startBulkBatch(t.db, scope, { batchId: id }), startBulkBatch(t.db, scope, { batchId: id })]);
      expect([x.status, y.status]).toEqual(["processing", "processing"]);
    }
    const final = await waitForBatches(t.db, a.batchIds);
    const statuses = [...final.values()].sort();
    expect(statuses).toEqual(["completed", "completed_with_errors"]);

    const items = (await Promise.all(a.batchIds.map(itemsOf))).flat();
    expect(items.map((i) => [i.recipientName, i.status]).sort()).toEqual([
      ["Failing Payee", "FAILED"],
      ["Jane Doe", "SUCCESS"],
      ["Rob Smith", "SUCCESS"],
    ]);
    const failing = items.find((i) => i.recipientName === "Failing Payee")!;
    expect(failing.errorMessage).toBe("Insufficient funds in the customer's account");
    // Exactly one payout per item, typed BULK, pointing at its item.
    const payouts = await t.db.select().from(transactions).where(and(eq(transactions.integratorId, integratorId), eq(transactions.kind, "payout")));
    expect(payouts).toHaveLength(3);
    expect(new Set(payouts.map((p) => p.channel))).toEqual(new Set(["BULK"]));
    expect(payouts.map((p) => p.bulkItemId).sort()).toEqual(items.map((i) => i.id).sort());

    const spent = (currency: string) =>
      payouts.filter((p) => p.currency === currency && p.status === "SUCCESSFUL").reduce((s, p) => s + p.walletAmount!, 0n);
    expect((await readWallet(t.db, kes)).payout).toBe(before.kes - spent("KES"));
    expect((await readWallet(t.db, ugx)).payout).toBe(before.ugx - spent("UGX"));
    // KES 1,500 with its fee (1% + KES 15 = KES 30), borne by the wallet (the default payout billing).
    expect(spent("KES")).toBe(150_000n + 3_000n);
    expect(await unbalancedLedgerTransactions(t.db, integratorId)).toEqual([]);

    // The same file again: a duplicate, to be confirmed only with "Upload anyway".
    const again = await validate(scope, file);
    expect(again.isValid).toBe(false); // its references were paid
    expect(again.duplicateOf).toMatchObject({ uploadId: a.uploadId, name: "November payroll" });
  });

  /** A confirmed batch of KES rows, started by hand (status processing, no job queued) so a test drives the sending. */
  async function manualBatch(scope: Scope, kes: string, n: number, phone = "+254700000001") {
    const v = await validate(scope, csv(...Array.from({ length: n }, (_, i) => row(`Payee ${i}`, phone, String(100 + i), "KES"))));
    const { batchIds } = await confirm(scope, v, { KES: kes });
    await t.db.update(bulkBatches).set({ status: "processing" }).where(eq(bulkBatches.id, batchIds[0]!));
    const [batch] = await t.db.select().from(bulkBatches).where(eq(bulkBatches.id, batchIds[0]!));
    return batch!;
  }
  const payoutsOf = async (integratorId: string) =>
    t.db.select().from(transactions).where(and(eq(transactions.integratorId, integratorId), eq(transactions.kind, "payout")));

  it("exactly once: an item sent again (a re-run job, two jobs at once) is the same payout, debited once", async () => {
    const { scope, kes, integratorId } = await setup();
    const before = (await readWallet(t.db, kes)).payout;
    const batch = await manualBatch(scope, kes, 3);
    const [first] = await itemsOf(batch.id);
    // Two jobs racing on the same item, then a third run with the item as it was read before.
    const [x, y] = await Promise.all([sendItem(t.db, batch, first!), sendItem(t.db, batch, first!)]);
    expect([x, y].sort()).toEqual(["sent", "sent"]);
    expect(await sendItem(t.db, batch, first!)).toBe("sent");
    await dispatchBatch(t.db, batch.id);
    const items = await itemsOf(batch.id);
    const payouts = await payoutsOf(integratorId);
    expect(payouts).toHaveLength(3);
    expect(items.every((i) => i.status === "PROCESSING" && i.transactionId)).toBe(true);
    expect(payouts.map((p) => p.idempotencyKey).sort()).toEqual(items.map((i) => itemIdempotencyKey(i)).sort());
    const debited = payouts.reduce((sum, p) => sum + p.walletAmount!, 0n);
    expect((await readWallet(t.db, kes)).payout).toBe(before - debited);
    expect(await unbalancedLedgerTransactions(t.db, integratorId)).toEqual([]);
  });

  it("a crash mid-send leaves nothing half-done: the item and its payout commit together", async () => {
    const { scope, kes, integratorId } = await setup();
    const batch = await manualBatch(scope, kes, 1);
    const [item] = await itemsOf(batch.id);
    // The batch is cancelled between reading the item and sending it: the payout is rolled back with the claim.
    await t.db.update(bulkBatches).set({ status: "cancelled" }).where(eq(bulkBatches.id, batch.id));
    expect(await sendItem(t.db, batch, item!)).toBe("skipped");
    expect(await payoutsOf(integratorId)).toHaveLength(0);
    expect((await itemsOf(batch.id))[0]).toMatchObject({ status: "PENDING", transactionId: null });
  });

  it("cancel mid-batch: the items not yet sent are cancelled and nothing is debited for them", async () => {
    const { scope, kes, integratorId } = await setup();
    const before = (await readWallet(t.db, kes)).payout;
    const batch = await manualBatch(scope, kes, 5);
    const items = await itemsOf(batch.id);
    for (const item of items.slice(0, 2)) await sendItem(t.db, batch, item);
    const res = await cancelBulkBatch(t.db, scope, { batchId: batch.id });
    expect(res.message).toBe("Batch cancelled: 3 payments not sent");
    expect(await dispatchBatch(t.db, batch.id)).toEqual({ sent: 0, failed: 0, more: false });
    // A claim after the cancel is refused.
    expect(await sendItem(t.db, batch, items[3]!)).toBe("skipped");
    const after = await itemsOf(batch.id);
    expect(after.map((i) => i.status)).toEqual(["PROCESSING", "PROCESSING", "CANCELLED", "CANCELLED", "CANCELLED"]);
    const payouts = await payoutsOf(integratorId);
    expect(payouts).toHaveLength(2);
    expect((await readWallet(t.db, kes)).payout).toBe(before - payouts.reduce((s, p) => s + p.walletAmount!, 0n));
    await expect(cancelBulkBatch(t.db, scope, { batchId: batch.id })).resolves.toMatchObject({ message: "Already cancelled" });
  });

  it("a retryable failure is retried with a new payout; an unretryable one fails at once", async () => {
    const { scope, kes } = await setup();
    const batch = await manualBatch(scope, kes, 2, "+254700000020"); // …020 never settles
    const items = await itemsOf(batch.id);
    for (const item of items) await sendItem(t.db, batch, item);
    const [a, b] = await itemsOf(batch.id);
    await t.db.transaction((tx) => advanceTransaction(tx, { transactionId: a!.transactionId!, integratorId: batch.integratorId, to: "EXPIRED", errorMessage: "No answer from the network" }));
    await t.db.transaction((tx) =>
      advanceTransaction(tx, { transactionId: b!.transactionId!, integratorId: batch.integratorId, to: "FAILED", errorCode: "ACCOUNT_NOT_FOUND", errorMessage: "Account not found" }),
    );
    const [ra, rb] = await itemsOf(batch.id);
    expect(ra).toMatchObject({ status: "RETRY", retryCount: 1, transactionId: null, errorMessage: "No answer from the network (retry 1 of 3)" });
    expect(rb).toMatchObject({ status: "FAILED", retryCount: 0, errorMessage: "Account not found" });
    // The retry: a new attempt, a new payout (the expired one's debit was reversed by the engine).
    expect(await sendItem(t.db, batch, ra!)).toBe("sent");
    const [again] = await itemsOf(batch.id);
    expect(again!.transactionId).not.toBe(a!.transactionId);
    const [p] = await t.db.select().from(transactions).where(eq(transactions.id, again!.transactionId!));
    expect(p!.idempotencyKey).toBe(`bulk-${a!.id}-1`);
  });

  it("a batch at or above the approval threshold waits for another member", async () => {
    const { scope, kes, integratorId } = await setup();
    await setApprovalThreshold(t.db, scope, { currency: "KES", threshold: "100" });
    const v = await validate(scope, csv(row("Big Payee", "+254700000001", "5000", "KES")));
    const { batchIds } = await confirm(scope, v, { KES: kes });
    const started = await startBulkBatch(t.db, scope, { batchId: batchIds[0]! });
    expect(started.status).toBe("awaiting_approval");
    await expect(decideBulkBatch(t.db, scope, { batchId: batchIds[0]!, decision: "approve" })).rejects.toThrow(SELF_BATCH_APPROVAL);
    const other = makeScope(integratorId, { userId: `other-${integratorId.slice(0, 8)}`, markets: scope.markets as never });
    await t.db.execute(sql`insert into users (id, email, name) values (${`other-${integratorId.slice(0, 8)}`}, ${`${randomUUID()}@test.invalid`}, 'Approver')`);
    expect(await decideBulkBatch(t.db, other, { batchId: batchIds[0]!, decision: "approve" })).toMatchObject({ status: "processing" });
    expect((await waitForBatches(t.db, batchIds)).get(batchIds[0]!)).toBe("completed");
    const payouts = await payoutsOf(integratorId);
    expect(payouts.map((p) => p.status)).toEqual(["SUCCESSFUL"]); // the batch's approval stands for its items
  });

  it("retry failed items makes a new batch of them, once", async () => {
    const { scope, kes } = await setup();
    const v = await validate(scope, csv(row("Ok Payee", "+254700000001", "100", "KES"), row("Failing Payee", "+254700000011", "100", "KES")));
    const { batchIds } = await confirm(scope, v, { KES: kes });
    await startBulkBatch(t.db, scope, { batchId: batchIds[0]! });
    expect((await waitForBatches(t.db, batchIds)).get(batchIds[0]!)).toBe("completed_with_errors");
    const retry = await retryFailedItems(t.db, scope, { batchId: batchIds[0]! });
    expect(retry.status).toBe("pending");
    const items = await itemsOf(retry.batchId);
    expect(items.map((i) => [i.recipientName, i.status, i.retryOf !== null])).toEqual([["Failing Payee", "PENDING", true]]);
    expect((await retryFailedItems(t.db, scope, { batchId: batchIds[0]! })).batchId).toBe(retry.batchId);
  });

  it("confirm refuses a wallet of another currency or integrator, a short balance, and an unacknowledged duplicate", async () => {
    const { scope, kes, ugx } = await setup({ kes: 100_000n });
    const other = await setup();
    const v = await validate(scope, csv(row("Jane Doe", "+254700000001", "5000", "KES")));
    const wrongCurrency = await confirm(scope, v, { KES: ugx }).catch((e) => e);
    expect(wrongCurrency).toBeInstanceOf(ValidationError);
    expect(wrongCurrency.fieldErrors["walletSelections.0.walletId"]).toEqual(["Choose one of your KES wallets"]);
    await expect(confirm(scope, v, { KES: other.kes })).rejects.toThrow("Choose one of your KES wallets");
    const short = await confirm(scope, v, { KES: kes }).catch((e) => e);
    expect(short.message).toBe("Top up wallet for KES: KES 1,000.00 available, KES 5,065.00 needed");
    expect(await count(bulkBatches, scope.integratorId)).toBe(0);
    await expect(confirm(other.scope, v, { KES: other.kes })).rejects.toBeInstanceOf(NotFoundError);

    // A duplicate file: refused until "Upload anyway".
    const rich = await setup();
    const file = csv(row("Jane Doe", "+254700000001", "500", "KES", `DUP${Date.now()}`));
    const first = await validate(rich.scope, file);
    await confirm(rich.scope, first, { KES: rich.kes });
    await t.db.delete(bulkItems).where(eq(bulkItems.integratorId, rich.integratorId)); // free the reference for the second upload
    const second = await validate(rich.scope, file);
    expect(second.isValid).toBe(true);
    expect(second.duplicateOf).not.toBeNull();
    await expect(confirm(rich.scope, second, { KES: rich.kes })).rejects.toBeInstanceOf(ConflictError);
    await expect(confirm(rich.scope, second, { KES: rich.kes }, { acknowledgeDuplicate: true })).resolves.toMatchObject({ uploadId: second.uploadId });
  });

  it("a reference used by an earlier bulk payment is an error on its row", async () => {
    const { scope, kes } = await setup();
    const reference = `PAID${Date.now()}`;
    await confirm(scope, await validate(scope, csv(row("Jane Doe", "+254700000001", "100", "KES", reference))), { KES: kes });
    const v = await validate(scope, csv(row("Jane Doe", "+254700000001", "100", "KES", reference)), "other.csv");
    expect(v.errors).toEqual([expect.objectContaining({ row: 2, column: "reference" })]);
  });

  it("another integrator's batch is not found, whatever the action", async () => {
    const { scope, kes } = await setup();
    const other = await setup();
    const v = await validate(scope, csv(row("Jane Doe", "+254700000001", "100", "KES")));
    const { batchIds } = await confirm(scope, v, { KES: kes });
    await expect(startBulkBatch(t.db, other.scope, { batchId: batchIds[0]! })).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelBulkBatch(t.db, other.scope, { batchId: batchIds[0]! })).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideBulkBatch(t.db, other.scope, { batchId: batchIds[0]!, decision: "approve" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

