/**
 * The hosted checkout's routes end to end (a real database, the sandbox settling for real), through
 * the real gate (publicRoute): the form, Pay and its refusals, the idempotency key on a re-rendered
 * form, the waiting page, the receipt and its PDF, the logo. The request's headers and the
 * database are stubbed: next/headers gives a client address, getDb the test database.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { checkoutAttempts, paymentLinks, paymentLinkViews, transactions } from "@/lib/db/schema";
import { testEngines, withTestDb } from "@/test/db";
import { createIntegrator, createTestWallet, makeScope } from "@/lib/wallets/test-fixtures";
import { fastSandbox, startEngineJobs, stopEngineJobs, waitForFinal } from "@/lib/engine/testing/engine-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { createPaymentLink } from "@/lib/payment-links/create-payment-link";
import { setLinkActive } from "@/lib/payment-links/set-link-active";
import { CHECKOUT_THROTTLE } from "@/lib/payment-links/checkout-throttle";
import { createPaymentLinkSchema, LINK_DEACTIVATED, type CreatePaymentLinkInput } from "@/lib/payment-links/schemas";

fastSandbox();

const state: { db: Db | null; ip: string } = { db: null, ip: "203.0.113.1" };

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest", "x-forwarded-for": state.ip }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("@/lib/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/client")>();
  return { ...actual, getDb: async () => state.db! };
});

const checkout = await import("./route");
const paymentRoute = await import("./p/[paymentId]/route");
const receiptRoute = await import("./p/[paymentId]/receipt/route");
const logoRoute = await import("./logo/route");

const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

const BASE: CreatePaymentLinkInput = {
  name: "Concert ticket",
  linkType: "STANDARD",
  pricing: "FIXED",
  amount: "500",
  paymentMethods: ["MOBILE_MONEY"],
  usage: "UNLIMITED",
  customerFields: { name: "REQUIRED", email: "OPTIONAL", phone: "REQUIRED" },
};

const ctx = <P,>(params: P) => ({ params: Promise.resolve(params) });
const getCheckoutPage = (code: string) => checkout.GET(new Request(`http://localhost/l/${code}`), ctx({ shortCode: code }));
const getPaymentPage = (code: string, id: string) => paymentRoute.GET(new Request(`http://localhost/l/${code}/p/${id}`), ctx({ shortCode: code, paymentId: id }));
const getReceipt = (code: string, id: string) =>
  receiptRoute.GET(new Request(`http://localhost/l/${code}/p/${id}/receipt`), ctx({ shortCode: code, paymentId: id }));
const getLogo = (code: string) => logoRoute.GET(new Request(`http://localhost/l/${code}/logo`), ctx({ shortCode: code }));

function post(code: string, fields: Record<string, string>): Promise<Response> {
  return checkout.POST(
    new Request(`http://localhost/l/${code}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
    ctx({ shortCode: code }),
  );
}

const keyIn = (page: string) => /name="idempotencyKey" value="([^"]+)"/.exec(page)?.[1];

/** What every checkout answer must be: no script, no cookie. */
async function htmlOf(res: Response): Promise<string> {
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(res.headers.get("set-cookie")).toBeNull();
  const text = await res.text();
  expect(text).not.toMatch(/<script/i);
  return text;
}

let ipSeq = 0;

