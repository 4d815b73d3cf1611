import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import type { Environment, TransactionKind } from "@/lib/db/schema/enums";
import { customers, paymentLinkViews, transactions } from "@/lib/db/schema";
import { AppError, NotFoundError } from "@/lib/auth/errors";
import type { Scope } from "@/lib/auth/scope";
import { testScope } from "@/lib/auth/test-scope";
import { queryObject } from "@/lib/client/list-params";
import type { Market } from "@/lib/markets";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { createCollection } from "@/lib/engine/create-collection";
import { fastSandbox, startEngineJobs, stopEngineJobs, waitForFinal } from "@/lib/engine/testing/engine-fixtures";
import { createIntegrator, createTestWallet } from "@/lib/wallets/test-fixtures";
import { createPaymentLink } from "./create-payment-link";
import { exportLinkPayments } from "./export-link-payments";
import { getLinkAnalytics, lastUtcDays } from "./link-analytics";
import type { PaymentLinkDto } from "./link-dto";
import { linkPaymentsExportUrl, outcomeOf } from "./link-payments-contract";
import { linkAnalyticsSchema, linkPaymentsSchema, linkRouteIds } from "./link-payments-contract-schema";
import { listLinkPayments } from "./list-link-payments";
import { getLinkPaymentReceipt } from "./receipt";
import { getDashboardReceipt } from "./dashboard-receipt";
import { createPaymentLinkSchema, DEFAULT_CUSTOMER_FIELDS, LINK_NOT_FOUND, type CreatePaymentLinkInput } from "./schemas";

fastSandbox();
process.env.DATABASE_POOL_SIZE ??= "24";

const KE: Market = { country: "KE", currency: "KES" };
const UG: Market = { country: "UG", currency: "UGX" };

const FORM: CreatePaymentLinkInput = {
  name: "Concert ticket",
  linkType: "STANDARD",
  pricing: "FIXED",
  amount: "500",
  paymentMethods: ["MOBILE_MONEY"],
  usage: "UNLIMITED",
  customerFields: { ...DEFAULT_CUSTOMER_FIELDS },
};

const newLink = (db: Db, scope: Scope, overrides: Partial<CreatePaymentLinkInput> = {}): Promise<PaymentLinkDto> =>
  createPaymentLink(db, scope, createPaymentLinkSchema.parse({ ...FORM, ...overrides })).then((r) => r.link);

let seq = 0;

/** A link payment as the engine stores one (inserted directly: statuses and dates the test chooses). */
async function addPayment(
  db: Db,
  integratorId: string,
  linkId: string | null,
  p: {
    status: string;
    amount: bigint;
    at: string;
    fee?: bigint;
    phone?: string;
    payer?: { firstName?: string; lastName?: string };
    customerId?: string;
    kind?: TransactionKind;
    environment?: Environment;
    market?: Market;
    reference?: string;
  },
): Promise<{ id: string; referenceId: string }> {
  seq += 1;
  const market = p.market ?? KE;
  const referenceId = p.reference ?? `LNK${String(seq).padStart(5, "0")}`;
  const [row] = await db
    .insert(transactions)
    .values({
      integratorId,
      environment: p.environment ?? "sandbox",
      kind: p.kind ?? "collection",
      channel: "PAYMENT_LINK",
      referenceId,
      referenceNumber: 60_000_000 + seq,
      status: p.status,
      country: market.country,
      currency: market.currency,
      network: "MPESA",
      phoneNumber: p.phone ?? `+2547${String(20_000_000 + seq)}`,
      customerId: p.customerId ?? null,
      amount: p.amount,
      fee: p.fee ?? 0n,
      transactionAmount: p.amount + (p.fee ?? 0n),
      paymentLinkId: linkId,
      metadata: p.payer ? { payer: p.payer } : null,
      createdAt: new Date(p.at),
      updatedAt: new Date(p.at),
      completedAt: p.status === "SUCCESSFUL" || p.status === "FAILED" ? new Date(new Date(p.at).getTime() + 30_000) : null,
    })
    .returning({ id: transactions.id, referenceId: transactions.referenceId });
  return row!;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function collect(lines: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of lines) out += chunk;
  return out;
}

const parse = (query: string) => linkPaymentsSchema.parse(queryObject(query));

