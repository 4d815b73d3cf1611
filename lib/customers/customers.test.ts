import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import { auditLogs, customers } from "@/lib/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { testScope } from "@/lib/auth/test-scope";
import { COUNTRIES, type Market } from "@/lib/markets";
import { resolveMobileRecipient } from "@/lib/engine/new-transaction";
import { NO_PROVIDER_MESSAGE } from "@/lib/engine/providers";
import { createIntegrator } from "@/lib/wallets/test-fixtures";
import type { Scope } from "@/lib/auth/scope";
import { createCustomer, DuplicateCustomerError } from "./create-customer";
import { updateCustomer } from "./update-customer";
import { reactivateCustomer, suspendCustomer } from "./suspend-customer";
import { verifyAccountName } from "./verify-account-name";
import {
  createCustomerSchema,
  suspendCustomerSchema,
  updateCustomerSchema,
  verifyAccountNameSchema,
  type CreateCustomerInput,
  type UpdateCustomerInput,
} from "./schemas";

const KE: Market = { country: "KE", currency: "KES" };
const UG: Market = { country: "UG", currency: "UGX" };

/** A valid mobile number per seeded country with networks, and the network its prefix belongs to. */
const MOBILE_BY_COUNTRY: Record<string, { typed: string; e164: string; network: string }> = {
  KE: { typed: "0712 345 678", e164: "+254712345678", network: "MPESA" },
  UG: { typed: "+256 772 123 456", e164: "+256772123456", network: "MTN" },
  TZ: { typed: "+255754123456", e164: "+255754123456", network: "VODACOM" },
  GH: { typed: "+233241234567", e164: "+233241234567", network: "MTN" },
  NG: { typed: "+2348031234567", e164: "+2348031234567", network: "MTN" },
  ZA: { typed: "+27721234567", e164: "+27721234567", network: "VODACOM" },
  CI: { typed: "+2250712345678", e164: "+2250712345678", network: "ORANGE" },
  SN: { typed: "+221771234567", e164: "+221771234567", network: "ORANGE" },
  CM: { typed: "+237671234567", e164: "+237671234567", network: "MTN" },
  ZM: { typed: "+260971234567", e164: "+260971234567", network: "AIRTEL" },
  RW: { typed: "+250781234567", e164: "+250781234567", network: "MTN" },
  CD: { typed: "+243811234567", e164: "+243811234567", network: "VODACOM" },
  MW: { typed: "+265991234567", e164: "+265991234567", network: "AIRTEL" },
};
const CALLING: Record<string, string> = { KE: "254", UG: "256", TZ: "255", GH: "233", NG: "234", ZA: "27", CI: "225", SN: "221", CM: "237", ZM: "260", RW: "250", CD: "243", MW: "265" };

/** What the action does: parse with the form's schema, then the service. */
const create = (db: Db, scope: Scope, input: CreateCustomerInput) => createCustomer(db, scope, createCustomerSchema.parse(input));
const update = (db: Db, scope: Scope, input: UpdateCustomerInput) => updateCustomer(db, scope, updateCustomerSchema.parse(input));

function schemaErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
}

async function countCustomers(db: Db, integratorId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(customers).where(eq(customers.integratorId, integratorId));
  return r!.n;
}

async function auditsOf(db: Db, integratorId: string, action: string) {
  return db
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.integratorId, integratorId), eq(auditLogs.action, action)));
}

