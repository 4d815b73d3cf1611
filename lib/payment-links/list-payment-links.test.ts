import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import { auditLogs, paymentLinks, users } from "@/lib/db/schema";
import { AppError, ConflictError, ValidationError } from "@/lib/auth/errors";
import { testScope } from "@/lib/auth/test-scope";
import type { Scope } from "@/lib/auth/scope";
import { queryObject } from "@/lib/client/list-params";
import type { Market } from "@/lib/markets";
import { createIntegrator } from "@/lib/wallets/test-fixtures";
import { createPaymentLink } from "./create-payment-link";
import { updatePaymentLink } from "./update-payment-link";
import { setLinkActive } from "./set-link-active";
import { listPaymentLinks } from "./list-payment-links";
import { paymentLinksListSchema } from "./payment-links-contract-schema";
import {
  createPaymentLinkSchema,
  DEFAULT_CUSTOMER_FIELDS,
  LOGO_MAX_BYTES,
  updatePaymentLinkSchema,
  type CreatePaymentLinkInput,
  type UpdatePaymentLinkInput,
} from "./schemas";
import type { PaymentLinkDto } from "./link-dto";

const KE: Market = { country: "KE", currency: "KES" };
const UG: Market = { country: "UG", currency: "UGX" };

/** A 1×1 PNG. */
const TINY_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A valid form: a fixed KES 500 link, unlimited, mobile money. */
function form(overrides: Partial<CreatePaymentLinkInput> = {}): CreatePaymentLinkInput {
  return {
    name: "Monthly membership",
    linkType: "STANDARD",
    pricing: "FIXED",
    amount: "500",
    paymentMethods: ["MOBILE_MONEY"],
    usage: "UNLIMITED",
    customerFields: { ...DEFAULT_CUSTOMER_FIELDS },
    ...overrides,
  };
}

/** What the actions do: parse with the form's schema, then call the service. */
const create = (db: Db, scope: Scope, input: CreatePaymentLinkInput) =>
  createPaymentLink(db, scope, createPaymentLinkSchema.parse(input)).then((r) => r.link);
const update = (db: Db, scope: Scope, input: UpdatePaymentLinkInput) =>
  updatePaymentLink(db, scope, updatePaymentLinkSchema.parse(input)).then((r) => r.link);

/** The edit form of an existing link, as the dialog fills it. */
function editForm(link: PaymentLinkDto, overrides: Partial<UpdatePaymentLinkInput> = {}): UpdatePaymentLinkInput {
  return {
    linkId: link.id,
    name: link.name,
    linkType: link.linkType as UpdatePaymentLinkInput["linkType"],
    pricing: link.pricing as UpdatePaymentLinkInput["pricing"],
    amount: link.amount ? String(Number(link.amount) / 100) : undefined,
    paymentMethods: link.paymentMethods,
    usage: link.usage as UpdatePaymentLinkInput["usage"],
    maxUses: link.maxUses === null ? undefined : String(link.maxUses),
    customerFields: link.customerFields,
    ...overrides,
  };
}

