import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import type { Environment, TransactionKind } from "@/lib/db/schema/enums";
import { customers, transactions } from "@/lib/db/schema";
import { testScope } from "@/lib/auth/test-scope";
import { ValidationError } from "@/lib/auth/errors";
import { queryObject } from "@/lib/client/list-params";
import { createIntegrator } from "@/lib/wallets/test-fixtures";
import { customersListSchema } from "./customers-contract-schema";
import { listCustomers } from "./list-customers";
import { exportCustomers } from "./export-customers";

const KE = { country: "KE", currency: "KES" };
const UG = { country: "UG", currency: "UGX" };
const NOW = new Date("2026-03-01T12:00:00Z");

let seq = 0;
async function addCustomer(
  db: Db,
  integratorId: string,
  c: {
    phone?: string | null;
    first?: string;
    last?: string;
    email?: string;
    key?: string;
    environment?: Environment;
    country?: string;
    network?: string;
    status?: string;
    suspendedUntil?: Date;
    createdAt?: Date;
  } = {},
): Promise<string> {
  seq += 1;
  const [row] = await db
    .insert(customers)
    .values({
      integratorId,
      environment: c.environment ?? "sandbox",
      customerKey: c.key ?? `CUST${String(seq).padStart(16, "0")}`,
      phoneNumber: c.phone === undefined ? `+2547${String(10_000_000 + seq).slice(-8)}` : c.phone,
      countryCode: c.country ?? "KE",
      network: c.network ?? "MPESA",
      firstName: c.first ?? null,
      lastName: c.last ?? null,
      email: c.email ?? null,
      status: c.status ?? "active",
      suspendedUntil: c.suspendedUntil ?? null,
      createdAt: c.createdAt ?? new Date(NOW.getTime() - (1000 - seq) * 60_000),
    })
    .returning({ id: customers.id });
  return row!.id;
}

async function addTx(
  db: Db,
  integratorId: string,
  customerId: string,
  t: { kind: TransactionKind; status: string; amount: bigint; currency?: string; country?: string; environment?: Environment },
): Promise<void> {
  seq += 1;
  await db.insert(transactions).values({
    integratorId,
    environment: t.environment ?? "sandbox",
    kind: t.kind,
    channel: "MOBILE_MONEY",
    referenceId: `REF-${seq}`,
    referenceNumber: 1_000_000 + seq,
    status: t.status,
    country: t.country ?? "KE",
    currency: t.currency ?? "KES",
    customerId,
    amount: t.amount,
    transactionAmount: t.amount,
  });
}

const q = (qs: string) => customersListSchema.parse(queryObject(qs));

