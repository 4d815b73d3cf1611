/**
 * The command palette's "Find" (searchEverything) and its route: transactions by reference prefix
 * or phone in any typed form, customers, payment links; only what the member may read, only their
 * integrator's rows of the selected environment and market; bad input a 400 with the schema's message.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { Environment, TransactionKind } from "@/lib/db/schema/enums";
import { customers, transactions } from "@/lib/db/schema";
import { ALL_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { testScope } from "@/lib/auth/test-scope";
import { createIntegrator } from "@/lib/wallets/test-fixtures";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { createPaymentLinkSchema, DEFAULT_CUSTOMER_FIELDS } from "@/lib/payment-links/schemas";
import type { Market } from "@/lib/markets";
import { searchEverything } from "./search-everything";

const state: { scope: Scope | null; db: Db | null } = { scope: null, db: null };

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("@/lib/auth/scope", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/scope")>();
  return {
    ...actual,
    requireScope: async () => {
      if (!state.scope) throw new (await import("@/lib/auth/errors")).UnauthorizedError();
      return state.scope;
    },
  };
});
vi.mock("@/lib/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/client")>();
  return { ...actual, getDb: async () => state.db! };
});

const route = await import("@/app/api/search/route");

function get(q: string) {
  return route.GET(new Request(`http://localhost/api/search?q=${encodeURIComponent(q)}`), { params: Promise.resolve({}) });
}

const KE: Market = { country: "KE", currency: "KES" };
const UG: Market = { country: "UG", currency: "UGX" };

let seq = 0;
async function addTx(
  db: Db,
  integratorId: string,
  tx: { kind: TransactionKind; ref: string; phone: string; environment?: Environment; market?: Market; minutesAgo?: number },
): Promise<string> {
  seq += 1;
  const market = tx.market ?? KE;
  const [row] = await db
    .insert(transactions)
    .values({
      integratorId,
      environment: tx.environment ?? "sandbox",
      kind: tx.kind,
      channel: "MOBILE_MONEY",
      referenceId: tx.ref,
      referenceNumber: 50_000_000 + seq,
      status: "SUCCESSFUL",
      country: market.country,
      currency: market.currency,
      network: market.country === "KE" ? "MPESA" : "MTN",
      phoneNumber: tx.phone,
      amount: 150_000n,
      transactionAmount: 150_000n,
      createdAt: new Date(Date.UTC(2026, 0, 31, 12) - (tx.minutesAgo ?? seq) * 60_000),
    })
    .returning({ id: transactions.id });
  return row!.id;
}

async function addCustomer(
  db: Db,
  integratorId: string,
  c: { phone: string; first: string; last?: string; key: string; environment?: Environment; country?: string },
): Promise<string> {
  const [row] = await db
    .insert(customers)
    .values({
      integratorId,
      environment: c.environment ?? "sandbox",
      customerKey: c.key,
      phoneNumber: c.phone,
      countryCode: c.country ?? "KE",
      network: "MPESA",
      firstName: c.first,
      lastName: c.last ?? null,
    })
    .returning({ id: customers.id });
  return row!.id;
}

async function addLink(db: Db, scope: Scope, name: string) {
  const { link } = await createPaymentLink(
    db,
    scope,
    createPaymentLinkSchema.parse({
      name,
      linkType: "STANDARD",
      pricing: "FIXED",
      amount: "500",
      paymentMethods: ["MOBILE_MONEY"],
      usage: "UNLIMITED",
      customerFields: { ...DEFAULT_CUSTOMER_FIELDS },
    }),
  );
  return link;
}

const without = (...drop: Permission[]) => ALL_PERMISSIONS.filter((p) => !drop.includes(p));

describe.each(testEngines())("searchEverything on %s", (engine) => {
  const t = withTestDb(engine);
  let mine: { id: string };
  let other: { id: string };
  let scope: Scope;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    state.db = t.db;
    mine = await createIntegrator(t.db, { markets: [KE, UG] });
    other = await createIntegrator(t.db, { markets: [KE, UG] });
    scope = testScope(mine.id, { markets: [KE, UG] });
    ids.collection = await addTx(t.db, mine.id, { kind: "collection", ref: "FINDCOL1", phone: "+254712345678", minutesAgo: 3 });
    ids.payout = await addTx(t.db, mine.id, { kind: "payout", ref: "FINDPAY1", phone: "+254712345678", minutesAgo: 2 });
    ids.onramp = await addTx(t.db, mine.id, { kind: "onramp", ref: "FINDONR1", phone: "+254799000111", minutesAgo: 1 });
    // Not ours, not this environment, not this market: never found from the scope above.
    ids.otherIntegrator = await addTx(t.db, other.id, { kind: "collection", ref: "FINDCOL2", phone: "+254712345678" });
    ids.production = await addTx(t.db, mine.id, { kind: "collection", ref: "FINDCOL3", phone: "+254712345678", environment: "production" });
    ids.uganda = await addTx(t.db, mine.id, { kind: "collection", ref: "FINDCOL4", phone: "+256712345678", market: UG });
    ids.jane = await addCustomer(t.db, mine.id, { phone: "+254712345678", first: "Jane", last: "Findlay", key: "CUSTFINDJANE00000001" });
    ids.otherJane = await addCustomer(t.db, other.id, { phone: "+254712345678", first: "Jane", last: "Findlay", key: "CUSTFINDJANE00000002" });
    ids.link = (await addLink(t.db, scope, "Findlay school fees")).id;
    ids.otherLink = (await addLink(t.db, testScope(other.id, { markets: [KE, UG] }), "Findlay school fees")).id;
  });

  it("finds transactions by the start of their reference, in any case", async () => {
    const found = await searchEverything(t.db, scope, { q: "FIND" });
    expect(found.transactions.map((x) => x.id)).toEqual([ids.onramp, ids.payout, ids.collection]);
    expect((await searchEverything(t.db, scope, { q: "findcol" })).transactions.map((x) => x.id)).toEqual([ids.collection]);
    const [hit] = (await searchEverything(t.db, scope, { q: "FINDPAY1" })).transactions;
    expect(hit).toEqual({
      id: ids.payout,
      kind: "payout",
      referenceId: "FINDPAY1",
      status: "SUCCESSFUL",
      amount: "150000",
      currency: "KES",
      phoneNumber: "+254712345678",
      createdAt: "2026-01-31T11:58:00.000000Z",
      href: `/payouts?tx=${ids.payout}`,
    });
    // A prefix, not a substring; wildcards are literal.
    expect((await searchEverything(t.db, scope, { q: "COL1" })).transactions).toEqual([]);
    expect((await searchEverything(t.db, scope, { q: "FIN%" })).transactions).toEqual([]);
    expect((await searchEverything(t.db, scope, { q: "___" })).transactions).toEqual([]);
  });

  it("finds transactions and customers by phone number in any typed form", async () => {
    for (const q of ["0712345678", "712345678", "254712345678", "+254 712 345 678", "+254-712-345", "(0712) 345 678"]) {
      const found = await searchEverything(t.db, scope, { q });
      expect(found.transactions.map((x) => x.id), q).toEqual([ids.payout, ids.collection]);
      expect(found.customers.map((x) => x.id), q).toEqual([ids.jane]);
    }
  });

  it("finds customers by name or key and payment links by name or short code", async () => {
    const found = await searchEverything(t.db, scope, { q: "findlay" });
    expect(found.customers).toEqual([
      { id: ids.jane, name: "Jane Findlay", phoneNumber: "+254712345678", customerKey: "CUSTFINDJANE00000001", href: `/customers/${ids.jane}` },
    ]);
    expect(found.paymentLinks.map((x) => x.id)).toEqual([ids.link]);
    expect(found.paymentLinks[0]).toMatchObject({ name: "Findlay school fees", active: true, href: `/payment-links/${ids.link}` });
    expect(found.transactions).toEqual([]);
    expect((await searchEverything(t.db, scope, { q: "custfindjane" })).customers.map((x) => x.id)).toEqual([ids.jane]);
    const code = found.paymentLinks[0]!.shortCode;
    expect((await searchEverything(t.db, scope, { q: code.toUpperCase() })).paymentLinks.map((x) => x.id)).toEqual([ids.link]);
  });

  it("fewer than 3 characters find nothing", async () => {
    expect(await searchEverything(t.db, scope, { q: "FI" })).toEqual({ q: "FI", transactions: [], customers: [], paymentLinks: [] });
    expect(await searchEverything(t.db, scope, { q: "  F " })).toEqual({ q: "F", transactions: [], customers: [], paymentLinks: [] });
  });

  it("only searches what the member may read", async () => {
    const noPayouts = testScope(mine.id, { markets: [KE, UG], role: "Collections", permissions: without("payouts.read") });
    let found = await searchEverything(t.db, noPayouts, { q: "FIND" });
    expect(found.transactions.map((x) => x.kind).sort()).toEqual(["collection", "onramp"]);
    expect((await searchEverything(t.db, noPayouts, { q: "FINDPAY" })).transactions).toEqual([]);

    const noCustomersOrLinks = testScope(mine.id, { permissions: without("customers.read", "payment_links.read") });
    found = await searchEverything(t.db, noCustomersOrLinks, { q: "findlay" });
    expect(found.customers).toEqual([]);
    expect(found.paymentLinks).toEqual([]);

    const nothing = testScope(mine.id, { permissions: ["customers.manage"] });
    expect(await searchEverything(t.db, nothing, { q: "0712345678" })).toEqual({ q: "0712345678", transactions: [], customers: [], paymentLinks: [] });
  });

  it("never finds another integrator's, the other environment's or another market's rows", async () => {
    for (const q of ["FINDCOL", "0712345678", "findlay"]) {
      const found = await searchEverything(t.db, scope, { q });
      const all = [...found.transactions, ...found.customers, ...found.paymentLinks].map((x) => x.id);
      for (const foreign of [ids.otherIntegrator, ids.production, ids.uganda, ids.otherJane, ids.otherLink]) expect(all, q).not.toContain(foreign);
    }
    // Each is found from its own scope.
    expect((await searchEverything(t.db, testScope(mine.id, { environment: "production" }), { q: "FINDCOL" })).transactions.map((x) => x.id)).toEqual([
      ids.production,
    ]);
    expect((await searchEverything(t.db, testScope(mine.id, { market: UG, markets: [KE, UG] }), { q: "0712345678" })).transactions.map((x) => x.id)).toEqual([
      ids.uganda,
    ]);
    const theirs = await searchEverything(t.db, testScope(other.id), { q: "FINDCOL" });
    expect(theirs.transactions.map((x) => x.id)).toEqual([ids.otherIntegrator]);
  });

  it("the route: results as JSON for any signed-in member; control characters are a 400 with the schema's message", async () => {
    state.scope = scope;
    const ok = await get("FINDPAY");
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { transactions: { id: string; amount: string }[] };
    expect(body.transactions.map((x) => x.id)).toEqual([ids.payout]);
    expect(body.transactions[0]!.amount).toBe("150000");

    for (const q of ["FIND\u0000", "a\u0007bc", "abc\u001b[0m"]) {
      const res = await get(q);
      expect(res.status, JSON.stringify(q)).toBe(400);
      expect(await res.json()).toMatchObject({ success: false, message: "The search cannot contain control characters", error_code: 400 });
    }
    const long = await get("x".repeat(101));
    expect(long.status).toBe(400);
    expect((await long.json()).message).toBe("Search is limited to 100 characters");

    // A member without any read permission is let in and finds nothing.
    state.scope = testScope(mine.id, { permissions: ["customers.manage"] });
    const empty = await get("FINDCOL");
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual({ q: "FINDCOL", transactions: [], customers: [], paymentLinks: [] });
    state.scope = null;
  });
});