function schemaIssues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }): string[] {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`);
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

/** An integrator with KE and UG markets, and a member of it (payment_links.created_by is a user). */
async function setup(db: Db) {
  const integrator = await createIntegrator(db, { markets: [KE, UG] });
  const [user] = await db
    .insert(users)
    .values({ email: `${randomUUID()}@example.test`, name: "Link Owner", preferredEnvironment: "sandbox" })
    .returning({ id: users.id });
  const scope = testScope(integrator.id, { userId: user!.id, markets: [KE, UG] });
  const uganda = testScope(integrator.id, { userId: user!.id, market: UG, markets: [KE, UG] });
  return { integrator, userId: user!.id, scope, uganda };
}

const q = (qs: string) => paymentLinksListSchema.parse(queryObject(qs));

async function auditsOf(db: Db, integratorId: string, action: string, targetId: string) {
  return db
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.integratorId, integratorId), eq(auditLogs.action, action), eq(auditLogs.targetId, targetId)));
}

describe("payment links list params", () => {
  it("parse filters, sort and paging; refuse unknown values and control characters", () => {
    expect(q("")).toMatchObject({ q: "", status: [], linkType: [], pricing: [], sort: { column: "createdAt", dir: "desc" }, page: 1, size: 20 });
    expect(q("status=expired,used_up&linkType=DONATION&pricing=FIXED&pricing=PACKAGE&sort=name.asc&page=2&size=50")).toMatchObject({
      status: ["expired", "used_up"],
      linkType: ["DONATION"],
      pricing: ["FIXED", "PACKAGE"],
      sort: { column: "name", dir: "asc" },
      page: 2,
      size: 50,
    });
    expect(paymentLinksListSchema.safeParse(queryObject("status=paused")).success).toBe(false);
    expect(paymentLinksListSchema.safeParse(queryObject("linkType=SUBSCRIPTION")).success).toBe(false);
    expect(paymentLinksListSchema.safeParse(queryObject("pricing=FREE")).success).toBe(false);
    expect(paymentLinksListSchema.safeParse(queryObject("sort=amount.asc")).success).toBe(false);
    expect(paymentLinksListSchema.safeParse(queryObject("size=7")).success).toBe(false);
    expect(schemaIssues(paymentLinksListSchema.safeParse({ q: "a\u0000b" }))).toEqual(["q: The search cannot contain control characters"]);
  });
});

describe("payment link schemas", () => {
  it("refuse FIXED without an amount, a limit of 0, an expiry in the past, an optional phone with mobile money", () => {
    expect(schemaIssues(createPaymentLinkSchema.safeParse(form({ amount: undefined })))).toContain("amount: Enter the amount");
    expect(schemaIssues(createPaymentLinkSchema.safeParse(form({ usage: "MULTIPLE_USE", maxUses: "0" })))).toContain(
      "maxUses: Enter how many times it can be paid (1 or more)",
    );
    expect(schemaIssues(createPaymentLinkSchema.safeParse(form({ usage: "MULTIPLE_USE" })))).toContain(
      "maxUses: Enter how many times it can be paid (1 or more)",
    );
    expect(schemaIssues(createPaymentLinkSchema.safeParse(form({ expiresAt: new Date(Date.now() - 60_000).toISOString() })))).toContain(
      "expiresAt: The expiry must be in the future",
    );
    expect(
      schemaIssues(createPaymentLinkSchema.safeParse(form({ customerFields: { ...DEFAULT_CUSTOMER_FIELDS, phone: "OPTIONAL" } }))),
    ).toContain("customerFields.phone: Mobile money needs the payer's phone number: keep it required");
    expect(schemaIssues(createPaymentLinkSchema.safeParse(form({ pricing: "PACKAGE", packages: [] })))).toContain("packages: Add at least one package");
    expect(schemaIssues(createPaymentLinkSchema.safeParse(form({ paymentMethods: [] })))).toContain("paymentMethods: Choose at least one payment method");
  });

  it("refuse a logo above 512 kB before it reaches the service", () => {
    const big = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(600 * 1024)]).toString("base64");
    expect(schemaIssues(createPaymentLinkSchema.safeParse(form({ logo: { fileName: "big.png", base64: big } })))).toContain(
      "logo.base64: The logo must be at most 512 kB",
    );
  });
});

describe.each(testEngines())("payment links on %s", (engine) => {
  const t = withTestDb(engine);

  it("lists the market's links with their status as it reads now, filtered by status, type and pricing", async () => {
    const { scope } = await setup(t.db);
    const open = await create(t.db, scope, form({ name: "Open door" }));
    const off = await create(t.db, scope, form({ name: "Switched off", linkType: "DONATION", pricing: "CUSTOMER_CHOICE", amount: undefined }));
    const late = await create(t.db, scope, form({ name: "Late fee", linkType: "INVOICE", pricing: "VARIABLE", amount: undefined, minAmount: "100", maxAmount: "1,000" }));
    const once = await create(t.db, scope, form({ name: "One ticket", usage: "SINGLE_USE" }));
    const ten = await create(t.db, scope, form({ name: "Ten seats", usage: "MULTIPLE_USE", maxUses: "10" }));
    const future = await create(t.db, scope, form({ name: "Future sale", expiresAt: new Date(Date.now() + 86_400_000).toISOString() }));

    await setLinkActive(t.db, scope, { linkId: off.id, active: false });
    await t.db.update(paymentLinks).set({ expiresAt: sql`now() - interval '1 hour'` }).where(eq(paymentLinks.id, late.id));
    await t.db.update(paymentLinks).set({ currentUses: 1 }).where(eq(paymentLinks.id, once.id));
    await t.db.update(paymentLinks).set({ currentUses: 3 }).where(eq(paymentLinks.id, ten.id));
    // Expired and deactivated: deactivated wins, as linkStatus() says.
    const both = await create(t.db, scope, form({ name: "Both ways" }));
    await t.db.update(paymentLinks).set({ active: false, expiresAt: sql`now() - interval '1 day'` }).where(eq(paymentLinks.id, both.id));

    const ids = async (qs: string) => new Set((await listPaymentLinks(t.db, scope, q(qs))).rows.map((r) => r.id));

    const all = await listPaymentLinks(t.db, scope, q(""));
    expect(all.total).toBe(7);
    expect(all.currency).toBe("KES");
    const status = Object.fromEntries(all.rows.map((r) => [r.name, r.status]));
    expect(status).toEqual({
      "Open door": "active",
      "Switched off": "deactivated",
      "Late fee": "expired",
      "One ticket": "used_up",
      "Ten seats": "active",
      "Future sale": "active",
      "Both ways": "deactivated",
    });
    // Newest first by default.
    expect(all.rows[0].id).toBe(both.id);

    expect(await ids("status=active")).toEqual(new Set([open.id, ten.id, future.id]));
    expect(await ids("status=deactivated")).toEqual(new Set([off.id, both.id]));
    expect(await ids("status=expired")).toEqual(new Set([late.id]));
    expect(await ids("status=used_up")).toEqual(new Set([once.id]));
    expect(await ids("status=expired,used_up")).toEqual(new Set([late.id, once.id]));

    // Ten seats used up once its tenth payment lands.
    await t.db.update(paymentLinks).set({ currentUses: 10 }).where(eq(paymentLinks.id, ten.id));
    expect(await ids("status=used_up")).toEqual(new Set([once.id, ten.id]));

    expect(await ids("linkType=DONATION")).toEqual(new Set([off.id]));
    expect(await ids("linkType=INVOICE,DONATION")).toEqual(new Set([off.id, late.id]));
    expect(await ids("pricing=VARIABLE")).toEqual(new Set([late.id]));
    expect(await ids("pricing=CUSTOMER_CHOICE&status=deactivated")).toEqual(new Set([off.id]));
    expect(await ids("pricing=CUSTOMER_CHOICE&status=active")).toEqual(new Set());

    const [row] = (await listPaymentLinks(t.db, scope, q("pricing=VARIABLE"))).rows;
    expect(row).toMatchObject({
      id: late.id,
      path: `/l/${late.shortCode}`,
      currency: "KES",
      country: "KE",
      minAmount: "10000",
      maxAmount: "100000",
      payments: 0,
      successfulPayments: 0,
      totalCollected: "0",
      hasLogo: false,
    });
  });

  it("searches by name (wildcards literal) and by short code", async () => {
    const { scope } = await setup(t.db);
    const gala = await create(t.db, scope, form({ name: "Charity Gala 2026" }));
    const fees = await create(t.db, scope, form({ name: "School fees 100%" }));
    await create(t.db, scope, form({ name: "Something else" }));
    const ids = async (text: string) => (await listPaymentLinks(t.db, scope, q(`q=${encodeURIComponent(text)}`))).rows.map((r) => r.id);

    expect(await ids("gala")).toEqual([gala.id]);
    expect(await ids("CHARITY g")).toEqual([gala.id]);
    expect(await ids("100%")).toEqual([fees.id]);
    expect(await ids("%")).toEqual([fees.id]);
    expect(await ids("_")).toEqual([]);
    expect(await ids(gala.shortCode)).toEqual([gala.id]);
    expect(await ids(gala.shortCode.toUpperCase())).toEqual([gala.id]);
    expect(await ids(`https://pay.example.test/l/${fees.shortCode}`)).toEqual([fees.id]);
    expect(await ids("nothing like it")).toEqual([]);
  });

  it("sorts by name, uses and status, pages with the total, and answers the last page past the end", async () => {
    const { scope } = await setup(t.db);
    const b = await create(t.db, scope, form({ name: "banana" }));
    const a = await create(t.db, scope, form({ name: "Apple" }));
    const c = await create(t.db, scope, form({ name: "cherry" }));
    await t.db.update(paymentLinks).set({ currentUses: 5 }).where(eq(paymentLinks.id, a.id));
    await t.db.update(paymentLinks).set({ currentUses: 2 }).where(eq(paymentLinks.id, c.id));
    await setLinkActive(t.db, scope, { linkId: b.id, active: false });
    const names = async (qs: string) => (await listPaymentLinks(t.db, scope, q(qs))).rows.map((r) => r.name);

    expect(await names("sort=name.asc")).toEqual(["Apple", "banana", "cherry"]);
    expect(await names("sort=name.desc")).toEqual(["cherry", "banana", "Apple"]);
    expect(await names("sort=currentUses.desc")).toEqual(["Apple", "cherry", "banana"]);
    expect((await names("sort=status.asc"))[0]).toBe("Apple"); // "active" before "deactivated"
    expect((await names("sort=status.asc"))[2]).toBe("banana");

    for (let i = 0; i < 9; i += 1) await create(t.db, scope, form({ name: `Filler ${i}` }));
    const second = await listPaymentLinks(t.db, scope, q("size=10&page=2&sort=name.asc"));
    expect(second).toMatchObject({ total: 12, page: 2, size: 10 });
    expect(second.rows).toHaveLength(2);
    const past = await listPaymentLinks(t.db, scope, q("size=10&page=9"));
    expect(past).toMatchObject({ total: 12, page: 2 });
    expect(past.rows).toHaveLength(2);
    const none = await listPaymentLinks(t.db, scope, q("q=zzz&page=3"));
    expect(none).toMatchObject({ total: 0, page: 1, rows: [] });
  });

  it("shows another integrator, another market or another environment none of them", async () => {
    const { scope, uganda, userId, integrator } = await setup(t.db);
    const mine = await create(t.db, scope, form({ name: "Mine" }));
    const other = await createIntegrator(t.db, { markets: [KE] });

    const theirs = await listPaymentLinks(t.db, testScope(other.id), q(""));
    expect(theirs).toMatchObject({ total: 0, rows: [] });
    expect((await listPaymentLinks(t.db, testScope(other.id), q(`q=${mine.shortCode}`))).rows).toEqual([]);

    const ug = await listPaymentLinks(t.db, uganda, q(""));
    expect(ug).toMatchObject({ total: 0, rows: [], currency: "UGX" });
    const production = testScope(integrator.id, { userId, environment: "production", markets: [KE, UG] });
    expect((await listPaymentLinks(t.db, production, q(""))).total).toBe(0);

    // A link made in Uganda is priced in UGX and listed there only.
    const ugLink = await create(t.db, uganda, form({ name: "Kampala", amount: "5000" }));
    expect(ugLink).toMatchObject({ currency: "UGX", country: "UG", amount: "5000" });
    expect((await listPaymentLinks(t.db, uganda, q(""))).rows.map((r) => r.id)).toEqual([ugLink.id]);
    expect((await listPaymentLinks(t.db, scope, q(""))).rows.map((r) => r.id)).toEqual([mine.id]);

    // Nor can they change it.
    await expect(setLinkActive(t.db, uganda, { linkId: mine.id, active: false })).rejects.toThrow("Payment link not found.");
  });

  it("refuses amounts the currency cannot hold, a range upside down, methods not enabled, a logo that is not PNG or JPEG", async () => {
    const { scope, uganda, integrator } = await setup(t.db);
    const countLinks = async () =>
      Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(paymentLinks).where(eq(paymentLinks.integratorId, integrator.id)))[0]!.n);

    const range = await refusal(create(t.db, scope, form({ pricing: "VARIABLE", amount: undefined, minAmount: "1000", maxAmount: "100" })));
    expect(range).toBeInstanceOf(ValidationError);
    expect(range.fieldErrors?.maxAmount).toEqual(["The maximum must be at least the minimum"]);

    // KES has two decimal places (10.5 is fine), UGX none.
    const decimals = await refusal(create(t.db, scope, form({ amount: "10.505" })));
    expect(decimals).toBeInstanceOf(ValidationError);
    expect(decimals.fieldErrors?.amount).toEqual(["KES allows at most 2 decimal places"]);
    const shillings = await refusal(create(t.db, uganda, form({ amount: "10.5" })));
    expect(shillings.fieldErrors?.amount).toEqual(["UGX has no decimal places"]);
    const comma = await refusal(create(t.db, scope, form({ amount: "10,5" })));
    expect(comma.fieldErrors?.amount).toEqual(["Use a dot for decimals and commas only between thousands, like 1,000.50"]);

    const tier = await refusal(
      create(t.db, scope, form({ pricing: "PACKAGE", amount: undefined, packages: [{ label: "Small", amount: "100" }, { label: "Large", amount: "99.999" }] })),
    );
    expect(tier.fieldErrors?.["packages.1.amount"]).toEqual(["KES allows at most 2 decimal places"]);
    expect(tier.fieldErrors?.["packages.0.amount"]).toBeUndefined();

    const card = await refusal(create(t.db, scope, form({ paymentMethods: ["CARD"], customerFields: { ...DEFAULT_CUSTOMER_FIELDS, phone: "OPTIONAL" } })));
    expect(card).toBeInstanceOf(ValidationError);
    expect(card.fieldErrors?.paymentMethods).toEqual(["Card is not enabled for this account"]);

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString("base64");
    const logo = await refusal(create(t.db, scope, form({ logo: { fileName: "logo.png", base64: svg } })));
    expect(logo).toBeInstanceOf(ValidationError);
    expect(logo.fieldErrors?.logo).toEqual(["The logo must be a PNG or JPEG image"]);

    // Past the schema (as if it were skipped), the service still refuses a logo above 512 kB.
    const big = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(LOGO_MAX_BYTES)]).toString("base64");
    const input = createPaymentLinkSchema.parse(form());
    const tooBig = await refusal(createPaymentLink(t.db, scope, { ...input, logo: { fileName: "big.png", base64: big } }));
    expect(tooBig.fieldErrors?.logo).toEqual(["The logo must be at most 512 kB"]);

    expect(await countLinks()).toBe(0);

    const withLogo = await create(t.db, scope, form({ logo: { fileName: "logo.png", base64: TINY_PNG }, brandColor: "#0F766E" }));
    expect(withLogo).toMatchObject({ hasLogo: true, brandColor: "#0f766e" });
    const listed = await listPaymentLinks(t.db, scope, q(""));
    expect(listed.rows.map((r) => [r.id, r.hasLogo])).toEqual([[withLogo.id, true]]);
  });

  it("edits a link (not below its payments), deactivates and reactivates it, each with its audit row", async () => {
    const { scope, integrator, userId } = await setup(t.db);
    const created = await createPaymentLink(t.db, scope, createPaymentLinkSchema.parse(form({ name: "Seats", usage: "MULTIPLE_USE", maxUses: "10" })));
    expect(created.message).toBe("Payment link created");
    const link = created.link;
    expect(link).toMatchObject({ status: "active", usage: "MULTIPLE_USE", maxUses: 10, currentUses: 0, amount: "50000" });
    const [createdAudit] = await auditsOf(t.db, integrator.id, "payment_link.created", link.id);
    expect(createdAudit).toMatchObject({ actorUserId: userId, targetType: "payment_link", environment: "sandbox" });
    expect(createdAudit!.metadata).toMatchObject({ name: "Seats", shortCode: link.shortCode, pricing: "FIXED", currency: "KES" });

    await t.db.update(paymentLinks).set({ currentUses: 4 }).where(eq(paymentLinks.id, link.id));
    const below = await refusal(update(t.db, scope, editForm(link, { maxUses: "3" })));
    expect(below).toBeInstanceOf(ConflictError);
    expect(below.fieldErrors?.maxUses).toEqual(["It has been paid 4 times already: allow at least that many"]);
    expect(await auditsOf(t.db, integrator.id, "payment_link.updated", link.id)).toHaveLength(0);

    const edited = await update(t.db, scope, editForm(link, { name: "Front seats", maxUses: "4", amount: "750" }));
    expect(edited).toMatchObject({ name: "Front seats", maxUses: 4, amount: "75000", shortCode: link.shortCode, status: "used_up" });
    const [updatedAudit] = await auditsOf(t.db, integrator.id, "payment_link.updated", link.id);
    expect((updatedAudit!.metadata as { changed: string[] }).changed).toEqual(expect.arrayContaining(["name", "amount", "maxUses"]));

    const off = await setLinkActive(t.db, scope, { linkId: link.id, active: false });
    expect(off).toMatchObject({ message: "Payment link deactivated", link: { active: false, status: "deactivated" } });
    // Doing it again changes nothing and writes no second row.
    await setLinkActive(t.db, scope, { linkId: link.id, active: false });
    expect(await auditsOf(t.db, integrator.id, "payment_link.deactivated", link.id)).toHaveLength(1);

    const on = await setLinkActive(t.db, scope, { linkId: link.id, active: true });
    expect(on).toMatchObject({ message: "Payment link reactivated", link: { active: true, status: "used_up" } });
    expect(await auditsOf(t.db, integrator.id, "payment_link.reactivated", link.id)).toHaveLength(1);

    // Another integrator's edit of it is not found, and writes nothing.
    const other = await createIntegrator(t.db);
    await expect(update(t.db, testScope(other.id), editForm(link, { name: "Hijacked" }))).rejects.toThrow("Payment link not found.");
    const [row] = await t.db.select({ name: paymentLinks.name }).from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(row!.name).toBe("Front seats");
  });
});
