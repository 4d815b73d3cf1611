import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import type { Environment } from "@/lib/db/schema/enums";
import { customers } from "@/lib/db/schema";
import { testScope } from "@/lib/auth/test-scope";
import { createIntegrator } from "@/lib/wallets/test-fixtures";
import { searchCustomers } from "./search-customers";

const KE = { country: "KE", currency: "KES" };
const UG = { country: "UG", currency: "UGX" };

let seq = 0;
async function addCustomer(
  db: Db,
  integratorId: string,
  c: { phone: string | null; first?: string; last?: string; key?: string; environment?: Environment; country?: string; network?: string },
): Promise<string> {
  seq += 1;
  const [row] = await db
    .insert(customers)
    .values({
      integratorId,
      environment: c.environment ?? "sandbox",
      customerKey: c.key ?? `CUST${String(seq).padStart(16, "0")}`,
      phoneNumber: c.phone,
      countryCode: c.country ?? "KE",
      network: c.network ?? "MPESA",
      firstName: c.first ?? null,
      lastName: c.last ?? null,
    })
    .returning({ id: customers.id });
  return row!.id;
}

describe.each(testEngines())("searchCustomers on %s", (engine) => {
  const t = withTestDb(engine);

  it("finds a customer by the phone number in any typed form, and by name or customer key", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const jane = await addCustomer(t.db, integrator.id, { phone: "+254712345678", first: "Jane", last: "Wanjiku", key: "JANEKEY0000000000001" });
    const otis = await addCustomer(t.db, integrator.id, { phone: "+254733000111", first: "Otis", last: "Odhiambo", network: "AIRTEL" });
    await addCustomer(t.db, integrator.id, { phone: "+254799999999" });

    for (const q of ["0712345678", "712345678", "254712345678", "+254 712 345 678", "+254-712-345", "0712 34"]) {
      const found = await searchCustomers(t.db, scope, { q });
      expect(found.map((f) => f.id), q).toEqual([jane]);
    }
    const [match] = await searchCustomers(t.db, scope, { q: "0712345678" });
    expect(match).toEqual({ id: jane, customerKey: "JANEKEY0000000000001", name: "Jane Wanjiku", phoneNumber: "+254712345678", network: "MPESA" });

    expect((await searchCustomers(t.db, scope, { q: "jane" })).map((f) => f.id)).toEqual([jane]);
    expect((await searchCustomers(t.db, scope, { q: "ODHI" })).map((f) => f.id)).toEqual([otis]);
    expect((await searchCustomers(t.db, scope, { q: "Jane Wan" })).map((f) => f.id)).toEqual([jane]);
    expect((await searchCustomers(t.db, scope, { q: "janekey" })).map((f) => f.id)).toEqual([jane]);
    // LIKE wildcards are literal.
    expect(await searchCustomers(t.db, scope, { q: "%" })).toEqual([]);
    expect(await searchCustomers(t.db, scope, { q: "_" })).toEqual([]);
    expect(await searchCustomers(t.db, scope, { q: "nobody" })).toEqual([]);
    // No text: the newest customers of the market.
    expect(await searchCustomers(t.db, scope, { q: "" })).toHaveLength(3);
  });

  it("returns at most 10 customers", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    for (let i = 0; i < 12; i++) await addCustomer(t.db, integrator.id, { phone: `+2547100000${String(i).padStart(2, "0")}`, first: "Many" });
    expect(await searchCustomers(t.db, scope, { q: "many" })).toHaveLength(10);
    expect(await searchCustomers(t.db, scope, { q: "07100000" })).toHaveLength(10);
  });

  it("never returns another integrator's, the other environment's or another country's customers", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const other = await createIntegrator(t.db);
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const mine = await addCustomer(t.db, integrator.id, { phone: "+254712345678", first: "Jane" });
    const production = await addCustomer(t.db, integrator.id, { phone: "+254712345679", first: "Jane", environment: "production" });
    await addCustomer(t.db, other.id, { phone: "+254712345670", first: "Jane" });
    const uganda = await addCustomer(t.db, integrator.id, { phone: "+256712345678", first: "Jane", country: "UG", network: "AIRTEL" });

    for (const q of ["Jane", "0712345", ""]) {
      expect((await searchCustomers(t.db, scope, { q })).map((f) => f.id), q).toEqual([mine]);
    }
    expect((await searchCustomers(t.db, testScope(integrator.id, { environment: "production" }), { q: "Jane" })).map((f) => f.id)).toEqual([
      production,
    ]);
    expect((await searchCustomers(t.db, testScope(integrator.id, { market: UG }), { q: "0712345678" })).map((f) => f.id)).toEqual([uganda]);
    expect(await searchCustomers(t.db, testScope(other.id, { environment: "production" }), { q: "Jane" })).toEqual([]);
  });
});