function isoIn(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

describe("customer schemas", () => {
  const base = { phoneNumber: "0712345678" };

  it("refuse a malformed email, a date of birth in the future, before 1900 or not a day, control characters", () => {
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, email: "jane@" }))).toContain("email: Enter a valid email address, like name@example.com");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, dateOfBirth: "2999-01-01" }))).toContain("dateOfBirth: The date of birth cannot be in the future");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, dateOfBirth: "1899-12-31" }))).toContain("dateOfBirth: The date of birth cannot be before 1900");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, dateOfBirth: "2001-02-30" }))).toContain("dateOfBirth: Enter the date of birth as YYYY-MM-DD");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, dateOfBirth: "01/02/2001" }))).toContain("dateOfBirth: Enter the date of birth as YYYY-MM-DD");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, firstName: "Ja\u0000ne" }))).toContain("firstName: The first name cannot contain control characters");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, lastName: "x".repeat(61) }))).toContain("lastName: The last name must be at most 60 characters");
    expect(schemaErrors(createCustomerSchema.safeParse({ phoneNumber: "  " }))).toContain("phoneNumber: Enter a phone number");
    expect(schemaErrors(createCustomerSchema.safeParse({}))).toContain("phoneNumber: Enter a phone number");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, idType: "PASSPORT", idNumber: "1" }))).toContain("idType: Choose National ID or ECOWAS ID");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, idNumber: "12345678" }))).toContain("idType: Choose the ID type");
    expect(schemaErrors(createCustomerSchema.safeParse({ ...base, accountNumber: "1234567" }))).toEqual(
      expect.arrayContaining(["bankCode: Choose the bank", "accountName: Enter the account holder's name"]),
    );
    // Today and empty values pass.
    expect(createCustomerSchema.safeParse({ ...base, dateOfBirth: new Date().toISOString().slice(0, 10), email: "", idType: "", firstName: "" }).success).toBe(true);
  });

  it("suspend needs a future moment; verify needs a customer or a number, not both", () => {
    expect(schemaErrors(suspendCustomerSchema.safeParse({ customerId: "c1", until: isoIn(-60_000) }))).toContain("until: Choose a moment in the future");
    expect(schemaErrors(suspendCustomerSchema.safeParse({ customerId: "c1", until: "tomorrow" }))).toContain("until: Enter a date and time");
    expect(schemaErrors(suspendCustomerSchema.safeParse({ customerId: "c1", until: "" }))).toContain("until: Choose until when");
    expect(suspendCustomerSchema.safeParse({ customerId: "c1", until: isoIn(3_600_000) }).success).toBe(true);
    expect(schemaErrors(verifyAccountNameSchema.safeParse({}))).toContain("phoneNumber: Enter a phone number");
    expect(schemaErrors(verifyAccountNameSchema.safeParse({ customerId: "c1", phoneNumber: "0700000001" }))).toContain(
      "phoneNumber: Verify a customer or a phone number, not both",
    );
  });
});

