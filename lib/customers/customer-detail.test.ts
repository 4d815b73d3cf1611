import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import type { Environment, TransactionKind } from "@/lib/db/schema/enums";
import { customers, transactions } from "@/lib/db/schema";
import { testScope } from "@/lib/auth/test-scope";
import { NotFoundError } from "@/lib/auth/errors";
import { createIntegrator } from "@/lib/wallets/test-fixtures";
import { queryObject } from "@/lib/client/list-params";
import { customerTransactionHref } from "./customer-transactions-contract";
import { customerTransactionsSchema } from "./customer-transactions-contract-schema";
import { getCustomer } from "./get-customer";
import { listCustomerTransactions } from "./list-customer-transactions";

const KE = { country: "KE", currency: "KES" };
const UG = { country: "UG", currency: "UGX" };

let seq = 0;

async function addCustomer(
  db: Db,
  integratorId: string,
  c: Partial<typeof customers.$inferInsert> & { environment?: Environment } = {},
): Promise<string> {
  seq += 1;
  const [row] = await db
    .insert(customers)
    .values({
      integratorId,
      environment: "sandbox",
      customerKey: `CUST${String(seq).padStart(16, "0")}`,
      phoneNumber: `+2547${String(10_000_000 + seq)}`,
      countryCode: "KE",
      network: "MPESA",
      ...c,
    })
    .returning({ id: customers.id });
  return row!.id;
}

async function addTx(
  db: Db,
  integratorId: string,
  customerId: string | null,
  t: {
    kind: TransactionKind;
    status: string;
    amount: bigint;
    at: string;
    market?: { country: string; currency: string };
    environment?: Environment;
    fee?: bigint;
  },
): Promise<string> {
  seq += 1;
  const market = t.market ?? KE;
  const [row] = await db
    .insert(transactions)
    .values({
      integratorId,
      environment: t.environment ?? "sandbox",
      kind: t.kind,
      channel: "MOBILE_MONEY",
      referenceId: `REF${String(seq).padStart(8, "0")}`,
      referenceNumber: 50_000_000 + seq,
      status: t.status,
      country: market.country,
      currency: market.currency,
      network: "MPESA",
      phoneNumber: "+254712345678",
      customerId,
      amount: t.amount,
      transactionAmount: t.amount,
      fee: t.fee ?? 0n,
      createdAt: new Date(t.at),
      updatedAt: new Date(t.at),
    })
    .returning({ id: transactions.id });
  return row!.id;
}

