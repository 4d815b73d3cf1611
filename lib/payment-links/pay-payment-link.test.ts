import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { checkoutAttempts, customers, paymentLinks, transactions } from "@/lib/db/schema";
import { ConflictError, NotFoundError, RateLimitError, ValidationError } from "@/lib/auth/errors";
import { createIntegrator, createTestWallet, makeScope, readWallet } from "@/lib/wallets/test-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { fastSandbox, startEngineJobs, stopEngineJobs, waitForFinal } from "@/lib/engine/testing/engine-fixtures";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { createPaymentLink } from "./create-payment-link";
import { setLinkActive } from "./set-link-active";
import { getPaymentLink } from "./get-payment-link";
import { payPaymentLink } from "./pay-payment-link";
import { getCheckout } from "./get-checkout";
import { getCheckoutPayment } from "./receipt";
import { CHECKOUT_THROTTLE } from "./checkout-throttle";
import { purgeCheckoutAttempts } from "./jobs";
import {
  AMOUNT_OUT_OF_RANGE, checkoutPaySchema, createPaymentLinkSchema, LINK_DEACTIVATED, LINK_EXPIRED, LINK_USED_UP, METHOD_NOT_ENABLED,
  type CheckoutPayInput, type CreatePaymentLinkInput,
} from "./schemas";

fastSandbox();
process.env.DATABASE_POOL_SIZE ??= "24";

const BASE: CreatePaymentLinkInput = {
  name: "Concert ticket",
  linkType: "STANDARD",
  pricing: "FIXED",
  amount: "500",
  paymentMethods: ["MOBILE_MONEY"],
  usage: "UNLIMITED",
  customerFields: { name: "REQUIRED", email: "OPTIONAL", phone: "REQUIRED" },
};

let ipSeq = 0;
/** Each payer its own client address unless a test is about the throttle. */
const meta = (ip = `203.0.113.${(ipSeq++ % 250) + 1}`) => ({ ip, userAgent: "vitest" });

