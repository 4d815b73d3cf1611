import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import type { Environment } from "@/lib/db/schema/enums";
import { bulkBatches, bulkItems, bulkUploads, transactions, users } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/auth/errors";
import type { MemberScope } from "@/lib/auth/scope";
import { queryObject } from "@/lib/client/list-params";
import type { Market } from "@/lib/markets";
import { createIntegrator, createTestWallet, makeScope } from "@/lib/wallets/test-fixtures";
import { initialProgress } from "./progress";
import { uploadStatusOf, type BulkUploadStatus } from "./dto";
import { bulkUploadsListSchema } from "./uploads-contract-schema";
import { batchItemsSchema } from "./items-contract-schema";
import { listBulkUploads } from "./list-bulk-uploads";
import { getBulkStats } from "./bulk-stats";
import { getBulkUpload } from "./get-bulk-upload";
import { listBatchItems } from "./list-batch-items";
import { BATCH_EXPORT_HEADER, exportBatchResults } from "./export-batch-results";
import type { BulkBatchStatus, BulkItemStatus } from "./schemas";

const KE: Market = { country: "KE", currency: "KES" };
const UG: Market = { country: "UG", currency: "UGX" };
const T0 = new Date("2026-05-01T08:00:00Z");

const uploadsQ = (qs = "") => bulkUploadsListSchema.parse(queryObject(qs));
const itemsQ = (qs = "") => batchItemsSchema.parse(queryObject(qs));

let seq = 0;
const next = () => ++seq;

interface World {
  scope: MemberScope;
  other: MemberScope;
  production: MemberScope;
  kesWallet: string;
  ugxWallet: string;
}

async function world(db: Db): Promise<World> {
  const integrator = await createIntegrator(db, { markets: [KE, UG] });
  const otherIntegrator = await createIntegrator(db, { markets: [KE, UG] });
  const scope = makeScope(integrator.id, { markets: [KE, UG] });
  const other = makeScope(otherIntegrator.id, { markets: [KE, UG] });
  const production = makeScope(integrator.id, { markets: [KE, UG], environment: "production" });
  const kesWallet = await createTestWallet(db, scope, { currency: "KES", country: "KE", name: "Payroll KES" });
  const ugxWallet = await createTestWallet(db, scope, { currency: "UGX", country: "UG", name: "Payroll UGX" });
  return { scope, other, production, kesWallet, ugxWallet };
}

async function addUpload(
  db: Db,
  scope: MemberScope,
  u: { name?: string; fileName?: string; status?: "draft" | "confirmed"; recipients?: number; createdAt?: Date; environment?: Environment } = {},
): Promise<string> {
  const n = next();
  const [row] = await db
    .insert(bulkUploads)
    .values({
      integratorId: scope.integratorId,
      environment: u.environment ?? scope.environment,
      name: u.name ?? `Upload ${n}`,
      fileName: u.fileName ?? `file-${n}.csv`,
      fileHash: `hash-${n}`,
      status: u.status ?? "confirmed",
      totalRecipients: u.recipients ?? 0,
      createdBy: scope.principal.kind === "session" ? scope.principal.userId : null,
      createdAt: u.createdAt ?? new Date(T0.getTime() + n * 60_000),
    })
    .returning({ id: bulkUploads.id });
  return row!.id;
}

async function addBatch(
  db: Db,
  scope: MemberScope,
  uploadId: string,
  walletId: string,
  b: {
    currency?: string;
    country?: string;
    status?: BulkBatchStatus;
    totalAmount?: bigint;
    totalFees?: bigint;
    totalPayments?: number;
    retryOf?: string;
    approvedBy?: string;
    environment?: Environment;
  } = {},
): Promise<string> {
  const [row] = await db
    .insert(bulkBatches)
    .values({
      uploadId,
      integratorId: scope.integratorId,
      environment: b.environment ?? scope.environment,
      name: "Batch",
      walletId,
      currency: b.currency ?? "KES",
      country: b.country ?? "KE",
      status: b.status ?? "pending",
      totalAmount: b.totalAmount ?? 0n,
      totalFees: b.totalFees ?? 0n,
      totalDebit: (b.totalAmount ?? 0n) + (b.totalFees ?? 0n),
      totalPayments: b.totalPayments ?? 0,
      progress: initialProgress(T0),
      retryOf: b.retryOf ?? null,
      approvedBy: b.approvedBy ?? null,
      createdAt: new Date(T0.getTime() + next() * 1000),
    })
    .returning({ id: bulkBatches.id });
  return row!.id;
}