describe.each(testEngines())("the hosted checkout on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;
  beforeAll(async () => {
    state.db = t.db;
    rt = await startEngineJobs(t.current.opened);
  });
  afterAll(async () => {
    await stopEngineJobs(rt);
    state.db = null;
  });
  beforeEach(() => {
    state.ip = `198.51.100.${(ipSeq++ % 250) + 1}`;
  });

  async function setup(link: Partial<CreatePaymentLinkInput> = {}) {
    const integrator = await createIntegrator(t.db, { organization: "Nairobi Jazz Club" });
    const scope = makeScope(integrator.id);
    await createTestWallet(t.db, scope, { deposit: 0n, payout: 0n });
    const { link: created } = await createPaymentLink(t.db, scope, createPaymentLinkSchema.parse({ ...BASE, ...link }));
    return { scope, link: created, code: created.shortCode };
  }

  const paymentsOf = async (linkId: string) =>
    Number((await t.db.select({ n: sql<number>`count(*)::int` }).from(transactions).where(eq(transactions.paymentLinkId, linkId)))[0]!.n);

  it("GET: the form, with a fresh idempotency key each time; an unknown or malformed code is the plain 404 page", async () => {
    const { code } = await setup({ brandColor: "#0F766E", callbackUrl: "https://merchant.example/hook" });
    const res = await getCheckoutPage(code);
    expect(res.status).toBe(200);
    const page = await htmlOf(res);
    expect(page).toContain("Nairobi Jazz Club");
    // The payer bears the collection fee (the wallet's default): the total is said before Pay.
    expect(page).toContain("KES 500.00 + KES 10.00 fee");
    expect(page).toContain("Pay KES 510.00");
    expect(page).toContain(`action="/l/${code}"`);
    expect(page).toContain("--accent:#0f766e");
    expect(page).not.toContain("merchant.example");
    const key = keyIn(page);
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyIn(await (await getCheckoutPage(code)).text())).not.toBe(key);

    for (const bad of ["abcdefgh23", "ABC!", "x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"]) {
      const missing = await getCheckoutPage(bad);
      expect(missing.status).toBe(404);
      const text = await htmlOf(missing);
      expect(text).toContain("This payment link does not exist");
      expect(text).not.toContain("Nairobi");
    }
  });

  it("Pay: 303 to the payment's page; the same form sent again is the same payment", async () => {
    const { link, code } = await setup();
    const form = { shortCode: code, idempotencyKey: crypto.randomUUID(), method: "MOBILE_MONEY", name: "Jane Doe", email: "", phoneNumber: "0700000001", network: "" };
    const first = await post(code, form);
    expect(first.status).toBe(303);
    const location = first.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/l/${code}/p/[0-9a-f]{24}$`));
    expect(first.headers.get("set-cookie")).toBeNull();
    const again = await post(code, form);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe(location);
    expect(await paymentsOf(link.id)).toBe(1);
  });

  it("the path names the link: a shortCode in the body cannot pay another one", async () => {
    const a = await setup();
    const b = await setup();
    const res = await post(a.code, { shortCode: b.code, idempotencyKey: crypto.randomUUID(), name: "Jane", phoneNumber: "0700000001" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain(`/l/${a.code}/p/`);
    expect(await paymentsOf(b.link.id)).toBe(0);
  });

  it("a field error re-renders the form (400) with the values kept, the errors under their fields and a NEW key", async () => {
    const { link, code } = await setup();
    const key = crypto.randomUUID();
    // The service's ValidationError: no phone number.
    const res = await post(code, { shortCode: code, idempotencyKey: key, name: "Jane <b>Doe</b>", phoneNumber: "", network: "AIRTEL" });
    expect(res.status).toBe(400);
    const page = await htmlOf(res);
    expect(page).toContain('value="Jane &lt;b&gt;Doe&lt;/b&gt;"');
    expect(page).toContain('<option value="AIRTEL" selected>');
    expect(page).toContain('id="phoneNumber-error"');
    expect(page).toMatch(/id="phoneNumber"[^>]*aria-invalid="true"/);
    expect(keyIn(page)).toMatch(/^[0-9a-f-]{36}$/);
    expect(keyIn(page)).not.toBe(key);

    // The schema's: an email that is not one.
    const zod = await post(code, { shortCode: code, idempotencyKey: key, name: "Jane", email: "not-an-email", phoneNumber: "0700000001" });
    expect(zod.status).toBe(400);
    const zodPage = await htmlOf(zod);
    expect(zodPage).toContain('id="email-error"');
    expect(zodPage).toContain('value="not-an-email"');
    expect(keyIn(zodPage)).not.toBe(key);
    expect(await paymentsOf(link.id)).toBe(0);
  });

  it("a tampered form (unknown field) is refused with a message and keeps its key", async () => {
    const { code } = await setup();
    const key = crypto.randomUUID();
    const res = await post(code, { shortCode: code, idempotencyKey: key, name: "Jane", phoneNumber: "0700000001", admin: "1" });
    expect(res.status).toBe(400);
    const page = await htmlOf(res);
    expect(page).toContain('role="alert"');
    expect(keyIn(page)).toBe(key);
  });

  it("the throttle: 429 with Retry-After, the message, and the SAME key (a retry of a double submit replays)", async () => {
    const { link, code } = await setup();
    await t.db.insert(checkoutAttempts).values(Array.from({ length: CHECKOUT_THROTTLE.perLink }, (_, i) => ({ linkId: link.id, ip: `192.0.2.${i}` })));
    const key = crypto.randomUUID();
    const res = await post(code, { shortCode: code, idempotencyKey: key, name: "Jane", phoneNumber: "0700000001" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe(String(CHECKOUT_THROTTLE.linkWindowMs / 1000));
    const page = await htmlOf(res);
    expect(page).toContain("Too many payment attempts");
    expect(keyIn(page)).toBe(key);
    expect(page).toContain('value="0700000001"');
  });

  it("a deactivated link: GET shows why, with no form; Pay is 409 with no form", async () => {
    const { scope, link, code } = await setup();
    await setLinkActive(t.db, scope, { linkId: link.id, active: false });
    const page = await htmlOf(await getCheckoutPage(code));
    expect(page).toContain(LINK_DEACTIVATED);
    expect(page).not.toMatch(/<form/i);
    const res = await post(code, { shortCode: code, idempotencyKey: crypto.randomUUID(), name: "Jane", phoneNumber: "0700000001" });
    expect(res.status).toBe(409);
    const refused = await htmlOf(res);
    expect(refused).toContain(LINK_DEACTIVATED);
    expect(refused).not.toMatch(/<form/i);
    expect(await paymentsOf(link.id)).toBe(0);
  });

  it("waiting (refreshes itself), then successful with the receipt and its PDF", async () => {
    const { code } = await setup();
    const res = await post(code, { shortCode: code, idempotencyKey: crypto.randomUUID(), name: "Jane Mary Doe", phoneNumber: "0700000001" });
    const id = res.headers.get("location")!.split("/").pop()!;

    const waiting = await getPaymentPage(code, id);
    expect(waiting.status).toBe(200);
    const waitingPage = await htmlOf(waiting);
    if (!waitingPage.includes("Payment successful")) {
      expect(waitingPage).toContain("Check your phone to approve the payment");
      expect(waitingPage).toContain('<meta http-equiv="refresh" content="3">');
      expect(waitingPage).toContain(`href="/l/${code}/p/${id}"`);
      const early = await getReceipt(code, id);
      expect(early.status).toBe(409);
    }

    expect((await waitForFinal(t.db, [id])).get(id)).toBe("SUCCESSFUL");
    const done = await htmlOf(await getPaymentPage(code, id));
    expect(done).toContain("Payment successful");
    expect(done).toContain("Jane Mary Doe");
    expect(done).toContain(`href="/l/${code}/p/${id}/receipt"`);
    expect(done).not.toContain("http-equiv");

    const pdf = await getReceipt(code, id);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const [row] = await t.db.select({ ref: transactions.referenceId }).from(transactions).where(eq(transactions.id, id));
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${row!.ref}.pdf"`);
    expect(pdf.headers.get("set-cookie")).toBeNull();
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("failed: the reason and Try again; an unknown or malformed payment id is 404", async () => {
    const { code } = await setup();
    const res = await post(code, { shortCode: code, idempotencyKey: crypto.randomUUID(), name: "Jane", phoneNumber: "0700000010" });
    const id = res.headers.get("location")!.split("/").pop()!;
    await waitForFinal(t.db, [id]);
    const page = await htmlOf(await getPaymentPage(code, id));
    expect(page).toContain("Payment failed");
    expect(page).toContain("Insufficient funds in the customer&#39;s account");
    expect(page).toContain(`href="/l/${code}">Try again`);
    expect((await getReceipt(code, id)).status).toBe(409);

    const other = await setup();
    for (const [c, p] of [
      [other.code, id], // another link's payment
      [code, "0".repeat(24)],
      [code, "not-an-id"],
      [code, id.toUpperCase()],
    ]) {
      const missing = await getPaymentPage(c, p);
      expect(missing.status).toBe(404);
      expect(await htmlOf(missing)).toContain("This payment link does not exist");
      expect((await getReceipt(c, p)).status).toBe(404);
    }
  });

  it("the logo: its bytes, never sniffed, cached briefly; none is 404", async () => {
    const withLogo = await setup({ logo: { fileName: "logo.png", base64: PNG_1X1 } });
    const res = await getLogo(withLogo.code);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(Buffer.from(await res.arrayBuffer()).toString("base64")).toBe(PNG_1X1);
    expect(await (await getCheckoutPage(withLogo.code)).text()).toContain(`src="/l/${withLogo.code}/logo"`);

    const without = await setup();
    expect((await getLogo(without.code)).status).toBe(404);
    expect((await getLogo("BAD!")).status).toBe(404);
  });

  it("counts a view per GET, not per POST re-render", async () => {
    const { link, code } = await setup();
    await getCheckoutPage(code);
    await post(code, { shortCode: code, idempotencyKey: crypto.randomUUID(), name: "", phoneNumber: "" });
    const [row] = await t.db.select({ views: sql<number>`coalesce(sum(${paymentLinkViews.views}), 0)::int` }).from(paymentLinkViews).where(eq(paymentLinkViews.linkId, link.id));
    expect(Number(row!.views)).toBe(1);
    // The link itself is untouched by a refused Pay.
    const [l] = await t.db.select({ uses: paymentLinks.currentUses }).from(paymentLinks).where(eq(paymentLinks.id, link.id));
    expect(l!.uses).toBe(0);
  });
});