describe.each(testEngines())("payment link checkout on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;
  beforeAll(async () => {
    rt = await startEngineJobs(t.current.opened);
  });
  afterAll(() => stopEngineJobs(rt));

  async function setup(link: Partial<CreatePaymentLinkInput> = {}) {
    const integrator = await createIntegrator(t.db, { organization: "Nairobi Jazz Club" });
    const scope = makeScope(integrator.id);
    const walletId = await createTestWallet(t.db, scope, { deposit: 0n, payout: 0n });
    const { link: created } = await createPaymentLink(t.db, scope, createPaymentLinkSchema.parse({ ...BASE, ...link }));
    return { scope, walletId, link: created };
  }

  const pay = (db: Db, shortCode: string, input: Partial<CheckoutPayInput> = {}, m = meta()) =>
    payPaymentLink(
      db,
      checkoutPaySchema.parse({ shortCode, idempotencyKey: randomUUID(), name: "Jane Doe", phoneNumber: "0700000001", ...input }),
      m,
    );

  async function linkRow(db: Db, id: string) {
    const [row] = await db.select().from(paymentLinks).where(eq(paymentLinks.id, id));
    return row!;
  }

  it("a fixed single-use link: one payment, a collection of type Payment Link that credits the deposit balance, then used up", async () => {
    const { scope, walletId, link } = await setup({ usage: "SINGLE_USE", customerFields: { name: "REQUIRED", email: "OPTIONAL", phone: "REQUIRED" } });
    const paid = await pay(t.db, link.shortCode, { name: "Jane Mary Doe", email: "jane@example.com" });
    expect(paid.status).toBe("PENDING");

    const [row] = await t.db.select().from(transactions).where(eq(transactions.id, paid.paymentId));
    expect(row).toMatchObject({ kind: "collection", channel: "PAYMENT_LINK", origin: "payment_link", paymentLinkId: link.id, amount: 50_000n, currency: "KES", description: "Concert ticket" });
    expect(row!.metadata).toMatchObject({ payer: { firstName: "Jane", lastName: "Mary Doe", email: "jane@example.com" } });
    const [payer] = await t.db.select().from(customers).where(eq(customers.id, row!.customerId!));
    expect(payer).toMatchObject({ firstName: "Jane", lastName: "Mary Doe", email: "jane@example.com", phoneNumber: "+254700000001" });

    // While it is in flight the link's only use is taken.
    await expect(pay(t.db, link.shortCode)).rejects.toThrow(LINK_USED_UP);
    expect((await waitForFinal(t.db, [paid.paymentId])).get(paid.paymentId)).toBe("SUCCESSFUL");
    expect((await getPaymentLink(t.db, scope, link.id)).status).toBe("used_up");
    expect(await getPaymentLink(t.db, scope, link.id)).toMatchObject({ currentUses: 1, payments: 1, successfulPayments: 1, totalCollected: "50000" });
    // KES collection fee 1.5% borne by the customer: the deposit balance gets the whole 500.
    expect((await readWallet(t.db, walletId)).deposit).toBe(50_000n);

    const receipt = await getCheckoutPayment(t.db, link.shortCode, paid.paymentId);
    expect(receipt).toMatchObject({ outcome: "successful", merchantName: "Nairobi Jazz Club", linkName: "Concert ticket", amount: "50000", phoneMasked: "•••• ••• 001", payerName: "Jane Mary Doe" });
    expect(await getCheckoutPayment(t.db, "zzzzzzzzzz", paid.paymentId)).toBeNull();

    const view = await getCheckout(t.db, link.shortCode);
    expect(view).toMatchObject({ status: "used_up", refusal: LINK_USED_UP, merchantName: "Nairobi Jazz Club" });
    await expect(pay(t.db, link.shortCode)).rejects.toThrow(LINK_USED_UP);
  });

  it("20 concurrent payers on a link with maxUses 3: exactly 3 payments, all successful", async () => {
    const { scope, link } = await setup({ usage: "MULTIPLE_USE", maxUses: "3" });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => pay(t.db, link.shortCode)));
    const ok = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof payPaymentLink>>> => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(3);
    expect(refused).toHaveLength(17);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    for (const r of refused) expect((r.reason as Error).message).toBe(LINK_USED_UP);
    const final = await waitForFinal(t.db, ok.map((r) => r.value.paymentId));
    expect([...final.values()]).toEqual(["SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL"]);
    expect(await getPaymentLink(t.db, scope, link.id)).toMatchObject({ currentUses: 3, successfulPayments: 3, status: "used_up" });
  });

  it("a failed payment frees its use; the waiting page's receipt says why", async () => {
    const { scope, link } = await setup({ usage: "SINGLE_USE" });
    const failed = await pay(t.db, link.shortCode, { phoneNumber: "0700000010" });
    expect((await waitForFinal(t.db, [failed.paymentId])).get(failed.paymentId)).toBe("FAILED");
    expect(await getCheckoutPayment(t.db, link.shortCode, failed.paymentId)).toMatchObject({ outcome: "failed", reason: "Insufficient funds in the customer's account" });
    expect((await getPaymentLink(t.db, scope, link.id)).status).toBe("active");
    const second = await pay(t.db, link.shortCode);
    expect((await waitForFinal(t.db, [second.paymentId])).get(second.paymentId)).toBe("SUCCESSFUL");
    expect((await linkRow(t.db, link.id)).currentUses).toBe(1);
  });

  it("the same form sent twice is one payment", async () => {
    const { link } = await setup();
    const idempotencyKey = randomUUID();
    const [a, b] = await Promise.all([pay(t.db, link.shortCode, { idempotencyKey }), pay(t.db, link.shortCode, { idempotencyKey })]);
    expect(a.paymentId).toBe(b.paymentId);
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(transactions).where(eq(transactions.paymentLinkId, link.id));
    expect(n!.n).toBe(1);
  });

  it("refuses what the link does not allow, with the reference's messages, and creates nothing", async () => {
    const variable = await setup({ pricing: "VARIABLE", amount: undefined, minAmount: "100", maxAmount: "1000" });
    const outside = await pay(t.db, variable.link.shortCode, { amount: "1500" }).catch((e) => e);
    expect(outside).toBeInstanceOf(ValidationError);
    expect(outside.fieldErrors.amount[0]).toBe(`${AMOUNT_OUT_OF_RANGE}: between KES 100.00 and KES 1,000.00`);
    await expect(pay(t.db, variable.link.shortCode, { amount: "99" })).rejects.toThrow(AMOUNT_OUT_OF_RANGE);
    await expect(pay(t.db, variable.link.shortCode, { amount: "100.505" })).rejects.toThrow("KES allows at most 2 decimal places");
    await expect(pay(t.db, variable.link.shortCode, { amount: "" })).rejects.toThrow("Enter an amount");
    const inRange = await pay(t.db, variable.link.shortCode, { amount: "750" });
    const [row] = await t.db.select().from(transactions).where(eq(transactions.id, inRange.paymentId));
    expect(row!.amount).toBe(75_000n);

    const tiers = await setup({ pricing: "PACKAGE", amount: undefined, packages: [{ label: "Regular", amount: "1000" }, { label: "VIP", amount: "5000" }] });
    await expect(pay(t.db, tiers.link.shortCode, { packageIndex: "2" })).rejects.toThrow("Choose a package");
    await expect(pay(t.db, tiers.link.shortCode, {})).rejects.toThrow("Choose a package");
    const vip = await pay(t.db, tiers.link.shortCode, { packageIndex: "1", amount: "1" });
    const [vipRow] = await t.db.select().from(transactions).where(eq(transactions.id, vip.paymentId));
    expect(vipRow!.amount).toBe(500_000n); // the tier's amount, whatever else the form says

    const fields = await setup({ customerFields: { name: "REQUIRED", email: "REQUIRED", phone: "REQUIRED" } });
    const missing = await pay(t.db, fields.link.shortCode, { name: "", email: "", phoneNumber: "" }).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(["email", "name", "phoneNumber"]);
    await expect(pay(t.db, fields.link.shortCode, { email: "jane@example.com", phoneNumber: "+256772123456" })).rejects.toThrow("not a valid Kenya phone number");
    await expect(pay(t.db, fields.link.shortCode, { email: "jane@example.com", method: "CARD" })).rejects.toThrow(METHOD_NOT_ENABLED);

    const [n] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(transactions)
      .where(sql`${transactions.paymentLinkId} in (${tiers.link.id}, ${fields.link.id})`);
    expect(n!.n).toBe(1); // only the VIP payment
  });

  it("an expired or deactivated link is refused; an unknown code is not found", async () => {
    const { scope, link } = await setup();
    await setLinkActive(t.db, scope, { linkId: link.id, active: false });
    await expect(pay(t.db, link.shortCode)).rejects.toThrow(LINK_DEACTIVATED);
    await setLinkActive(t.db, scope, { linkId: link.id, active: true });
    await t.db.update(paymentLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(paymentLinks.id, link.id));
    await expect(pay(t.db, link.shortCode)).rejects.toThrow(LINK_EXPIRED);
    expect((await getCheckout(t.db, link.shortCode))?.refusal).toBe(LINK_EXPIRED);
    await expect(pay(t.db, "abcdefgh23")).rejects.toBeInstanceOf(NotFoundError);
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(transactions).where(eq(transactions.paymentLinkId, link.id));
    expect(n!.n).toBe(0);
  });

  it("throttles Pay per client IP and per link, counted in the database", async () => {
    const { link } = await setup();
    const ip = "198.51.100.7";
    for (let i = 0; i < CHECKOUT_THROTTLE.perIp; i++) await pay(t.db, link.shortCode, {}, meta(ip));
    const refused = await pay(t.db, link.shortCode, {}, meta(ip)).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitError);
    expect(refused.status).toBe(429);
    // Another address may still pay.
    await pay(t.db, link.shortCode, {}, meta("198.51.100.8"));
    const [n] = await t.db.select({ n: sql<number>`count(*)::int` }).from(checkoutAttempts).where(and(eq(checkoutAttempts.linkId, link.id), eq(checkoutAttempts.ip, ip)));
    expect(n!.n).toBe(CHECKOUT_THROTTLE.perIp + 1);

    // Per link: a flood from many addresses.
    const other = await setup();
    await t.db.insert(checkoutAttempts).values(Array.from({ length: CHECKOUT_THROTTLE.perLink }, (_, i) => ({ linkId: other.link.id, ip: `192.0.2.${i}` })));
    await expect(pay(t.db, other.link.shortCode)).rejects.toBeInstanceOf(RateLimitError);
  });

  it("the checkout view shows nothing of the integrator beyond its name and brand, and counts views", async () => {
    const { scope, link } = await setup({ brandColor: "#0F766E", callbackUrl: "https://merchant.example/hook" });
    const view = await getCheckout(t.db, link.shortCode, { countView: true });
    await getCheckout(t.db, link.shortCode, { countView: true });
    const text = JSON.stringify(view);
    expect(text).not.toContain(scope.integratorId);
    expect(text).not.toContain(link.id);
    expect(text).not.toContain("merchant.example");
    expect(view).toMatchObject({ brandColor: "#0f766e", merchantName: "Nairobi Jazz Club", callingCode: "+254", amount: "50000", status: "active", refusal: null });
    const [views] = await t.db.execute(sql`select sum(views)::int as n from payment_link_views where link_id = ${link.id}`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(views!.n).toBe(2);
  });

  it("a production link is refused: no provider", async () => {
    const integrator = await createIntegrator(t.db);
    const scope: Scope = makeScope(integrator.id, { environment: "production" });
    await createTestWallet(t.db, scope, {});
    const { link } = await createPaymentLink(t.db, scope, createPaymentLinkSchema.parse(BASE));
    await expect(pay(t.db, link.shortCode)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe.each(testEngines())("checkout attempts clean-up on %s", (engine) => {
  const t = withTestDb(engine);
  it("deletes attempts older than a day, keeps the rest", async () => {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    const { link } = await createPaymentLink(t.db, scope, createPaymentLinkSchema.parse(BASE));
    const now = new Date("2026-11-30T12:00:00Z");
    await t.db.insert(checkoutAttempts).values([
      { linkId: link.id, ip: "192.0.2.1", createdAt: new Date(now.getTime() - CHECKOUT_THROTTLE.keepMs - 1000) },
      { linkId: link.id, ip: "192.0.2.1", createdAt: new Date(now.getTime() - 3 * 86_400_000) },
      { linkId: link.id, ip: "192.0.2.1", createdAt: new Date(now.getTime() - 60_000) },
    ]);
    expect(await purgeCheckoutAttempts(t.db, now, { batchSize: 1 })).toBe(2);
    const left = await t.db.select().from(checkoutAttempts).where(eq(checkoutAttempts.linkId, link.id));
    expect(left).toHaveLength(1);
  });
});