describe.each(testEngines())("customer services on %s", (engine) => {
  const t = withTestDb(engine);

  it("checks the number and infers the network for every country with networks", async () => {
    const countries = Object.values(COUNTRIES).filter((c) => c.networks.length > 0);
    expect(countries.map((c) => c.code).sort()).toEqual(Object.keys(MOBILE_BY_COUNTRY).sort());
    const markets = countries.map((c) => ({ country: c.code, currency: c.currency }));
    const integrator = await createIntegrator(t.db, { markets });
    for (const market of markets) {
      const scope = testScope(integrator.id, { market, markets });
      const sample = MOBILE_BY_COUNTRY[market.country]!;
      const { customer, message } = await create(t.db, scope, { phoneNumber: sample.typed });
      expect(message).toBe("Customer has been successfully created.");
      expect(customer, market.country).toMatchObject({ phoneNumber: sample.e164, network: sample.network, countryCode: market.country, status: "active" });
      expect(customer.customerKey).toMatch(/^[A-Za-z0-9]{20}$/);

      const bad = `+${CALLING[market.country]}12345`;
      const msg = `This is not a valid ${COUNTRIES[market.country]!.name} phone number (e.g. ${market.country === "KE" ? "0712 345 678" : "the number with its country code"})`;
      await expect(create(t.db, scope, { phoneNumber: bad }), market.country).rejects.toMatchObject({ message: msg, fieldErrors: { phoneNumber: [msg] } });
    }
    expect(await countCustomers(t.db, integrator.id)).toBe(markets.length);
  });

  it("refuses a number of another country, a landline and a network the country does not have; stores NOT_SUPPORTED when undetectable", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    await expect(create(t.db, scope, { phoneNumber: "+256772123456" })).rejects.toMatchObject({
      fieldErrors: { phoneNumber: ["This is not a valid Kenya phone number (e.g. 0712 345 678)"] },
    });
    await expect(create(t.db, scope, { phoneNumber: "+254201234567" })).rejects.toMatchObject({ fieldErrors: { phoneNumber: ["Mobile money needs a mobile number"] } });
    await expect(create(t.db, scope, { phoneNumber: "0712345678", network: "MTN" })).rejects.toMatchObject({
      fieldErrors: { network: ["MTN is not a mobile network in Kenya"] },
    });
    expect(await countCustomers(t.db, integrator.id)).toBe(0);

    // A prefix no network table knows: stored as NOT_SUPPORTED (§3.5); a chosen network wins over the detected one.
    const unknown = await create(t.db, scope, { phoneNumber: "0760123456" });
    expect(unknown.customer.network).toBe("NOT_SUPPORTED");
    const chosen = await create(t.db, scope, { phoneNumber: "0712000111", network: "AIRTEL" });
    expect(chosen.customer.network).toBe("AIRTEL");
    // A country without networks (Ethiopia): the number is checked, the network NOT_SUPPORTED.
    const ET = { country: "ET", currency: "ETB" };
    const et = await create(t.db, testScope(integrator.id, { market: ET, markets: [ET] }), { phoneNumber: "+251911234567" });
    expect(et.customer).toMatchObject({ countryCode: "ET", network: "NOT_SUPPORTED" });
  });

  it("stores the bio and a bank payee where the market has banks", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const { customer } = await create(t.db, scope, {
      phoneNumber: "+254 712 345 678",
      network: "",
      firstName: " Jane ",
      lastName: "Doe",
      email: "Jane.Doe@Example.com",
      idType: "NATIONAL_ID",
      idNumber: "12345678",
      dateOfBirth: "1990-04-01",
      accountName: "Jane Doe",
      accountNumber: "0123456789",
      bankCode: "68",
    });
    expect(customer).toMatchObject({
      phoneNumber: "+254712345678",
      network: "MPESA",
      firstName: "Jane",
      lastName: "Doe",
      email: "Jane.Doe@Example.com",
      idType: "NATIONAL_ID",
      idNumber: "12345678",
      dateOfBirth: "1990-04-01",
      accountName: "Jane Doe",
      accountNumber: "0123456789",
      bankCode: "68",
      nameLookupStatus: null,
    });
    await expect(
      create(t.db, scope, { phoneNumber: "0712345670", accountName: "Jane", accountNumber: "0123456789", bankCode: "99" }),
    ).rejects.toMatchObject({ fieldErrors: { bankCode: ["Choose one of the banks of Kenya"] } });
    const ug = testScope(integrator.id, { market: UG, markets: [KE, UG] });
    await expect(
      create(t.db, ug, { phoneNumber: "+256772123456", accountName: "Jane", accountNumber: "0123456789", bankCode: "68" }),
    ).rejects.toMatchObject({ fieldErrors: { bankCode: ["Bank payees are not available in Uganda"] } });
    expect(await countCustomers(t.db, integrator.id)).toBe(1);
  });

  it("refuses the same number twice in one integrator and environment, however typed, naming the customer; nothing created", async () => {
    const integrator = await createIntegrator(t.db);
    const other = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const { customer: jane } = await create(t.db, scope, { phoneNumber: "+254712345678", firstName: "Jane", lastName: "Doe" });
    for (const typed of ["0712345678", "+254 712 345 678", "254712345678", "712345678"]) {
      const err = await create(t.db, scope, { phoneNumber: typed, firstName: "Someone" }).catch((e: unknown) => e);
      expect(err, typed).toBeInstanceOf(DuplicateCustomerError);
      expect(err).toBeInstanceOf(ConflictError);
      const message = `This number belongs to Jane Doe (customer key ${jane.customerKey}).`;
      expect(err).toMatchObject({ message, existingCustomerId: jane.id, fieldErrors: { phoneNumber: [message], existingCustomerId: [jane.id] } });
    }
    expect(await countCustomers(t.db, integrator.id)).toBe(1);
    // A customer without a name is named by its key.
    const { customer: anonymous } = await create(t.db, scope, { phoneNumber: "0733123456" });
    await expect(create(t.db, scope, { phoneNumber: "0733 123 456" })).rejects.toThrow(`This number belongs to the customer with key ${anonymous.customerKey}.`);

    // The other environment and another integrator have their own customers.
    await create(t.db, testScope(integrator.id, { environment: "production" }), { phoneNumber: "0712345678" });
    await create(t.db, testScope(other.id), { phoneNumber: "0712345678" });

    // Concurrent creations of one new number: exactly one wins.
    const results = await Promise.allSettled([1, 2, 3, 4].map(() => create(t.db, scope, { phoneNumber: "0722000333" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof DuplicateCustomerError)).toBe(true);
    expect(await countCustomers(t.db, integrator.id)).toBe(4);
  });

  it("agrees with the money engine: a customer it added for a typed number is found, never duplicated", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const recipient = await t.db.transaction((tx) => resolveMobileRecipient(tx, scope, { phoneNumber: "0712999888" }));
    await expect(create(t.db, scope, { phoneNumber: "+254712999888" })).rejects.toMatchObject({ existingCustomerId: recipient.customerId });
    const { customer } = await create(t.db, scope, { phoneNumber: "0712999777" });
    const again = await t.db.transaction((tx) => resolveMobileRecipient(tx, scope, { phoneNumber: "+254 712 999 777" }));
    expect(again.customerId).toBe(customer.id);
    expect(await countCustomers(t.db, integrator.id)).toBe(2);
  });

  it("edit: the bio replaced, checked as on creation; a number another customer has is refused", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const { customer: jane } = await create(t.db, scope, { phoneNumber: "0712345678", firstName: "Jane", lastName: "Doe", email: "jane@example.com" });
    const { customer: otis } = await create(t.db, scope, { phoneNumber: "0733123456", firstName: "Otis" });

    const res = await update(t.db, scope, { customerId: jane.id, phoneNumber: "+254712345678", firstName: "Janet", lastName: "Doe", email: "" });
    expect(res.message).toBe("Bio Data has been successfully updated.");
    expect(res.customer).toMatchObject({ firstName: "Janet", lastName: "Doe", email: null, phoneNumber: "+254712345678", network: "MPESA" });

    // Otis's number, typed another way: refused, nothing changed.
    await expect(update(t.db, scope, { customerId: jane.id, phoneNumber: "0733 123 456", firstName: "Janet" })).rejects.toMatchObject({
      existingCustomerId: otis.id,
      fieldErrors: { phoneNumber: [`This number belongs to Otis (customer key ${otis.customerKey}).`] },
    });
    await expect(update(t.db, scope, { customerId: jane.id, phoneNumber: "0712345678", network: "VODACOM" })).rejects.toThrow(ValidationError);
    const [stored] = await t.db.select().from(customers).where(eq(customers.id, jane.id));
    expect(stored).toMatchObject({ phoneNumber: "+254712345678", firstName: "Janet" });

    // A new number: the network detected again, the old verification cleared.
    await verifyAccountName(t.db, scope, { customerId: jane.id });
    const moved = await update(t.db, scope, { customerId: jane.id, phoneNumber: "0700000001", firstName: "Janet", lastName: "Doe" });
    expect(moved.customer).toMatchObject({ phoneNumber: "+254700000001", network: "MPESA", nameLookupStatus: null, verifiedName: null, verifiedAt: null });

    const audits = await auditsOf(t.db, integrator.id, "customer.updated");
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ targetType: "customer", targetId: jane.id, metadata: { customerKey: jane.customerKey, changed: ["firstName", "email"] } });
    // Saving the same values writes nothing.
    await update(t.db, scope, { customerId: jane.id, phoneNumber: "0700000001", firstName: "Janet", lastName: "Doe" });
    expect(await auditsOf(t.db, integrator.id, "customer.updated")).toHaveLength(2);
  });

  it("suspend until a date, reactivate; refusals", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const { customer } = await create(t.db, scope, { phoneNumber: "0712345678" });
    const until = isoIn(7 * 86_400_000);
    const suspended = await suspendCustomer(t.db, scope, { customerId: customer.id, until }, { ip: "198.51.100.7" });
    expect(suspended.message).toBe("Customer has been suspended.");
    expect(suspended.customer).toMatchObject({ status: "suspended", suspendedUntil: until });
    await expect(suspendCustomer(t.db, scope, { customerId: customer.id, until: isoIn(-1000) })).rejects.toMatchObject({
      fieldErrors: { until: ["Choose a moment in the future"] },
    });

    const active = await reactivateCustomer(t.db, scope, { customerId: customer.id });
    expect(active.message).toBe("Customer has been reactivated.");
    expect(active.customer).toMatchObject({ status: "active", suspendedUntil: null });
    await expect(reactivateCustomer(t.db, scope, { customerId: customer.id })).rejects.toThrow("This customer is not suspended.");

    const [s] = await auditsOf(t.db, integrator.id, "customer.suspended");
    expect(s).toMatchObject({ targetId: customer.id, ip: "198.51.100.7", metadata: { customerKey: customer.customerKey, until } });
    expect(await auditsOf(t.db, integrator.id, "customer.reactivated")).toHaveLength(1);
  });

  it("another integrator's, the other environment's or another market's customer is not found", async () => {
    const integrator = await createIntegrator(t.db, { markets: [KE, UG] });
    const other = await createIntegrator(t.db);
    const scope = testScope(integrator.id, { markets: [KE, UG] });
    const { customer: theirs } = await create(t.db, testScope(other.id), { phoneNumber: "0712345678", firstName: "Theirs" });
    const { customer: production } = await create(t.db, testScope(integrator.id, { environment: "production", markets: [KE, UG] }), { phoneNumber: "0712345678" });
    const { customer: uganda } = await create(t.db, testScope(integrator.id, { market: UG, markets: [KE, UG] }), { phoneNumber: "+256772123456" });
    for (const id of [theirs.id, production.id, uganda.id, "no-such-id"]) {
      await expect(update(t.db, scope, { customerId: id, phoneNumber: "0712000000" })).rejects.toThrow(NotFoundError);
      await expect(suspendCustomer(t.db, scope, { customerId: id, until: isoIn(86_400_000) })).rejects.toThrow("Customer not found.");
      await expect(reactivateCustomer(t.db, scope, { customerId: id })).rejects.toThrow(NotFoundError);
      await expect(verifyAccountName(t.db, scope, { customerId: id })).rejects.toThrow(NotFoundError);
    }
    const [theirsNow] = await t.db.select().from(customers).where(eq(customers.id, theirs.id));
    expect(theirsNow).toMatchObject({ firstName: "Theirs", status: "active", nameLookupStatus: null });
  });

  it("verify name: §6 numbers, the match score, stored on a customer and audited; production refused", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const typed = await verifyAccountName(t.db, scope, { phoneNumber: "0700000001", accountName: "Jane Doe" });
    expect(typed).toEqual({
      isValid: true,
      isSupported: true,
      requiresInternationalization: false,
      countryCode: "KE",
      countryName: "Kenya",
      callingCode: "254",
      internationalNumber: "+254700000001",
      nationalNumber: "700000001",
      accountType: "mobile_money",
      currency: "KES",
      network: "MPESA",
      mno: "SAFARICOM KENYA",
      message: expect.any(String),
      accountName: "JANE MARY DOE",
      nameLookupStatus: "MATCHED",
      nameLookupReason: null,
      matchScore: 67,
      nameMatch: { provided: "Jane Doe", score: 67, matched: false, threshold: 70, masked: false },
      customerId: null,
    });
    expect(await auditsOf(t.db, integrator.id, "customer.verified")).toHaveLength(0);

    const statuses = await Promise.all(
      ["0700000002", "0700000003", "0700000004", "0700000005", "0700000006", "0700000007", "0712345678"].map((p) =>
        verifyAccountName(t.db, scope, { phoneNumber: p }).then((r) => [r.nameLookupStatus, r.accountName, r.nameMatch]),
      ),
    );
    expect(statuses).toEqual([
      ["MATCHED", "ROBERT JAMES SMITH", null],
      ["NOT_FOUND", null, null],
      ["UNSUPPORTED", null, null],
      ["TIMEOUT", null, null],
      ["ERROR", null, null],
      ["MATCHED", "J*** M*** D**", null],
      ["NOT_FOUND", null, null],
    ]);
    const masked = await verifyAccountName(t.db, scope, { phoneNumber: "+254700000007", accountName: "Jane Mary Doe" });
    expect(masked.nameMatch).toEqual({ provided: "Jane Mary Doe", score: 100, matched: true, threshold: 70, masked: true });

    await expect(verifyAccountName(t.db, scope, { phoneNumber: "+256772123456" })).rejects.toMatchObject({
      fieldErrors: { phoneNumber: ["This is not a valid Kenya phone number (e.g. 0712 345 678)"] },
    });
    await expect(verifyAccountName(t.db, scope, { phoneNumber: "0700000001", network: "MTN" })).rejects.toThrow("MTN is not a mobile network in Kenya");

    // A stored customer: their own name is the expected one unless one is typed; the result is kept.
    const { customer } = await create(t.db, scope, { phoneNumber: "+254700000001", firstName: "Jane Mary", lastName: "Doe" });
    const stored = await verifyAccountName(t.db, scope, { customerId: customer.id }, { ip: "198.51.100.9" });
    expect(stored).toMatchObject({ customerId: customer.id, nameLookupStatus: "MATCHED", matchScore: 100, nameMatch: { provided: "Jane Mary Doe", matched: true } });
    const [row] = await t.db.select().from(customers).where(eq(customers.id, customer.id));
    expect(row).toMatchObject({ nameLookupStatus: "MATCHED", verifiedName: "JANE MARY DOE" });
    expect(row!.verifiedAt).toBeInstanceOf(Date);
    const audits = await auditsOf(t.db, integrator.id, "customer.verified");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetId: customer.id, ip: "198.51.100.9", metadata: { nameLookupStatus: "MATCHED", matchScore: 100 } });

    // Production has no provider yet.
    await expect(verifyAccountName(t.db, testScope(integrator.id, { environment: "production" }), { phoneNumber: "0700000001" })).rejects.toThrow(
      NO_PROVIDER_MESSAGE,
    );
  });

  it("audits each creation in its transaction", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = testScope(integrator.id);
    const { customer } = await create(t.db, scope, { phoneNumber: "0712345678" });
    await create(t.db, scope, { phoneNumber: "0712345678" }).catch(() => {});
    const audits = await auditsOf(t.db, integrator.id, "customer.created");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      targetType: "customer",
      targetId: customer.id,
      environment: "sandbox",
      actorEmail: "owner@test.invalid",
      metadata: { customerKey: customer.customerKey, country: "KE", network: "MPESA" },
    });
  });
});