describe("link payments contract", () => {
  it("parses the outcome filter, the search, the sort and the paging; refuses control characters and unknown outcomes", () => {
    expect(parse("")).toEqual({ q: "", status: [], sort: { column: "createdAt", dir: "desc" }, page: 1, size: 20 });
    expect(parse("q=%20abc%20&status=successful,failed&sort=amount.asc&page=2&size=50")).toEqual({
      q: "abc",
      status: ["successful", "failed"],
      sort: { column: "amount", dir: "asc" },
      page: 2,
      size: 50,
    });
    expect(linkPaymentsSchema.safeParse(queryObject("q=a%00b")).error?.issues[0]?.message).toBe(
      "The search cannot contain control characters",
    );
    expect(linkPaymentsSchema.safeParse(queryObject("status=SUCCESSFUL")).error?.issues[0]?.message).toBe(
      "Status must be successful, pending or failed",
    );
    expect(linkPaymentsSchema.safeParse(queryObject("sort=fee.desc")).success).toBe(false);
    expect(linkAnalyticsSchema.parse({})).toEqual({ days: 30 });
    expect(linkAnalyticsSchema.safeParse({ days: "400" }).success).toBe(false);
  });

  it("builds the export URL (filters only); checks route ids", () => {
    const state = { q: "07", status: ["failed"], sort: "amount.desc", page: 2, size: 20 };
    expect(linkPaymentsExportUrl("abc", state)).toBe("/api/payment-links/abc/payments/export?q=07&status=failed");
    expect(() => linkRouteIds({ id: "abc" })).not.toThrow();
    expect(() => linkRouteIds({ id: "../x" })).toThrow(NotFoundError);
    expect(() => linkRouteIds({ id: "abc", paymentId: "a b" })).toThrow(NotFoundError);
    expect([outcomeOf("SUCCESSFUL"), outcomeOf("PENDING"), outcomeOf("AWAITING_APPROVAL"), outcomeOf("EXPIRED")]).toEqual([
      "successful",
      "pending",
      "pending",
      "failed",
    ]);
  });

  it("counts the last days in UTC, oldest first, today included", () => {
    expect(lastUtcDays(3, new Date("2026-03-01T23:30:00-05:00"))).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
  });
});

