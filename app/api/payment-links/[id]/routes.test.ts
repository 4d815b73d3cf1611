/**
 * The link detail routes through the real gate (gatedRoute): the link, its payments, their CSV,
 * the analytics and a receipt's PDF. Another integrator's or a malformed id is 404, bad input a
 * 400 with a message, no permission a 403; a receipt only for a successful payment (409 otherwise).
 * The session and database are stubbed (requireScope returns a fixed scope, getDb the test
 * database); the PDF is the checkout's renderer (lib/payment-links/receipt-pdf.ts).
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { transactions } from "@/lib/db/schema";
import { testScope } from "@/lib/auth/test-scope";
import { testEngines, withTestDb } from "@/test/db";
import { createIntegrator } from "@/lib/wallets/test-fixtures";

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

const { createPaymentLink } = await import("@/lib/payment-links/create-payment-link");
const { createPaymentLinkSchema, DEFAULT_CUSTOMER_FIELDS } = await import("@/lib/payment-links/schemas");
const linkRoute = await import("./route");
const paymentsRoute = await import("./payments/route");
const exportRoute = await import("./payments/export/route");
const analyticsRoute = await import("./analytics/route");
const receiptRoute = await import("./payments/[paymentId]/receipt/route");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: unknown, path: string, params: Record<string, string>) {
  return (handler as Handler)(new Request(`http://localhost${path}`), { params: Promise.resolve(params) });
}

describe.each(testEngines())("payment link detail routes on %s", (engine) => {
  const t = withTestDb(engine);
  let scope: Scope;
  let linkId: string;
  let okId: string;
  let failedId: string;

  beforeAll(async () => {
    state.db = t.db;
    const integrator = await createIntegrator(t.db, { organization: "Route Org" });
    scope = testScope(integrator.id, { organization: "Route Org" });
    state.scope = scope;
    const { link } = await createPaymentLink(
      t.db,
      scope,
      createPaymentLinkSchema.parse({
        name: "Route link",
        linkType: "STANDARD",
        pricing: "FIXED",
        amount: "500",
        paymentMethods: ["MOBILE_MONEY"],
        usage: "UNLIMITED",
        customerFields: { ...DEFAULT_CUSTOMER_FIELDS },
      }),
    );
    linkId = link.id;
    const rows = await t.db
      .insert(transactions)
      .values(
        (["SUCCESSFUL", "FAILED"] as const).map((status, i) => ({
          integratorId: integrator.id,
          environment: "sandbox" as const,
          kind: "collection" as const,
          channel: "PAYMENT_LINK",
          referenceId: `RTE0000${i}`,
          referenceNumber: 70_000_000 + i,
          status,
          country: "KE",
          currency: "KES",
          network: "MPESA",
          phoneNumber: `+25470000000${i + 1}`,
          amount: 50_000n,
          transactionAmount: 50_750n,
          fee: 750n,
          paymentLinkId: link.id,
          metadata: { payer: { firstName: "Jane", lastName: "Doe" } },
          createdAt: new Date(`2026-03-0${i + 1}T10:00:00Z`),
          completedAt: new Date(`2026-03-0${i + 1}T10:00:30Z`),
        })),
      )
      .returning({ id: transactions.id });
    okId = rows[0]!.id;
    failedId = rows[1]!.id;
  });

  it("answers the link, its payments, their CSV and its analytics", async () => {
    const link = await call(linkRoute.GET, `/api/payment-links/${linkId}`, { id: linkId });
    expect(link.status).toBe(200);
    expect(await link.json()).toMatchObject({ id: linkId, name: "Route link", payments: 2, successfulPayments: 1, totalCollected: "50000" });

    const list = await call(paymentsRoute.GET, `/api/payment-links/${linkId}/payments?status=successful`, { id: linkId });
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body).toMatchObject({ total: 1, page: 1, size: 20 });
    expect(body.rows[0]).toMatchObject({ id: okId, outcome: "successful", customerName: "Jane Doe", amount: "50000", fee: "750" });

    const csv = await call(exportRoute.GET, `/api/payment-links/${linkId}/payments/export?status=failed`, { id: linkId });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="kotani-payment-link-[0-9a-z]+-payments-sandbox-\d{8}-\d{6}\.csv"$/);
    const lines = (await csv.text()).replace(/^\ufeff/, "").split("\r\n");
    expect(lines[0]).toBe("Reference,Status,Customer,Phone number,Network,Amount (KES),Fee (KES),Currency,Created at (UTC),Completed at (UTC)");
    expect(lines.slice(1).filter(Boolean)).toEqual([
      "RTE00001,FAILED,Jane Doe,'+254700000002,MPESA,500.00,7.50,KES,2026-03-02T10:00:00.000000Z,2026-03-02T10:00:30.000000Z",
    ]);

    const analytics = await call(analyticsRoute.GET, `/api/payment-links/${linkId}/analytics?days=7`, { id: linkId });
    expect(analytics.status).toBe(200);
    const a = await analytics.json();
    expect(a.totals).toMatchObject({ attempts: 2, successful: 1, totalCollected: "50000", currency: "KES", views: 0, conversionRate: 0 });
    expect(a.daily).toHaveLength(7);
  });

  it("a successful payment's receipt is a PDF download; any other payment is 409", async () => {
    const pdf = await call(receiptRoute.GET, `/api/payment-links/${linkId}/payments/${okId}/receipt`, { id: linkId, paymentId: okId });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('attachment; filename="receipt-RTE00000.pdf"');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(pdf.headers.get("content-length")).toBe(String(bytes.byteLength));

    const refused = await call(receiptRoute.GET, `/api/payment-links/${linkId}/payments/${failedId}/receipt`, { id: linkId, paymentId: failedId });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ success: false, message: "Only a successful payment has a receipt" });
  });

  it("400 with a message for bad input; 404 for malformed or another integrator's ids; 403 without the permission", async () => {
    for (const query of ["q=a%00b", "status=SUCCESSFUL", "sort=fee.desc", "size=7", "page=0"]) {
      for (const handler of [paymentsRoute.GET, exportRoute.GET]) {
        const res = await call(handler, `/api/payment-links/${linkId}/payments?${query}`, { id: linkId });
        expect(res.status).toBe(400);
        expect((await res.json()).message.length).toBeGreaterThan(3);
      }
    }
    expect((await call(analyticsRoute.GET, `/api/payment-links/${linkId}/analytics?days=9999`, { id: linkId })).status).toBe(400);

    for (const id of ["..%2F", "a b", "x".repeat(65)]) {
      expect((await call(linkRoute.GET, `/api/payment-links/x`, { id })).status).toBe(404);
      expect((await call(paymentsRoute.GET, `/api/payment-links/x/payments`, { id })).status).toBe(404);
    }
    expect((await call(receiptRoute.GET, `/api/payment-links/${linkId}/payments/x/receipt`, { id: linkId, paymentId: "../" })).status).toBe(404);

    const stranger = await createIntegrator(t.db);
    state.scope = testScope(stranger.id);
    try {
      for (const [handler, path, params] of [
        [linkRoute.GET, `/api/payment-links/${linkId}`, { id: linkId }],
        [paymentsRoute.GET, `/api/payment-links/${linkId}/payments`, { id: linkId }],
        [exportRoute.GET, `/api/payment-links/${linkId}/payments/export`, { id: linkId }],
        [analyticsRoute.GET, `/api/payment-links/${linkId}/analytics`, { id: linkId }],
        [receiptRoute.GET, `/api/payment-links/${linkId}/payments/${okId}/receipt`, { id: linkId, paymentId: okId }],
      ] as const) {
        const res = await call(handler, path, params);
        expect(res.status).toBe(404);
      }
      state.scope = testScope(scope.integratorId, { permissions: ["collections.read"] });
      expect((await call(paymentsRoute.GET, `/api/payment-links/${linkId}/payments`, { id: linkId })).status).toBe(403);
      expect((await call(receiptRoute.GET, `/api/payment-links/${linkId}/payments/${okId}/receipt`, { id: linkId, paymentId: okId })).status).toBe(403);
    } finally {
      state.scope = scope;
    }
  });
});