interface ItemSpec {
  status?: BulkItemStatus;
  amount?: bigint;
  currency?: string;
  country?: string;
  name?: string;
  email?: string;
  phone?: string;
  reference?: string;
  description?: string | null;
  metadata?: unknown;
  network?: string | null;
  error?: string | null;
  transactionId?: string | null;
  retryOf?: string | null;
}

async function addItems(db: Db, scope: MemberScope, batchId: string, specs: ItemSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [k, s] of specs.entries()) {
    const n = next();
    const [row] = await db
      .insert(bulkItems)
      .values({
        batchId,
        integratorId: scope.integratorId,
        environment: scope.environment,
        rowNo: k + 2,
        recipientName: s.name ?? `Recipient ${n}`,
        recipientEmail: s.email ?? `r${n}@example.test`,
        recipientPhone: s.phone ?? `+2547${String(10_000_000 + n).slice(-8)}`,
        network: s.network === undefined ? "MPESA" : s.network,
        amount: s.amount ?? 10_000n,
        currency: s.currency ?? "KES",
        country: s.country ?? "KE",
        reference: s.reference ?? `REF-${n}-${randomUUID().slice(0, 6)}`,
        description: s.description ?? null,
        metadata: s.metadata ?? null,
        status: s.status ?? "PENDING",
        errorMessage: s.error ?? null,
        transactionId: s.transactionId ?? null,
        retryOf: s.retryOf ?? null,
      })
      .returning({ id: bulkItems.id });
    ids.push(row!.id);
  }
  return ids;
}

async function addPayout(db: Db, scope: MemberScope, p: { status: string; amount: bigint; referenceId: string }): Promise<string> {
  const [row] = await db
    .insert(transactions)
    .values({
      integratorId: scope.integratorId,
      environment: scope.environment,
      kind: "payout",
      channel: "BULK",
      referenceId: p.referenceId,
      referenceNumber: 5_000_000 + next(),
      status: p.status,
      country: "KE",
      currency: "KES",
      amount: p.amount,
      transactionAmount: p.amount,
      origin: "bulk",
    })
    .returning({ id: transactions.id });
  return row!.id;
}

async function readAll(lines: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of lines) text += chunk;
  return text;
}

describe("bulk payments list params", () => {
  it("parse search, status, sort and paging; refuse unknown values", () => {
    expect(uploadsQ()).toMatchObject({ q: "", status: [], sort: { column: "createdAt", dir: "desc" }, page: 1, size: 20 });
    expect(uploadsQ("q=payroll&status=processing,failed&sort=name.asc&page=2&size=50")).toMatchObject({
      q: "payroll",
      status: ["processing", "failed"],
      sort: { column: "name", dir: "asc" },
      page: 2,
      size: 50,
    });
    expect(bulkUploadsListSchema.safeParse(queryObject("status=draft")).success).toBe(false);
    expect(bulkUploadsListSchema.safeParse(queryObject("q=%00")).success).toBe(false);
    expect(itemsQ()).toMatchObject({ q: "", status: [], sort: { column: "rowNo", dir: "asc" }, page: 1, size: 20 });
    expect(itemsQ("status=FAILED&status=RETRY&sort=amount.desc")).toMatchObject({ status: ["FAILED", "RETRY"], sort: { column: "amount", dir: "desc" } });
    expect(batchItemsSchema.safeParse(queryObject("status=SUCCESSFUL")).success).toBe(false);
  });
});