describe.each(testEngines())("payment link detail on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;
  beforeAll(async () => {
    rt = await startEngineJobs(t.current.opened);
  });
  afterAll(() => stopEngineJobs(rt));

  async function setup() {
    const integrator = await createIntegrator(t.db, { organization: "Nairobi Jazz Club", markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG], organization: "Nairobi Jazz Club" });
    const link = await newLink(t.db, scope);
    return { integratorId: integrator.id, scope, link };
  }

  it("lists only the link's payments, newest first, with the payer's name; filters by outcome, searches, sorts and pages", async () => {
    const { integratorId, scope, link } = await setup();
    const [customer] = await t.db
      .insert(customers)
      .values({ integratorId, environment: "sandbox", customerKey: `CUST${randomUUID().slice(0, 12)}`, phoneNumber: "+254711000001", countryCode: "KE", network: "MPESA", firstName: "Amina", lastName: "Otieno" })
      .returning({ id: customers.id });
    const ok1 = await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 50_000n, fee: 750n, at: "2026-03-01T10:00:00Z", payer: { firstName: "Jane", lastName: "Doe" }, phone: "+254700111222" });
    const pending = await addPayment(t.db, integratorId, link.id, { status: "PENDING", amount: 20_000n, at: "2026-03-02T10:00:00Z", customerId: customer!.id, phone: "+254711000001" });
    const failed = await addPayment(t.db, integratorId, link.id, { status: "FAILED", amount: 90_000n, at: "2026-03-03T10:00:00Z", reference: "ZZFAIL01" });
    const expired = await addPayment(t.db, integratorId, link.id, { status: "EXPIRED", amount: 10_000n, at: "2026-03-04T10:00:00Z" });
    const ok2 = await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 50_000n, at: "2026-03-05T10:00:00Z", customerId: customer!.id, payer: { firstName: "Typed" } });
    // Not this link's payments: another link, a payout carrying the id, production, another integrator.
    const other = await newLink(t.db, scope, { name: "Other" });
    await addPayment(t.db, integratorId, other.id, { status: "SUCCESSFUL", amount: 1n, at: "2026-03-06T10:00:00Z" });
    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 2n, at: "2026-03-06T10:00:00Z", kind: "payout" });
    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 3n, at: "2026-03-06T10:00:00Z", environment: "production" });
    const stranger = await createIntegrator(t.db);
    await addPayment(t.db, stranger.id, link.id, { status: "SUCCESSFUL", amount: 4n, at: "2026-03-06T10:00:00Z" });

    const all = await listLinkPayments(t.db, scope, link.id, parse(""));
    expect(all.total).toBe(5);
    expect(all.rows.map((r) => r.id)).toEqual([ok2.id, expired.id, failed.id, pending.id, ok1.id]);
    expect(all.rows.find((r) => r.id === ok1.id)).toEqual({
      id: ok1.id,
      referenceId: ok1.referenceId,
      status: "SUCCESSFUL",
      outcome: "successful",
      customerName: "Jane Doe",
      phoneNumber: "+254700111222",
      network: "MPESA",
      amount: "50000",
      fee: "750",
      currency: "KES",
      createdAt: "2026-03-01T10:00:00.000000Z",
      completedAt: "2026-03-01T10:00:30.000000Z",
    });
    // The typed name first, else the customer on record.
    expect(all.rows.find((r) => r.id === ok2.id)?.customerName).toBe("Typed");
    expect(all.rows.find((r) => r.id === pending.id)).toMatchObject({ customerName: "Amina Otieno", outcome: "pending", completedAt: null });
    expect(all.rows.find((r) => r.id === expired.id)).toMatchObject({ status: "EXPIRED", outcome: "failed", customerName: null });

    const ids = async (q: string) => (await listLinkPayments(t.db, scope, link.id, parse(q))).rows.map((r) => r.id);
    expect(await ids("status=successful")).toEqual([ok2.id, ok1.id]);
    expect(await ids("status=pending")).toEqual([pending.id]);
    expect(await ids("status=failed")).toEqual([expired.id, failed.id]);
    expect(await ids("status=pending,failed")).toEqual([expired.id, failed.id, pending.id]);
    // Reference beginning in any case; phone beginning as typed nationally or in E.164.
    expect(await ids("q=zzfa")).toEqual([failed.id]);
    expect(await ids(`q=${ok1.referenceId.slice(0, 8)}`)).toEqual([ok1.id]);
    expect(await ids("q=0700 111")).toEqual([ok1.id]);
    expect(await ids("q=%2B2547110")).toEqual([pending.id]);
    expect(await ids("q=%25")).toEqual([]);
    // Amount, largest first (ties newest first); paging with the total; past the end: the last page.
    expect(await ids("sort=amount.desc")).toEqual([failed.id, ok2.id, ok1.id, pending.id, expired.id]);
    // The dashboard's receipt: the typed name, else the customer on record; only through its own link.
    expect((await getDashboardReceipt(t.db, scope, link.id, ok1.id)).payerName).toBe("Jane Doe");
    expect((await getDashboardReceipt(t.db, scope, link.id, pending.id)).payerName).toBe("Amina Otieno");
    expect((await getDashboardReceipt(t.db, scope, link.id, expired.id)).payerName).toBeNull();
    expect(await refusal(getDashboardReceipt(t.db, scope, other.id, ok1.id))).toBeInstanceOf(NotFoundError);
    const page2 = await listLinkPayments(t.db, scope, link.id, parse("size=10&page=1"));
    expect(page2).toMatchObject({ total: 5, page: 1, size: 10 });
    const past = await listLinkPayments(t.db, scope, link.id, { ...parse("size=10"), page: 9 });
    expect(past).toMatchObject({ page: 1, total: 5 });
    expect(past.rows).toHaveLength(5);
  });

  it("another integrator's scope, another market or an unknown id: NotFoundError for the list, the analytics, the export and the receipt", async () => {
    const { integratorId, scope, link } = await setup();
    const paid = await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 50_000n, at: "2026-03-01T10:00:00Z" });
    const stranger = await createIntegrator(t.db);
    const strangerScope = testScope(stranger.id);
    const uganda = testScope(integratorId, { market: UG, markets: [KE, UG] });
    const production = testScope(integratorId, { environment: "production", markets: [KE, UG] });
    for (const s of [strangerScope, uganda, production]) {
      const e = await refusal(listLinkPayments(t.db, s, link.id));
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e.message).toBe(LINK_NOT_FOUND);
      expect(await refusal(getLinkAnalytics(t.db, s, link.id))).toBeInstanceOf(NotFoundError);
      expect(await refusal(exportLinkPayments(t.db, s, link.id, { q: "", status: [] }))).toBeInstanceOf(NotFoundError);
      expect(await refusal(getLinkPaymentReceipt(t.db, s, link.id, paid.id))).toBeInstanceOf(NotFoundError);
    }
    expect(await refusal(listLinkPayments(t.db, scope, "000000000000000000000000"))).toBeInstanceOf(NotFoundError);

    // The receipt through another link of the same integrator (or a payment of another link): not found.
    const other = await newLink(t.db, scope, { name: "Other" });
    expect(await refusal(getLinkPaymentReceipt(t.db, scope, other.id, paid.id))).toBeInstanceOf(NotFoundError);
    const receipt = await getLinkPaymentReceipt(t.db, scope, link.id, paid.id);
    expect(receipt).toMatchObject({ paymentId: paid.id, outcome: "successful", merchantName: "Nairobi Jazz Club", linkName: "Concert ticket", amount: "50000" });
  });

  it("analytics: views, attempts, successful, conversion and collected in total, and per UTC day with every day present", async () => {
    const { integratorId, scope, link } = await setup();
    const now = new Date("2026-03-15T12:00:00Z");
    await t.db.insert(paymentLinkViews).values([
      { linkId: link.id, day: "2026-03-15", views: 10 },
      { linkId: link.id, day: "2026-03-13", views: 5 },
      { linkId: link.id, day: "2026-02-14", views: 4 }, // the first day of the window
      { linkId: link.id, day: "2026-01-01", views: 81 }, // before it: in the totals only
    ]);
    const other = await newLink(t.db, scope, { name: "Other" });
    await t.db.insert(paymentLinkViews).values({ linkId: other.id, day: "2026-03-15", views: 1000 });

    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 50_000n, at: "2026-03-15T01:00:00Z" });
    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 25_000n, at: "2026-03-15T23:59:59Z" });
    await addPayment(t.db, integratorId, link.id, { status: "FAILED", amount: 99_000n, at: "2026-03-15T02:00:00Z" });
    await addPayment(t.db, integratorId, link.id, { status: "PENDING", amount: 77_000n, at: "2026-03-13T00:00:00Z" });
    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 10_000n, at: "2026-02-13T23:59:59Z" }); // the day before the window
    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 1_000n, at: "2026-02-14T00:00:00Z" });
    // Not counted: another link, a payout, production, another integrator.
    await addPayment(t.db, integratorId, other.id, { status: "SUCCESSFUL", amount: 5n, at: "2026-03-15T10:00:00Z" });
    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 6n, at: "2026-03-15T10:00:00Z", kind: "payout" });
    await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 7n, at: "2026-03-15T10:00:00Z", environment: "production" });
    await addPayment(t.db, (await createIntegrator(t.db)).id, link.id, { status: "SUCCESSFUL", amount: 8n, at: "2026-03-15T10:00:00Z" });

    const a = await getLinkAnalytics(t.db, scope, link.id, { now });
    expect(a.totals).toEqual({
      views: 100,
      attempts: 6,
      successful: 4,
      conversionRate: 0.04,
      totalCollected: "86000",
      currency: "KES",
    });
    expect(a.days).toBe(30);
    expect(a.daily).toHaveLength(30);
    expect(a.daily[0]).toEqual({ day: "2026-02-14", views: 4, attempts: 1, successful: 1, collected: "1000" });
    expect(a.daily.at(-1)).toEqual({ day: "2026-03-15", views: 10, attempts: 3, successful: 2, collected: "75000" });
    expect(a.daily.find((d) => d.day === "2026-03-13")).toEqual({ day: "2026-03-13", views: 5, attempts: 1, successful: 0, collected: "0" });
    expect(a.daily.find((d) => d.day === "2026-03-01")).toEqual({ day: "2026-03-01", views: 0, attempts: 0, successful: 0, collected: "0" });
    expect(new Set(a.daily.map((d) => d.day)).size).toBe(30);

    const week = await getLinkAnalytics(t.db, scope, link.id, { now, days: 7 });
    expect(week.daily.map((d) => d.day)).toEqual(lastUtcDays(7, now));
    expect(week.totals).toEqual(a.totals);

    // No views, no payments: zeros everywhere, no division by zero.
    const unused = await newLink(t.db, scope, { name: "Unused" });
    const fresh = await getLinkAnalytics(t.db, scope, unused.id, { now, days: 3 });
    expect(fresh.totals).toEqual({ views: 0, attempts: 0, successful: 0, conversionRate: 0, totalCollected: "0", currency: "KES" });
    expect(fresh.daily).toEqual(lastUtcDays(3, now).map((day) => ({ day, views: 0, attempts: 0, successful: 0, collected: "0" })));
  });

  it("exports the filtered payments as CSV lines, newest first, in batches, cells neutralised", async () => {
    const { integratorId, scope, link } = await setup();
    const a = await addPayment(t.db, integratorId, link.id, { status: "SUCCESSFUL", amount: 50_000n, fee: 750n, at: "2026-03-01T10:00:00Z", payer: { firstName: "=HYPERLINK(\"x\")", lastName: "Doe, Jr" }, phone: "+254700111222" });
    const b = await addPayment(t.db, integratorId, link.id, { status: "PENDING", amount: 12_345n, at: "2026-03-02T10:00:00Z", phone: "+254700111333" });
    const c = await addPayment(t.db, integratorId, link.id, { status: "FAILED", amount: 100n, at: "2026-03-03T10:00:00Z", phone: "+254700111444" });

    const all = await exportLinkPayments(t.db, scope, link.id, { q: "", status: [] }, { now: new Date("2026-03-10T08:09:10Z"), batchSize: 2 });
    expect(all.filename).toBe(`kotani-payment-link-${link.shortCode}-payments-sandbox-20260310-080910.csv`);
    expect(all.header).toEqual([
      "Reference",
      "Status",
      "Customer",
      "Phone number",
      "Network",
      "Amount (KES)",
      "Fee (KES)",
      "Currency",
      "Created at (UTC)",
      "Completed at (UTC)",
    ]);
    const lines = (await collect(all.lines)).split("\r\n");
    // A phone number starts with "+": a text cell like every export's (lib/csv.ts).
    expect(lines).toEqual([
      `${c.referenceId},FAILED,,'+254700111444,MPESA,1.00,0.00,KES,2026-03-03T10:00:00.000000Z,2026-03-03T10:00:30.000000Z`,
      `${b.referenceId},PENDING,,'+254700111333,MPESA,123.45,0.00,KES,2026-03-02T10:00:00.000000Z,`,
      `${a.referenceId},SUCCESSFUL,"'=HYPERLINK(""x"") Doe, Jr",'+254700111222,MPESA,500.00,7.50,KES,2026-03-01T10:00:00.000000Z,2026-03-01T10:00:30.000000Z`,
      "",
    ]);

    const ok = await exportLinkPayments(t.db, scope, link.id, { q: "", status: ["successful"] });
    expect((await collect(ok.lines)).split("\r\n").filter(Boolean).map((l) => l.split(",")[0])).toEqual([a.referenceId]);
    const capped = await exportLinkPayments(t.db, scope, link.id, { q: "", status: [] }, { maxRows: 2, batchSize: 5 });
    expect((await collect(capped.lines)).split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  it("payments made through the engine (channel PAYMENT_LINK) appear with their outcome and the payer's name", async () => {
    const { scope, link } = await setup();
    await createTestWallet(t.db, scope, { deposit: 0n, payout: 0n });
    const pay = (phoneNumber: string, payer: { firstName?: string; lastName?: string }) =>
      createCollection(
        t.db,
        scope,
        { amount: "500", phoneNumber, idempotencyKey: randomUUID(), channel: "PAYMENT_LINK", paymentLinkId: link.id, payer },
        { ip: "203.0.113.9", userAgent: "vitest" },
        "payment_link",
      );
    const ok = await pay("0700000001", { firstName: "Jane", lastName: "Doe" });
    const ko = await pay("0700000010", { firstName: "John" });
    await waitForFinal(t.db, [ok.id, ko.id]);

    const list = await listLinkPayments(t.db, scope, link.id, parse(""));
    expect(list.total).toBe(2);
    expect(list.rows.find((r) => r.id === ok.id)).toMatchObject({ outcome: "successful", status: "SUCCESSFUL", customerName: "Jane Doe", phoneNumber: "+254700000001", amount: "50000" });
    expect(list.rows.find((r) => r.id === ko.id)).toMatchObject({ outcome: "failed", status: "FAILED", customerName: "John" });

    const a = await getLinkAnalytics(t.db, scope, link.id);
    expect(a.totals).toMatchObject({ views: 0, attempts: 2, successful: 1, conversionRate: 0, totalCollected: "50000" });
    expect(a.daily.at(-1)).toMatchObject({ attempts: 2, successful: 1, collected: "50000" });

    const receipt = await getLinkPaymentReceipt(t.db, scope, link.id, ok.id);
    expect(receipt).toMatchObject({ outcome: "successful", payerName: "Jane Doe", referenceId: ok.referenceId });
    expect((await getLinkPaymentReceipt(t.db, scope, link.id, ko.id)).outcome).toBe("failed");
  });
});