describe.each(testEngines())("customer detail on %s", (engine) => {
  const t = withTestDb(engine);

  it("shows the profile and the figures: only successful amounts, only the market's currency", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const id = await addCustomer(t.db, integrator.id, {
      firstName: "Jane",
      lastName: "Wanjiku",
      email: "jane@example.test",
      idType: "NATIONAL_ID",
      idNumber: "12345678",
      dateOfBirth: "1990-03-12",
      nameLookupStatus: "MATCHED",
      verifiedName: "JANE WANJIKU",
      verifiedAt: new Date("2026-01-02T08:00:00Z"),
    });
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "SUCCESSFUL", amount: 10_000n, at: "2026-01-01T10:00:00Z" });
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "SUCCESSFUL", amount: 2_500n, at: "2026-01-02T10:00:00Z" });
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "FAILED", amount: 99_000n, at: "2026-01-03T10:00:00Z" });
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "PENDING", amount: 77_000n, at: "2026-01-04T10:00:00Z" });
    // The legacy "SUCCESS" is not SUCCESSFUL (the Customers list's rule).
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "SUCCESS", amount: 33_000n, at: "2026-01-04T11:00:00Z" });
    await addTx(t.db, integrator.id, id, { kind: "payout", status: "SUCCESSFUL", amount: 4_000n, at: "2026-01-05T10:00:00Z" });
    await addTx(t.db, integrator.id, id, { kind: "payout", status: "REVERSED", amount: 8_000n, at: "2026-01-06T10:00:00Z" });
    await addTx(t.db, integrator.id, id, { kind: "payout", status: "AWAITING_APPROVAL", amount: 16_000n, at: "2026-01-06T11:00:00Z" });
    // Another currency, another environment, another customer: not counted.
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "SUCCESSFUL", amount: 500_000n, at: "2026-02-01T10:00:00Z", market: UG });
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "SUCCESSFUL", amount: 600_000n, at: "2026-02-02T10:00:00Z", environment: "production" });
    const other = await addCustomer(t.db, integrator.id);
    await addTx(t.db, integrator.id, other, { kind: "collection", status: "SUCCESSFUL", amount: 700_000n, at: "2026-02-03T10:00:00Z" });

    const c = await getCustomer(t.db, scope, id);
    expect(c).toMatchObject({
      id,
      name: "Jane Wanjiku",
      countryCode: "KE",
      network: "MPESA",
      email: "jane@example.test",
      idType: "NATIONAL_ID",
      idNumber: "12345678",
      dateOfBirth: "1990-03-12",
      status: "active",
      suspendedUntil: null,
      nameLookupStatus: "MATCHED",
      verifiedName: "JANE WANJIKU",
      verifiedAt: "2026-01-02T08:00:00.000Z",
    });
    expect(c.summary).toEqual({
      currency: "KES",
      transactionCount: 8,
      totalCollected: "12500",
      totalPaid: "4000",
      lastActivityAt: "2026-01-06T11:00:00.000000Z",
    });

    // In Uganda the same customer's figures are the UGX ones.
    const ug = await getCustomer(t.db, testScope(integrator.id, { market: UG, markets: [KE, UG] }), id);
    expect(ug.summary).toMatchObject({ currency: "UGX", transactionCount: 1, totalCollected: "500000", totalPaid: "0" });

    // Without collections.read the collected total is not shown and collections are not counted.
    const payoutsOnly = await getCustomer(t.db, testScope(integrator.id, { permissions: ["customers.read", "payouts.read"] }), id);
    expect(payoutsOnly.summary).toMatchObject({ transactionCount: 3, totalCollected: null, totalPaid: "4000" });

    // No transactions at all.
    const fresh = await getCustomer(t.db, scope, await addCustomer(t.db, integrator.id));
    expect(fresh.summary).toEqual({ currency: "KES", transactionCount: 0, totalCollected: "0", totalPaid: "0", lastActivityAt: null });
    expect(fresh.name).toBeNull();
  });

  it("reads a past suspension as active and keeps a current one with its date", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const now = new Date("2026-03-01T00:00:00Z");
    const over = await addCustomer(t.db, integrator.id, { status: "suspended", suspendedUntil: new Date("2026-02-01T00:00:00Z") });
    const current = await addCustomer(t.db, integrator.id, { status: "suspended", suspendedUntil: new Date("2026-04-01T00:00:00Z") });
    expect(await getCustomer(t.db, scope, over, now)).toMatchObject({ status: "active", suspendedUntil: null });
    expect(await getCustomer(t.db, scope, current, now)).toMatchObject({ status: "suspended", suspendedUntil: "2026-04-01T00:00:00.000Z" });
  });

  it("answers Customer not found for another integrator's, the other environment's or a malformed id", async () => {
    const integrator = await createIntegrator(t.db);
    const other = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const theirs = await addCustomer(t.db, other.id);
    const production = await addCustomer(t.db, integrator.id, { environment: "production" });
    await addTx(t.db, other.id, theirs, { kind: "collection", status: "SUCCESSFUL", amount: 1_000n, at: "2026-01-01T10:00:00Z" });

    for (const id of [theirs, production, "no-such-customer", "bad id!", "x".repeat(65)]) {
      await expect(getCustomer(t.db, scope, id), id).rejects.toThrow(NotFoundError);
      await expect(getCustomer(t.db, scope, id), id).rejects.toThrow("Customer not found.");
      await expect(listCustomerTransactions(t.db, scope, id), id).rejects.toThrow("Customer not found.");
    }
    expect((await getCustomer(t.db, testScope(integrator.id, { environment: "production" }), production)).id).toBe(production);
  });

  it("lists the customer's collections and payouts newest first, page by page, with filters", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const id = await addCustomer(t.db, integrator.id, { firstName: "Otis" });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 10, i)).toISOString();
      ids.push(
        await addTx(t.db, integrator.id, id, {
          kind: i % 2 === 0 ? "collection" : "payout",
          status: i % 3 === 0 ? "FAILED" : "SUCCESSFUL",
          amount: BigInt(1000 + i),
          at,
        }),
      );
    }
    // Two rows at the same instant: the id breaks the tie, no row is lost or repeated.
    ids.push(await addTx(t.db, integrator.id, id, { kind: "collection", status: "PENDING", amount: 9n, at: "2026-01-01T10:06:00Z" }));
    // Not this customer's, not this market's, another kind.
    await addTx(t.db, integrator.id, await addCustomer(t.db, integrator.id), { kind: "collection", status: "SUCCESSFUL", amount: 1n, at: "2026-01-05T00:00:00Z" });
    await addTx(t.db, integrator.id, id, { kind: "collection", status: "SUCCESSFUL", amount: 1n, at: "2026-01-05T00:00:00Z", market: UG });
    await addTx(t.db, integrator.id, id, { kind: "onramp", status: "SUCCESSFUL", amount: 1n, at: "2026-01-05T00:00:00Z" });

    const all = await listCustomerTransactions(t.db, scope, id, { pageSize: 100 });
    expect(all.total).toBe(8);
    expect(all.kinds).toEqual(["collection", "payout"]);
    const order = all.rows.map((r) => r.id);
    expect(new Set(order)).toEqual(new Set(ids));
    for (let i = 1; i < all.rows.length; i++) {
      const [a, b] = [all.rows[i - 1], all.rows[i]];
      expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
    }
    expect(all.rows[all.rows.length - 1].id).toBe(ids[0]);
    expect(all.rows[0]).toMatchObject({ currency: "KES", channel: "MOBILE_MONEY", phoneNumber: "+254712345678" });
    expect(typeof all.rows[0].amount).toBe("bigint");

    // Keyset pages of 3: 3 + 3 + 2, then back.
    const parse = (qs: string) => customerTransactionsSchema.parse(queryObject(qs));
    const p1 = await listCustomerTransactions(t.db, scope, id, parse("size=10"));
    expect(p1.rows.map((r) => r.id)).toEqual(order);
    expect(p1).toMatchObject({ page: 1, hasNext: false, hasPrev: false, nextCursor: null });

    const pages: string[][] = [];
    let page = await listCustomerTransactions(t.db, scope, id, { pageSize: 3 });
    pages.push(page.rows.map((r) => r.id));
    expect(page).toMatchObject({ page: 1, hasPrev: false, hasNext: true, prevCursor: null });
    while (page.hasNext) {
      page = await listCustomerTransactions(t.db, scope, id, { pageSize: 3, page: page.page + 1, cursor: page.nextCursor! });
      pages.push(page.rows.map((r) => r.id));
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toEqual(order);
    expect(page).toMatchObject({ page: 3, hasPrev: true, hasNext: false, nextCursor: null });
    const back = await listCustomerTransactions(t.db, scope, id, { pageSize: 3, page: 2, cursor: page.prevCursor! });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]);
    expect(back).toMatchObject({ page: 2, hasPrev: true, hasNext: true });

    // Offset paging for a bare page number; past the end gives the last page.
    expect((await listCustomerTransactions(t.db, scope, id, { pageSize: 3, page: 2 })).rows.map((r) => r.id)).toEqual(pages[1]);
    const past = await listCustomerTransactions(t.db, scope, id, { pageSize: 3, page: 9 });
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.id)).toEqual(pages[2]);

    // Filters: status and kind.
    const failed = await listCustomerTransactions(t.db, scope, id, parse("status=FAILED&size=50"));
    expect(failed.rows.every((r) => r.status === "FAILED")).toBe(true);
    expect(failed.total).toBe(3);
    const payouts = await listCustomerTransactions(t.db, scope, id, parse("kind=payout"));
    expect(payouts.rows.map((r) => r.kind)).toEqual(["payout", "payout", "payout"]);
    const both = await listCustomerTransactions(t.db, scope, id, parse("status=FAILED,PENDING&kind=collection"));
    expect(new Set(both.rows.map((r) => r.id))).toEqual(new Set([ids[0], ids[6], ids[7]]));
    expect(both.rows.every((r) => r.kind === "collection" && (r.status === "FAILED" || r.status === "PENDING"))).toBe(true);
    expect(both.total).toBe(3);

    // The route's schema refuses unknown filters.
    expect(customerTransactionsSchema.safeParse(queryObject("status=NOPE")).success).toBe(false);
    expect(customerTransactionsSchema.safeParse(queryObject("kind=onramp")).success).toBe(false);
    expect(customerTransactionsSchema.safeParse(queryObject("cursor=%%%")).success).toBe(false);
    expect(customerTransactionsSchema.safeParse(queryObject("size=7")).success).toBe(false);
  });

  it("hides the kinds the member may not read", async () => {
    const integrator = await createIntegrator(t.db);
    const id = await addCustomer(t.db, integrator.id);
    const collection = await addTx(t.db, integrator.id, id, { kind: "collection", status: "SUCCESSFUL", amount: 100n, at: "2026-01-01T10:00:00Z" });
    const payout = await addTx(t.db, integrator.id, id, { kind: "payout", status: "SUCCESSFUL", amount: 200n, at: "2026-01-02T10:00:00Z" });

    const payoutsOnly = testScope(integrator.id, { permissions: ["customers.read", "payouts.read"] });
    const seen = await listCustomerTransactions(t.db, payoutsOnly, id);
    expect(seen.rows.map((r) => r.id)).toEqual([payout]);
    expect(seen.kinds).toEqual(["payout"]);
    expect(seen.total).toBe(1);
    // Asking for collections does not reveal them.
    expect((await listCustomerTransactions(t.db, payoutsOnly, id, { kind: "collection" })).rows).toEqual([]);

    const collectionsOnly = testScope(integrator.id, { permissions: ["collections.read"] });
    expect((await listCustomerTransactions(t.db, collectionsOnly, id)).rows.map((r) => r.id)).toEqual([collection]);

    const neither = testScope(integrator.id, { permissions: ["customers.read"] });
    expect(await listCustomerTransactions(t.db, neither, id)).toMatchObject({ rows: [], total: 0, kinds: [] });
  });

  it("links a row to its transaction in its own list, keeping the market and environment", () => {
    const context = { environment: "sandbox", market: KE };
    expect(customerTransactionHref({ id: "abc123", kind: "collection" }, context)).toBe("/collections?tx=abc123&m=KE-KES&env=sandbox");
    expect(customerTransactionHref({ id: "abc123", kind: "payout" }, { environment: "production", market: UG })).toBe(
      "/payouts?tx=abc123&m=UG-UGX&env=production",
    );
  });
});