describe.each(testEngines())("bulk payments read services on %s", (engine) => {
  const t = withTestDb(engine);

  it("lists confirmed uploads of the environment only, searched by name or file name, with totals per currency", async () => {
    const db = t.db;
    const w = await world(db);
    const payroll = await addUpload(db, w.scope, { name: "November payroll", fileName: "payroll-nov.csv", recipients: 3 });
    await addBatch(db, w.scope, payroll, w.kesWallet, { currency: "KES", status: "completed", totalAmount: 150_000n, totalPayments: 2 });
    await addBatch(db, w.scope, payroll, w.ugxWallet, { currency: "UGX", country: "UG", status: "failed", totalAmount: 50_000n, totalPayments: 1 });
    const vendors = await addUpload(db, w.scope, { name: "Vendors", fileName: "suppliers_q4.csv", recipients: 1 });
    await addBatch(db, w.scope, vendors, w.kesWallet, { status: "pending", totalAmount: 9_900n, totalPayments: 1 });
    await addUpload(db, w.scope, { name: "Draft payroll", status: "draft" });
    await addUpload(db, w.production, { name: "Production payroll" });
    await addUpload(db, w.other, { name: "Other payroll" });

    const all = await listBulkUploads(db, w.scope, uploadsQ());
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.id)).toEqual([vendors, payroll]); // newest first
    const row = all.rows.find((r) => r.id === payroll)!;
    expect(row).toMatchObject({
      name: "November payroll",
      fileName: "payroll-nov.csv",
      status: "completed_with_errors",
      totalRecipients: 3,
      batchesCompleted: 1,
      batchesFailed: 1,
      batchCount: 2,
      createdBy: { name: "Test Owner" },
    });
    // Two currencies, two totals: never one sum.
    expect(row.totals).toEqual([
      { currency: "KES", totalAmount: "150000" },
      { currency: "UGX", totalAmount: "50000" },
    ]);
    expect("batches" in row).toBe(false);

    const ids = async (qs: string) => (await listBulkUploads(db, w.scope, uploadsQ(qs))).rows.map((r) => r.id);
    expect(await ids("q=payroll")).toEqual([payroll]);
    expect(await ids("q=SUPPLIERS")).toEqual([vendors]);
    expect(await ids("q=%25")).toEqual([]); // wildcards are literal
    expect(await ids("status=pending")).toEqual([vendors]);
    expect(await ids("status=completed_with_errors,pending")).toEqual([vendors, payroll]);
    expect(await ids("sort=name.asc")).toEqual([payroll, vendors]);
    expect(await ids("size=10&page=9")).toEqual([vendors, payroll]); // past the end: the last page
    expect((await listBulkUploads(db, w.production, uploadsQ())).rows.map((r) => r.name)).toEqual(["Production payroll"]);
    expect((await listBulkUploads(db, w.other, uploadsQ())).rows.map((r) => r.name)).toEqual(["Other payroll"]);
  });

  it("reads an upload's status from its batches the same way in SQL (filter) and in the row", async () => {
    const db = t.db;
    const w = await world(db);
    const cases: [BulkBatchStatus[], BulkUploadStatus][] = [
      [[], "pending"],
      [["pending"], "pending"],
      [["pending", "completed"], "pending"],
      [["processing", "completed"], "processing"],
      [["awaiting_approval"], "processing"],
      [["completed"], "completed"],
      [["completed", "completed"], "completed"],
      [["completed", "failed"], "completed_with_errors"],
      [["completed_with_errors"], "completed_with_errors"],
      [["completed", "cancelled"], "completed_with_errors"],
      [["failed"], "failed"],
      [["failed", "cancelled"], "failed"],
      [["cancelled"], "cancelled"],
    ];
    const byId = new Map<string, BulkUploadStatus>();
    for (const [statuses, expected] of cases) {
      expect(uploadStatusOf(statuses), statuses.join("+")).toBe(expected);
      const id = await addUpload(db, w.scope, { name: statuses.join("+") || "none" });
      for (const status of statuses) await addBatch(db, w.scope, id, w.kesWallet, { status });
      byId.set(id, expected);
    }
    const listed = await listBulkUploads(db, w.scope, uploadsQ("size=100"));
    for (const r of listed.rows) expect(r.status, r.name).toBe(byId.get(r.id));
    for (const status of ["pending", "processing", "completed", "completed_with_errors", "failed", "cancelled"] as const) {
      const filtered = await listBulkUploads(db, w.scope, uploadsQ(`status=${status}&size=100`));
      const expected = [...byId.entries()].filter(([, s]) => s === status).map(([id]) => id).sort();
      expect(filtered.rows.map((r) => r.id).sort(), status).toEqual(expected);
      expect(filtered.rows.every((r) => r.status === status)).toBe(true);
    }
  });

  it("stats: per currency, never added across currencies; success rate over ended payments; retries not counted twice", async () => {
    const db = t.db;
    const w = await world(db);
    expect(await getBulkStats(db, w.scope)).toEqual({
      totalBatches: 0,
      totalSuccessfulPayments: 0,
      totalFailedPayments: 0,
      averageBatchSize: 0,
      successRate: 0,
      currencyBreakdown: {},
    });

    const upload = await addUpload(db, w.scope, { recipients: 6 });
    const kes = await addBatch(db, w.scope, upload, w.kesWallet, { currency: "KES", status: "completed_with_errors", totalAmount: 400_000n, totalPayments: 4 });
    const [, , failedOnce] = await addItems(db, w.scope, kes, [
      { status: "SUCCESS", amount: 100_000n },
      { status: "SUCCESS", amount: 100_000n },
      { status: "FAILED", amount: 100_000n },
      { status: "FAILED", amount: 100_000n },
    ]);
    const ugx = await addBatch(db, w.scope, upload, w.ugxWallet, { currency: "UGX", country: "UG", status: "completed", totalAmount: 7_000n, totalPayments: 2 });
    await addItems(db, w.scope, ugx, [
      { status: "SUCCESS", amount: 3_500n, currency: "UGX", country: "UG", phone: "+256772000001" },
      { status: "SUCCESS", amount: 3_500n, currency: "UGX", country: "UG", phone: "+256772000002" },
    ]);
    // "Retry failed items" for one of the two failures: it succeeded.
    const retryBatch = await addBatch(db, w.scope, upload, w.kesWallet, { currency: "KES", status: "completed", totalAmount: 100_000n, totalPayments: 1, retryOf: kes });
    await addItems(db, w.scope, retryBatch, [{ status: "SUCCESS", amount: 100_000n, retryOf: failedOnce }]);

    // Not counted: a draft's batch, another environment, another integrator.
    const draft = await addUpload(db, w.scope, { status: "draft" });
    const draftBatch = await addBatch(db, w.scope, draft, w.kesWallet, { totalAmount: 1n, totalPayments: 1 });
    await addItems(db, w.scope, draftBatch, [{ status: "FAILED" }]);
    const otherUpload = await addUpload(db, w.other);
    const otherWallet = await createTestWallet(db, w.other, { currency: "KES" });
    const otherBatch = await addBatch(db, w.other, otherUpload, otherWallet, { totalAmount: 999n, totalPayments: 1 });
    await addItems(db, w.other, otherBatch, [{ status: "FAILED" }]);

    const stats = await getBulkStats(db, w.scope);
    expect(stats).toEqual({
      totalBatches: 2,
      totalSuccessfulPayments: 5,
      totalFailedPayments: 1,
      averageBatchSize: 3,
      successRate: 5 / 6,
      currencyBreakdown: {
        KES: { totalAmount: "400000", totalBatches: 1, totalPayments: 4 },
        UGX: { totalAmount: "7000", totalBatches: 1, totalPayments: 2 },
      },
    });
    expect((await getBulkStats(db, w.production)).totalBatches).toBe(0);
  });

  it("gets one upload with its batches' counts per status; another integrator's, another environment's or a draft is not found", async () => {
    const db = t.db;
    const w = await world(db);
    const [approver] = await db
      .insert(users)
      .values({ email: `approver-${randomUUID()}@example.test`, name: "Approver" })
      .returning({ id: users.id, email: users.email });
    const upload = await addUpload(db, w.scope, { name: "Payroll", fileName: "payroll.csv", recipients: 7 });
    const kes = await addBatch(db, w.scope, upload, w.kesWallet, {
      currency: "KES",
      status: "processing",
      totalAmount: 600_000n,
      totalFees: 6_000n,
      totalPayments: 6,
      approvedBy: approver!.id,
    });
    await addItems(db, w.scope, kes, [
      { status: "SUCCESS" },
      { status: "SUCCESS" },
      { status: "FAILED" },
      { status: "PROCESSING" },
      { status: "RETRY" },
      { status: "PENDING" },
    ]);
    const ugx = await addBatch(db, w.scope, upload, w.ugxWallet, { currency: "UGX", country: "UG", status: "cancelled", totalAmount: 5_000n, totalPayments: 1 });
    await addItems(db, w.scope, ugx, [{ status: "CANCELLED", currency: "UGX", country: "UG", phone: "+256772000009" }]);

    const dto = await getBulkUpload(db, w.scope, upload);
    expect(dto).toMatchObject({ id: upload, name: "Payroll", fileName: "payroll.csv", status: "processing", totalRecipients: 7, batchCount: 2 });
    expect(dto.totals).toEqual([
      { currency: "KES", totalAmount: "600000" },
      { currency: "UGX", totalAmount: "5000" },
    ]);
    const [kesDto, ugxDto] = dto.batches!;
    expect(kesDto).toMatchObject({
      id: kes,
      currency: "KES",
      status: "processing",
      walletName: "Payroll KES",
      totalAmount: "600000",
      totalFees: "6000",
      totalDebit: "606000",
      totalPayments: 6,
      counts: { pending: 1, processing: 1, success: 2, failed: 1, retry: 1, cancelled: 0 },
      approvedBy: approver!.email,
      processedBy: null,
    });
    expect(kesDto.progress.map((s) => `${s.step}:${s.status}`)).toEqual([
      "validation:completed",
      "creation:completed",
      "customer_creation:pending",
      "payment_processing:pending",
      "completion:pending",
    ]);
    expect(ugxDto).toMatchObject({ currency: "UGX", status: "cancelled", counts: { pending: 0, cancelled: 1 } });

    await expect(getBulkUpload(db, w.other, upload)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBulkUpload(db, w.production, upload)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBulkUpload(db, w.scope, "no-such-upload")).rejects.toBeInstanceOf(NotFoundError);
    const draft = await addUpload(db, w.scope, { status: "draft" });
    await expect(getBulkUpload(db, w.scope, draft)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lists a batch's items: status filter, search by name, reference or phone, row order, payout joined", async () => {
    const db = t.db;
    const w = await world(db);
    const upload = await addUpload(db, w.scope, { recipients: 4 });
    const batch = await addBatch(db, w.scope, upload, w.kesWallet, { status: "processing", totalAmount: 40_000n, totalPayments: 4 });
    const payout = await addPayout(db, w.scope, { status: "SUCCESSFUL", amount: 12_000n, referenceId: "KTN-PAYOUT-1" });
    const [jane, otis, amina, zed] = await addItems(db, w.scope, batch, [
      { name: "Jane Wanjiku", phone: "+254712345678", reference: "PAY-JANE", amount: 12_000n, status: "SUCCESS", transactionId: payout },
      { name: "Otis Odhiambo", phone: "+254733000111", reference: "PAY-OTIS", amount: 8_000n, status: "FAILED", error: "Insufficient funds at the provider" },
      { name: "Amina 100%", phone: "+254700000222", reference: "PAY-AMINA", amount: 10_000n, status: "PENDING" },
      { name: "Zed", phone: "+254799000333", reference: "PAY_ZED", amount: 10_000n, status: "FAILED" },
    ]);

    const page = await listBatchItems(db, w.scope, batch, itemsQ());
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual([jane, otis, amina, zed]);
    expect(page.rows[0]).toMatchObject({
      rowNo: 2,
      recipientName: "Jane Wanjiku",
      recipientPhone: "+254712345678",
      amount: "12000",
      currency: "KES",
      reference: "PAY-JANE",
      status: "SUCCESS",
      retryCount: 0,
      payout: { id: payout, referenceId: "KTN-PAYOUT-1", status: "SUCCESSFUL" },
    });
    expect(page.rows[1]).toMatchObject({ payout: null, errorMessage: "Insufficient funds at the provider" });

    const ids = async (qs: string) => (await listBatchItems(db, w.scope, batch, itemsQ(qs))).rows.map((r) => r.id);
    expect(await ids("status=FAILED")).toEqual([otis, zed]);
    expect(await ids("status=FAILED,PENDING&sort=amount.asc")).toEqual([otis, amina, zed]);
    expect(await ids("q=wanjiku")).toEqual([jane]);
    expect(await ids("q=pay-otis")).toEqual([otis]);
    expect(await ids("q=0733%20000")).toEqual([otis]); // the national form
    expect(await ids("q=%2B254799")).toEqual([zed]);
    expect(await ids("q=100%25")).toEqual([amina]); // "%" literal
    expect(await ids("q=PAY_")).toEqual([zed]); // "_" literal
    expect(await ids("q=jane&status=FAILED")).toEqual([]);
    expect(await ids("sort=amount.desc")).toEqual([jane, zed, amina, otis]);
    expect((await listBatchItems(db, w.scope, batch, itemsQ("size=10&page=5"))).page).toBe(1);

    await expect(listBatchItems(db, w.other, batch, itemsQ())).rejects.toBeInstanceOf(NotFoundError);
    await expect(listBatchItems(db, w.production, batch, itemsQ())).rejects.toBeInstanceOf(NotFoundError);
    const draft = await addUpload(db, w.scope, { status: "draft" });
    const draftBatch = await addBatch(db, w.scope, draft, w.kesWallet);
    await expect(listBatchItems(db, w.scope, draftBatch, itemsQ())).rejects.toBeInstanceOf(NotFoundError);
  });

  it("exports a batch's results in the template's columns, formulas neutralised, ready to upload again", async () => {
    const db = t.db;
    const w = await world(db);
    const upload = await addUpload(db, w.scope, { recipients: 3 });
    const batch = await addBatch(db, w.scope, upload, w.kesWallet, { status: "completed_with_errors", totalAmount: 251_050n, totalPayments: 3 });
    const payout = await addPayout(db, w.scope, { status: "SUCCESSFUL", amount: 150_000n, referenceId: "KTN-OK-1" });
    await addItems(db, w.scope, batch, [
      {
        name: "Jane Doe",
        email: "jane@example.com",
        phone: "+254700000001",
        amount: 150_000n,
        reference: "PAYROLL-001",
        description: "November salary",
        metadata: { employeeId: "E-001" },
        status: "SUCCESS",
        transactionId: payout,
      },
      {
        name: '=HYPERLINK("http://evil.test","Click")',
        email: "evil@example.com",
        phone: "+254700000002",
        amount: 100_050n,
        reference: "PAYROLL-002",
        description: "Line, with comma",
        network: null,
        status: "FAILED",
        error: "The number is not registered for M-PESA",
      },
      { name: "Small", email: "s@example.com", phone: "+254700000003", amount: 1_000n, reference: "PAYROLL-003", status: "PENDING" },
    ]);

    const exp = await exportBatchResults(db, w.scope, batch, undefined, { batchSize: 2, now: new Date("2026-05-02T10:11:12Z") });
    expect(exp.header).toEqual([
      "recipient_name",
      "recipient_email",
      "recipient_phone",
      "amount",
      "currency",
      "reference",
      "description",
      "metadata",
      "network",
      "status",
      "error_message",
      "payout_reference",
    ]);
    expect(exp.header).toBe(BATCH_EXPORT_HEADER);
    expect(exp.filename).toMatch(/^kotani-bulk-payment-KES-.+-results-sandbox-20260502-101112\.csv$/);
    const lines = (await readAll(exp.lines)).split("\r\n");
    expect(lines).toEqual([
      'Jane Doe,jane@example.com,254700000001,1500.00,KES,PAYROLL-001,November salary,"{""employeeId"":""E-001""}",MPESA,SUCCESS,,KTN-OK-1',
      `"'=HYPERLINK(""http://evil.test"",""Click"")",evil@example.com,254700000002,1000.50,KES,PAYROLL-002,"Line, with comma",,,FAILED,The number is not registered for M-PESA,`,
      "Small,s@example.com,254700000003,10.00,KES,PAYROLL-003,,,MPESA,PENDING,,",
      "",
    ]);

    const failedOnly = await exportBatchResults(db, w.scope, batch, { q: "", status: ["FAILED"] });
    expect((await readAll(failedOnly.lines)).split("\r\n").filter(Boolean)).toHaveLength(1);

    await expect(exportBatchResults(db, w.other, batch)).rejects.toBeInstanceOf(NotFoundError);
  });
});