describe.each(testEngines())("listCustomers on %s", (engine) => {
  const t = withTestDb(engine);

  it("finds customers by the phone number in any typed form, by name, email or key", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const jane = await addCustomer(t.db, integrator.id, {
      phone: "+254712345678",
      first: "Jane",
      last: "Wanjiku",
      email: "jane@example.test",
      key: "JANEKEY0000000000001",
    });
    const otis = await addCustomer(t.db, integrator.id, { phone: "+254733000111", first: "Otis", last: "Odhiambo", network: "AIRTEL" });
    await addCustomer(t.db, integrator.id, { phone: "+254799999999" });
    const ids = async (qs: string) => (await listCustomers(t.db, scope, q(qs), NOW)).rows.map((r) => r.id);

    for (const typed of ["0712345678", "712345678", "254712345678", "+254 712 345 678", "+254-712-345", "0712 34"]) {
      expect(await ids(`q=${encodeURIComponent(typed)}`), typed).toEqual([jane]);
    }
    expect(await ids("q=jane")).toEqual([jane]);
    expect(await ids("q=ODHI")).toEqual([otis]);
    expect(await ids("q=Jane%20Wan")).toEqual([jane]);
    expect(await ids("q=janekey")).toEqual([jane]);
    expect(await ids("q=example.test")).toEqual([jane]);
    // LIKE wildcards are literal.
    expect(await ids("q=%25")).toEqual([]);
    expect(await ids("q=_")).toEqual([]);
    expect(await ids("q=nobody")).toEqual([]);
    // Digits are a phone number: they do not look into keys or emails.
    expect(await ids("q=0000000001")).toEqual([]);
    expect(await ids("q=KEY0000000000001")).toEqual([jane]);

    const [row] = (await listCustomers(t.db, scope, q("q=0712345678"), NOW)).rows;
    expect(row).toEqual({
      id: jane,
      customerKey: "JANEKEY0000000000001",
      name: "Jane Wanjiku",
      email: "jane@example.test",
      phoneNumber: "+254712345678",
      country: "KE",
      network: "MPESA",
      status: "active",
      suspendedUntil: null,
      transactionCount: 0,
      totalCollected: "0",
      totalPaid: "0",
      createdAt: expect.any(String),
    });
  });

  it("filters by country (among the organisation's markets), network and status; a lapsed suspension reads active", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const mpesa = await addCustomer(t.db, integrator.id, { network: "MPESA" });
    const airtel = await addCustomer(t.db, integrator.id, { network: "AIRTEL" });
    const inactive = await addCustomer(t.db, integrator.id, { status: "inactive" });
    const suspended = await addCustomer(t.db, integrator.id, { status: "suspended", suspendedUntil: new Date("2026-04-01T00:00:00Z") });
    const forever = await addCustomer(t.db, integrator.id, { status: "suspended" });
    const lapsed = await addCustomer(t.db, integrator.id, { status: "suspended", suspendedUntil: new Date("2026-02-01T00:00:00Z") });
    const uganda = await addCustomer(t.db, integrator.id, { phone: "+256772123456", country: "UG", network: "MTN" });
    const ids = async (qs: string) => new Set((await listCustomers(t.db, scope, q(qs), NOW)).rows.map((r) => r.id));

    // The selected market's country unless the filter asks otherwise.
    expect(await ids("")).toEqual(new Set([mpesa, airtel, inactive, suspended, forever, lapsed]));
    expect(await ids("country=UG")).toEqual(new Set([uganda]));
    expect((await ids("country=KE,UG")).size).toBe(7);
    await expect(listCustomers(t.db, scope, q("country=TZ"), NOW)).rejects.toThrow(ValidationError);
    await expect(listCustomers(t.db, scope, q("country=TZ"), NOW)).rejects.toThrow("Tanzania is not one of your markets");
    // A phone search in several countries understands each country's numbers.
    expect(await ids("country=KE,UG&q=0772%20123")).toEqual(new Set([uganda]));

    expect(await ids("network=AIRTEL")).toEqual(new Set([airtel]));
    expect(await ids("network=AIRTEL,MTN&country=UG")).toEqual(new Set([uganda]));
    expect(await ids("status=inactive")).toEqual(new Set([inactive]));
    expect(await ids("status=suspended")).toEqual(new Set([suspended, forever]));
    expect(await ids("status=active")).toEqual(new Set([mpesa, airtel, lapsed]));
    expect(await ids("status=active,inactive&network=MPESA")).toEqual(new Set([mpesa, inactive, lapsed]));

    const rows = (await listCustomers(t.db, scope, q("sort=status.asc&size=10"), NOW)).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(lapsed)).toMatchObject({ status: "active", suspendedUntil: null });
    expect(byId.get(suspended)).toMatchObject({ status: "suspended", suspendedUntil: "2026-04-01T00:00:00.000Z" });
    expect(byId.get(forever)).toMatchObject({ status: "suspended", suspendedUntil: null });
    expect(rows.map((r) => r.status)).toEqual(["active", "active", "active", "inactive", "suspended", "suspended"]);
  });

  it("counts each customer's transactions and sums SUCCESSFUL collections and payouts in the market's currency", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const jane = await addCustomer(t.db, integrator.id, { first: "Jane" });
    const otis = await addCustomer(t.db, integrator.id, { first: "Otis" });
    const none = await addCustomer(t.db, integrator.id, { first: "Nobody" });
    const add = (id: string, kind: TransactionKind, status: string, amount: bigint, extra: { currency?: string; environment?: Environment } = {}) =>
      addTx(t.db, integrator.id, id, { kind, status, amount, ...extra });
    await add(jane, "collection", "SUCCESSFUL", 100_00n);
    await add(jane, "collection", "SUCCESSFUL", 250_50n);
    await add(jane, "collection", "FAILED", 999_00n);
    await add(jane, "collection", "PENDING", 999_00n);
    await add(jane, "payout", "SUCCESSFUL", 40_00n);
    await add(jane, "payout", "REVERSED", 999_00n);
    await add(jane, "collection", "SUCCESSFUL", 7_000n, { currency: "UGX" });
    await add(otis, "payout", "SUCCESSFUL", 10_00n);
    await add(otis, "payout", "SUCCESSFUL", 5_00n);

    const page = await listCustomers(t.db, scope, q("sort=name.asc"), NOW);
    expect(page.currency).toBe("KES");
    expect(page.rows.map((r) => [r.name, r.transactionCount, r.totalCollected, r.totalPaid])).toEqual([
      ["Jane", 7, "35050", "4000"],
      ["Nobody", 0, "0", "0"],
      ["Otis", 2, "0", "1500"],
    ]);
    expect(page.rows.find((r) => r.id === none)?.transactionCount).toBe(0);
  });

  it("never shows another integrator's or the other environment's customers", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const other = await createIntegrator(t.db);
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const mine = await addCustomer(t.db, integrator.id, { phone: "+254712345678", first: "Jane" });
    const production = await addCustomer(t.db, integrator.id, { phone: "+254712345679", first: "Jane", environment: "production" });
    const theirs = await addCustomer(t.db, other.id, { phone: "+254712345670", first: "Jane" });
    // A transaction of the other environment does not count either.
    await addTx(t.db, integrator.id, mine, { kind: "collection", status: "SUCCESSFUL", amount: 100n });

    for (const qs of ["", "q=jane", "q=0712345", "country=KE,UG", "status=active"]) {
      const page = await listCustomers(t.db, scope, q(qs), NOW);
      expect(page.rows.map((r) => r.id), qs).toEqual([mine]);
      expect(page.total, qs).toBe(1);
    }
    const prodScope = testScope(integrator.id, { environment: "production", markets: [KE, UG] });
    expect((await listCustomers(t.db, prodScope, q(""), NOW)).rows.map((r) => r.id)).toEqual([production]);
    expect((await listCustomers(t.db, testScope(other.id), q(""), NOW)).rows.map((r) => r.id)).toEqual([theirs]);
    expect((await listCustomers(t.db, scope, q(""), NOW)).rows[0]).toMatchObject({ transactionCount: 1, totalCollected: "100" });

    const csv = exportCustomers(t.db, scope, q("q=jane"), { now: NOW });
    let body = "";
    for await (const chunk of csv.lines) body += chunk;
    expect(body.trim().split("\r\n")).toHaveLength(1);
  });

  it("pages with a total; sorts; a page past the end answers the last page", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push(await addCustomer(t.db, integrator.id, { first: `Name${String(i).padStart(2, "0")}` }));
    const newestFirst = [...ids].reverse();

    const first = await listCustomers(t.db, scope, q("size=10"), NOW);
    expect(first).toMatchObject({ total: 25, page: 1, size: 10 });
    expect(first.rows.map((r) => r.id)).toEqual(newestFirst.slice(0, 10));
    const third = await listCustomers(t.db, scope, q("size=10&page=3"), NOW);
    expect(third.rows.map((r) => r.id)).toEqual(newestFirst.slice(20));
    const past = await listCustomers(t.db, scope, q("size=10&page=9"), NOW);
    expect(past).toMatchObject({ total: 25, page: 3 });
    expect(past.rows).toHaveLength(5);

    const byName = await listCustomers(t.db, scope, q("sort=name.asc&size=10&page=2"), NOW);
    expect(byName.rows.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Name${String(i + 10).padStart(2, "0")}`));
    const filtered = await listCustomers(t.db, scope, q("q=name1&size=10"), NOW);
    expect(filtered.total).toBe(10);

    const empty = await listCustomers(t.db, scope, q("q=nobody&page=4"), NOW);
    expect(empty).toMatchObject({ rows: [], total: 0, page: 1 });
  });

  it("exports the filtered customers as CSV, newest first, formula cells neutralised", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const jane = await addCustomer(t.db, integrator.id, { first: "=cmd()", last: "Wanjiku", key: "KEYJANE0000000000001" });
    await addCustomer(t.db, integrator.id, { first: "Otis", status: "inactive", key: "KEYOTIS0000000000001" });
    for (let i = 0; i < 5; i++) await addCustomer(t.db, integrator.id, { first: `Bulk${i}` });
    await addTx(t.db, integrator.id, jane, { kind: "collection", status: "SUCCESSFUL", amount: 123_45n });

    const all = exportCustomers(t.db, scope, q(""), { now: NOW, batchSize: 2 });
    expect(all.filename).toBe("kotani-customers-ke-kes-sandbox-20260301-120000.csv");
    expect(all.header).toContain("Total collected (KES)");
    let body = "";
    for await (const chunk of all.lines) body += chunk;
    const lines = body.trim().split("\r\n");
    expect(lines).toHaveLength(7);
    const janeLine = lines.find((l) => l.startsWith("KEYJANE"))!;
    expect(janeLine.split(",").slice(0, 4)).toEqual(["KEYJANE0000000000001", "'=cmd()", "Wanjiku", ""]);
    expect(janeLine).toContain(",1,123.45,0.00,");

    const inactive = exportCustomers(t.db, scope, q("status=inactive"), { now: NOW });
    body = "";
    for await (const chunk of inactive.lines) body += chunk;
    expect(body.trim().split("\r\n").map((l) => l.split(",")[0])).toEqual(["KEYOTIS0000000000001"]);
  });
});
