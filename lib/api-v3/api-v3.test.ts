/**
 * The public v3 API, end to end in-process: every route handler under app/api/v3 called with a
 * Request, on both engines. Per endpoint: the 401s (no key, revoked, expired, a production key on
 * the sandbox host), the 403 of a user-bound key without the permission, the 404 of another
 * integrator's (or environment's) ids, the 400s of bad bodies — each leaving nothing changed — and
 * the happy paths, their bodies checked against Kotani's own spec (kotani-openapi.json) and against
 * the OpenAPI document we generate. Then secure-mode signatures and the rate limiter.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { apiKeys, integrators, memberships, roles, transactions, users } from "@/lib/db/schema";
import { ALL_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { createTestApiKey } from "@/lib/api-keys/testing";
import { signingPayload, signRequest } from "@/lib/api-keys/request-signature";
import { createIntegrator, createTestWallet } from "@/lib/wallets/test-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { fastSandbox, startEngineJobs, stopEngineJobs } from "@/lib/engine/testing/engine-fixtures";
import { appBaseUrl } from "@/lib/env";
import { amountToDecimalString, toIso2 } from "./schemas";
import { formatRate, sandboxRate } from "./rates";
import { buildOpenApiDocument } from "./openapi";

import * as healthRoute from "@/app/health/route";
import * as healthV3Route from "@/app/api/v3/health/route";
import * as walletsRoute from "@/app/api/v3/wallet/fiat/route";
import * as walletRoute from "@/app/api/v3/wallet/fiat/[id]/route";
import * as walletByCurrencyRoute from "@/app/api/v3/wallet/fiat/currency/[currency]/route";
import * as transferRoute from "@/app/api/v3/wallet/transfer/deposit-balance/route";
import * as customersRoute from "@/app/api/v3/customer/mobile-money/route";
import * as customerRoute from "@/app/api/v3/customer/mobile-money/[customer_key]/route";
import * as customerByPhoneRoute from "@/app/api/v3/customer/mobile-money/phone/[phone_number]/route";
import * as validateRoute from "@/app/api/v3/customer/validate/mobile-money/route";
import * as depositRoute from "@/app/api/v3/deposit/mobile-money/route";
import * as depositStatusRoute from "@/app/api/v3/deposit/mobile-money/status/[reference_id]/route";
import * as withdrawRoute from "@/app/api/v3/withdraw/mobile-money/route";
import * as withdrawStatusRoute from "@/app/api/v3/withdraw/status/[reference_id]/route";
import * as rateRoute from "@/app/api/v3/rate/[from]/[to]/route";
import * as openApiRoute from "@/app/api/v3/openapi.json/route";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.7", "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));

fastSandbox();

const ROOT = path.resolve(__dirname, "../..");
/** The real spec, vendored (test/contracts/README.md). */
const KOTANI_SPEC = path.resolve(ROOT, "test/contracts/kotani-openapi.json");
const SANDBOX_HOST = "sandbox-api.test";

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
interface Call {
  method?: "GET" | "POST" | "PATCH";
  path: string;
  key?: string | null;
  params?: Record<string, string>;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  host?: string;
}
interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

async function call(handler: Handler, c: Call): Promise<Answer> {
  const headers = new Headers(c.headers);
  if (c.key) headers.set("authorization", `Bearer ${c.key}`);
  const body = c.raw ?? (c.body !== undefined ? JSON.stringify(c.body) : undefined);
  if (body !== undefined) headers.set("content-type", "application/json");
  const method = c.method ?? (body !== undefined ? "POST" : "GET");
  const req = new Request(`http://${c.host ?? "localhost"}${c.path}`, { method, headers, body });
  const res = await handler(req, { params: Promise.resolve(c.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

/** One endpoint, with a request that would succeed for integrator A. */
interface Endpoint {
  name: string;
  handler: Handler;
  call: Call;
  permission: Permission | null;
}

interface Fixtures {
  integratorA: string;
  integratorB: string;
  walletKE: string;
  walletUG: string;
  walletProd: string;
  walletB: string;
  customerA: string;
  customerB: string;
  depositA: string;
  depositB: string;
  withdrawalA: string;
  withdrawalB: string;
}

function endpoints(f: Fixtures): Endpoint[] {
  return [
    {
      name: "GET /wallet/fiat",
      handler: walletsRoute.GET,
      permission: "wallets.read",
      call: { path: "/api/v3/wallet/fiat" },
    },
    {
      name: "GET /wallet/fiat/{id}",
      handler: walletRoute.GET,
      permission: "wallets.read",
      call: { path: `/api/v3/wallet/fiat/${f.walletKE}`, params: { id: f.walletKE } },
    },
    {
      name: "GET /wallet/fiat/currency/{currency}",
      handler: walletByCurrencyRoute.GET,
      permission: "wallets.read",
      call: { path: "/api/v3/wallet/fiat/currency/KES", params: { currency: "KES" } },
    },
    {
      name: "POST /wallet/transfer/deposit-balance",
      handler: transferRoute.POST,
      permission: "wallets.transfer",
      call: { path: "/api/v3/wallet/transfer/deposit-balance", body: { walletId: f.walletKE, amount: 1 } },
    },
    {
      name: "POST /customer/mobile-money",
      handler: customersRoute.POST,
      permission: "customers.manage",
      call: { path: "/api/v3/customer/mobile-money", body: { phone_number: "0711000111", country_code: "KE" } },
    },
    {
      name: "GET /customer/mobile-money",
      handler: customersRoute.GET,
      permission: "customers.read",
      call: { path: "/api/v3/customer/mobile-money?page=1&limit=10" },
    },
    {
      name: "GET /customer/mobile-money/{customer_key}",
      handler: customerRoute.GET,
      permission: "customers.read",
      call: { path: `/api/v3/customer/mobile-money/${f.customerA}`, params: { customer_key: f.customerA } },
    },
    {
      name: "PATCH /customer/mobile-money/{customer_key}",
      handler: customerRoute.PATCH,
      permission: "customers.manage",
      call: {
        method: "PATCH",
        path: `/api/v3/customer/mobile-money/${f.customerA}`,
        params: { customer_key: f.customerA },
        body: { first_name: "Janet" },
      },
    },
    {
      name: "GET /customer/mobile-money/phone/{phone_number}",
      handler: customerByPhoneRoute.GET,
      permission: "customers.read",
      call: { path: "/api/v3/customer/mobile-money/phone/%2B254700000001", params: { phone_number: "+254700000001" } },
    },
    {
      name: "POST /customer/validate/mobile-money",
      handler: validateRoute.POST,
      permission: "customers.manage",
      call: { path: "/api/v3/customer/validate/mobile-money", body: { phoneNumber: "+254700000001" } },
    },
    {
      name: "POST /deposit/mobile-money",
      handler: depositRoute.POST,
      permission: "collections.create",
      call: {
        path: "/api/v3/deposit/mobile-money",
        body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletKE },
      },
    },
    {
      name: "GET /deposit/mobile-money/status/{reference_id}",
      handler: depositStatusRoute.GET,
      permission: "collections.read",
      call: { path: `/api/v3/deposit/mobile-money/status/${f.depositA}`, params: { reference_id: f.depositA } },
    },
    {
      name: "POST /withdraw/mobile-money",
      handler: withdrawRoute.POST,
      permission: "payouts.create",
      call: {
        path: "/api/v3/withdraw/mobile-money",
        body: { customer_key: f.customerA, amount: 150, walletId: f.walletKE },
      },
    },
    {
      name: "GET /withdraw/status/{reference_id}",
      handler: withdrawStatusRoute.GET,
      permission: "payouts.read",
      call: { path: `/api/v3/withdraw/status/${f.withdrawalA}`, params: { reference_id: f.withdrawalA } },
    },
    {
      name: "GET /rate/{from}/{to}",
      handler: rateRoute.GET,
      permission: null,
      call: { path: "/api/v3/rate/USD/KES", params: { from: "USD", to: "KES" } },
    },
  ];
}

const INVALID_KEY = { success: false, message: "Invalid Api Key", error_code: 401, data: {} };

describe("amounts, countries and rates (pure)", () => {
  it("an amount is a JSON number with no more decimals than the currency has", () => {
    expect(amountToDecimalString(1500, "KES")).toBe("1500");
    expect(amountToDecimalString(10.5, "KES")).toBe("10.5");
    expect(amountToDecimalString(10.25, "KES")).toBe("10.25");
    expect(() => amountToDecimalString(10.005, "KES")).toThrow("amount must have at most 2 decimal places");
    expect(() => amountToDecimalString(10.5, "UGX")).toThrow(
      "amount must be a whole number: UGX has no decimal places",
    );
    expect(() => amountToDecimalString("10", "KES")).toThrow("amount must be a number");
    expect(() => amountToDecimalString(Number.NaN, "KES")).toThrow("amount must be a finite number");
    expect(() => amountToDecimalString(Number.POSITIVE_INFINITY, "KES")).toThrow("amount must be a finite number");
    expect(() => amountToDecimalString(0, "KES")).toThrow("amount must be greater than zero");
    expect(() => amountToDecimalString(-1, "KES")).toThrow("amount must be greater than zero");
    expect(() => amountToDecimalString(1e-7, "KES")).toThrow("amount must have at most 2 decimal places");
    expect(() => amountToDecimalString(1e300, "KES")).toThrow("amount is too large");
  });

  it("countries in ISO-2 or ISO-3", () => {
    expect(toIso2("KE")).toBe("KE");
    expect(toIso2("ken")).toBe("KE");
    expect(toIso2("CIV")).toBe("CI");
    expect(toIso2("XX")).toBeNull();
    expect(toIso2("KENYA")).toBeNull();
  });

  it("rates: crossed through USD, 6 significant digits, never exponent notation", () => {
    expect(sandboxRate("USD", "KES")).toEqual({ from: "USD", to: "KES", value: "129.2" });
    expect(sandboxRate("kes", "usd")).toEqual({ from: "KES", to: "USD", value: "0.00773994" });
    expect(sandboxRate("KES", "UGX").value).toBe("28.6378");
    expect(sandboxRate("USDT", "USD").value).toBe("1");
    expect(() => sandboxRate("USD", "XYZ")).toThrow("Rate not found");
    expect(formatRate(0.00027027)).toBe("0.00027027");
    expect(formatRate(3700)).toBe("3700");
  });
});

describe.each(testEngines())("public API v3 on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;
  let f: Fixtures;
  // Validators: Kotani's spec (OpenAPI 3.0) and our generated document (3.1).
  let kotaniAjv: Ajv | null = null;
  let oursAjv: Ajv2020;

  const newKey = async (
    integratorId: string,
    opts: Omit<Parameters<typeof createTestApiKey>[1], "integratorId"> = {},
  ) => (await createTestApiKey(t.db, { integratorId, ...opts })).key;

  async function snapshot() {
    const r = (await t.db.execute(sql`
      select (select count(*) from transactions)::int as tx,
             (select count(*) from customers)::int as customers,
             (select count(*) from ledger_transactions)::int as ledger,
             (select coalesce(sum(deposit_balance), 0)::text from fiat_wallets) as deposit,
             (select coalesce(sum(payout_balance), 0)::text from fiat_wallets) as payout,
             (select string_agg(id || ':' || coalesce(first_name, '') || ':' || coalesce(phone_number, ''), ',' order by id) from customers) as bios
    `)) as unknown as { rows: Record<string, unknown>[] };
    return r.rows[0];
  }

  /** `data` conforms to Kotani's schema `name` (when the spec is at hand) and to ours. */
  function expectShape(name: string, data: unknown) {
    if (kotaniAjv) {
      const validate = kotaniAjv.getSchema(`kotani#/components/schemas/${name}`)!;
      expect(validate(data), `${name} (Kotani's spec): ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const ours = oursAjv.getSchema(`ours#/components/schemas/${name}`)!;
    expect(ours(data), `${name} (our document): ${JSON.stringify(ours.errors)}`).toBe(true);
  }

  beforeAll(async () => {
    state.db = t.db;
    rt = await startEngineJobs(t.current.opened, { workers: false });

    if (existsSync(KOTANI_SPEC)) {
      kotaniAjv = new Ajv({ strict: false, allErrors: true });
      addFormats(kotaniAjv);
      kotaniAjv.addSchema(JSON.parse(readFileSync(KOTANI_SPEC, "utf8")), "kotani");
    }
    oursAjv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(oursAjv);
    oursAjv.addSchema(buildOpenApiDocument("http://localhost") as object, "ours");

    const a = await createIntegrator(t.db, {
      markets: [
        { country: "KE", currency: "KES" },
        { country: "UG", currency: "UGX" },
      ],
    });
    await t.db.update(integrators).set({ productionStatus: "active" }).where(eq(integrators.id, a.id));
    const b = await createIntegrator(t.db);
    const sandboxA = { integratorId: a.id, environment: "sandbox" as const };
    const walletKE = await createTestWallet(t.db, sandboxA, {
      deposit: 100_000n,
      payout: 100_000_000n,
      name: "Main KES",
    });
    const walletUG = await createTestWallet(t.db, sandboxA, {
      currency: "UGX",
      country: "UG",
      payout: 5_000_000n,
      name: "Main UGX",
    });
    const walletProd = await createTestWallet(
      t.db,
      { integratorId: a.id, environment: "production" },
      { payout: 1_000n, name: "Live KES" },
    );
    const walletB = await createTestWallet(
      t.db,
      { integratorId: b.id, environment: "sandbox" },
      { deposit: 50_000n, payout: 1_000_000n },
    );

    // A's and B's customer, deposit and withdrawal, through the API itself.
    const keyA = await newKey(a.id);
    const keyB = await newKey(b.id);
    const made = async (key: string, phone: string, walletId: string, suffix: string) => {
      const c = await call(customersRoute.POST, {
        path: "/api/v3/customer/mobile-money",
        key,
        body: { phone_number: phone, country_code: "KEN", first_name: "Jane", last_name: "Doe" },
      });
      expect(c.status, JSON.stringify(c.json)).toBe(200);
      const customerKey = c.json.data.customer_key as string;
      const d = await call(depositRoute.POST, {
        path: "/api/v3/deposit/mobile-money",
        key,
        body: {
          customer_key: customerKey,
          amount: 1000,
          wallet_id: walletId,
          reference_id: `dep-${suffix}`,
          callback_url: "https://example.com/hook",
        },
      });
      expect(d.status, JSON.stringify(d.json)).toBe(200);
      const w = await call(withdrawRoute.POST, {
        path: "/api/v3/withdraw/mobile-money",
        key,
        body: { customer_key: customerKey, amount: 150, walletId, referenceId: `wd-${suffix}` },
      });
      expect(w.status, JSON.stringify(w.json)).toBe(200);
      return {
        customerKey,
        deposit: d.json.data.reference_id as string,
        withdrawal: w.json.data.referenceId as string,
      };
    };
    const ma = await made(keyA, "0700000001", walletKE, "a-1");
    const mb = await made(keyB, "+254 700 000 002", walletB, "b-1");
    f = {
      integratorA: a.id,
      integratorB: b.id,
      walletKE,
      walletUG,
      walletProd,
      walletB,
      customerA: ma.customerKey,
      customerB: mb.customerKey,
      depositA: ma.deposit,
      depositB: mb.deposit,
      withdrawalA: ma.withdrawal,
      withdrawalB: mb.withdrawal,
    };
  });

  afterAll(async () => {
    await stopEngineJobs(rt);
    delete process.env.API_SANDBOX_HOST;
  });

  // -------------------------------------------------------------------------------------------
  // Refusals
  // -------------------------------------------------------------------------------------------

  it('every endpoint answers 401 "Invalid Api Key" without a key, with a revoked or expired key, and for a production key on the sandbox host; nothing changes', async () => {
    const revoked = await createTestApiKey(t.db, { integratorId: f.integratorA });
    await t.db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, revoked.id));
    const expired = await newKey(f.integratorA, { expiresAt: new Date(Date.now() - 1000) });
    const production = await newKey(f.integratorA, { environment: "production" });
    const before = await snapshot();
    process.env.API_SANDBOX_HOST = SANDBOX_HOST;
    try {
      // The production key itself is valid (on any other host)…
      const ok = await call(walletsRoute.GET, { path: "/api/v3/wallet/fiat", key: production });
      expect(ok.status).toBe(200);
      expect(ok.json.data.map((w: { id: string }) => w.id)).toEqual([f.walletProd]);
      for (const e of endpoints(f)) {
        const cases: [string, Call][] = [
          ["no key", { ...e.call, key: null }],
          ["malformed header", { ...e.call, headers: { authorization: "Basic abc" } }],
          ["revoked", { ...e.call, key: revoked.key }],
          ["expired", { ...e.call, key: expired }],
          // …but not on the host that serves the sandbox.
          ["production key on the sandbox host", { ...e.call, key: production, host: SANDBOX_HOST }],
        ];
        for (const [what, c] of cases) {
          const res = await call(e.handler, c);
          expect([e.name, what, res.status, res.json]).toEqual([e.name, what, 401, INVALID_KEY]);
        }
      }
    } finally {
      delete process.env.API_SANDBOX_HOST;
    }
    expect(await snapshot()).toEqual(before);
  });

  it("a user-bound key without the permission is 403 on every endpoint that needs one (audited); the rate needs none; nothing changes", async () => {
    const [role] = await t.db
      .insert(roles)
      .values({
        integratorId: f.integratorA,
        name: `Owner ${randomUUID().slice(0, 6)}`,
        permissions: [...ALL_PERMISSIONS],
      })
      .returning({ id: roles.id });
    const [user] = await t.db
      .insert(users)
      .values({ email: `${randomUUID()}@test.invalid`, name: "Dev" })
      .returning({ id: users.id });
    await t.db.insert(memberships).values({ integratorId: f.integratorA, userId: user!.id, roleId: role!.id });
    const key = await newKey(f.integratorA, { ownerUserId: user!.id, permissions: [] });
    const before = await snapshot();
    for (const e of endpoints(f)) {
      const res = await call(e.handler, { ...e.call, key });
      if (e.permission === null) {
        expect([e.name, res.status]).toEqual([e.name, 200]);
      } else {
        expect([e.name, res.status, res.json]).toEqual([
          e.name,
          403,
          { success: false, message: "You do not have permission to do this", error_code: 403, data: {} },
        ]);
      }
    }
    expect(await snapshot()).toEqual(before);
    const denied = (await t.db.execute(
      sql`select count(*)::int as n from audit_logs where integrator_id = ${f.integratorA} and action = 'access.denied'`,
    )) as unknown as { rows: { n: number }[] };
    expect(denied.rows[0]!.n).toBeGreaterThanOrEqual(endpoints(f).length - 1);

    // A user-bound key holds a grant only while its user's role has it.
    const [viewer] = await t.db
      .insert(roles)
      .values({
        integratorId: f.integratorA,
        name: `Viewer ${randomUUID().slice(0, 6)}`,
        permissions: ["wallets.read"],
      })
      .returning({ id: roles.id });
    const [user2] = await t.db
      .insert(users)
      .values({ email: `${randomUUID()}@test.invalid`, name: "Viewer" })
      .returning({ id: users.id });
    await t.db.insert(memberships).values({ integratorId: f.integratorA, userId: user2!.id, roleId: viewer!.id });
    const partial = await newKey(f.integratorA, {
      ownerUserId: user2!.id,
      permissions: ["wallets.read", "wallets.transfer"],
    });
    const list = endpoints(f).find((e) => e.name === "GET /wallet/fiat");
    const transfer = endpoints(f).find((e) => e.name === "POST /wallet/transfer/deposit-balance");
    expect((await call(list!.handler, { ...list!.call, key: partial })).status).toBe(200);
    expect((await call(transfer!.handler, { ...transfer!.call, key: partial })).status).toBe(403);
  });

  it("another integrator's or environment's ids are the spec's 404s, and nothing changes", async () => {
    const key = await newKey(f.integratorA);
    const cases: [string, Handler, Call, string][] = [
      [
        "B's wallet",
        walletRoute.GET,
        { path: `/api/v3/wallet/fiat/${f.walletB}`, params: { id: f.walletB } },
        "Wallet Not Found",
      ],
      [
        "A's production wallet",
        walletRoute.GET,
        { path: `/api/v3/wallet/fiat/${f.walletProd}`, params: { id: f.walletProd } },
        "Wallet Not Found",
      ],
      [
        "a malformed wallet id",
        walletRoute.GET,
        { path: "/api/v3/wallet/fiat/x%20y", params: { id: "x y" } },
        "Wallet Not Found",
      ],
      [
        "a currency without a wallet",
        walletByCurrencyRoute.GET,
        { path: "/api/v3/wallet/fiat/currency/TZS", params: { currency: "TZS" } },
        "Wallet Not Found",
      ],
      [
        "transfer from B's wallet",
        transferRoute.POST,
        { path: "/api/v3/wallet/transfer/deposit-balance", body: { walletId: f.walletB, amount: 1 } },
        "Wallet Not Found",
      ],
      [
        "transfer from A's production wallet",
        transferRoute.POST,
        { path: "/api/v3/wallet/transfer/deposit-balance", body: { walletId: f.walletProd } },
        "Wallet Not Found",
      ],
      ["B's customer", customerRoute.GET, { path: "/x", params: { customer_key: f.customerB } }, "Customer not found."],
      [
        "update B's customer",
        customerRoute.PATCH,
        { method: "PATCH", path: "/x", params: { customer_key: f.customerB }, body: { first_name: "Eve" } },
        "Customer not found.",
      ],
      [
        "B's customer's phone",
        customerByPhoneRoute.GET,
        { path: "/x", params: { phone_number: "+254700000002" } },
        "Customer not found.",
      ],
      [
        "deposit from B's customer",
        depositRoute.POST,
        { path: "/x", body: { customer_key: f.customerB, amount: 1000, wallet_id: f.walletKE } },
        "Customer not found.",
      ],
      [
        "deposit into B's wallet",
        depositRoute.POST,
        { path: "/x", body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletB } },
        "Wallet Not Found",
      ],
      [
        "B's deposit",
        depositStatusRoute.GET,
        { path: "/x", params: { reference_id: f.depositB } },
        "Reference Id not found",
      ],
      [
        "a deposit reference as a withdrawal",
        withdrawStatusRoute.GET,
        { path: "/x", params: { reference_id: f.depositA } },
        "Reference Id not found",
      ],
      [
        "withdraw to B's customer",
        withdrawRoute.POST,
        { path: "/x", body: { customer_key: f.customerB, amount: 150, walletId: f.walletKE } },
        "Customer not found.",
      ],
      [
        "withdraw from B's wallet",
        withdrawRoute.POST,
        { path: "/x", body: { customer_key: f.customerA, amount: 150, walletId: f.walletB } },
        "Wallet Not Found",
      ],
      [
        "B's withdrawal",
        withdrawStatusRoute.GET,
        { path: "/x", params: { reference_id: f.withdrawalB } },
        "Reference Id not found",
      ],
      [
        "an unknown currency's rate",
        rateRoute.GET,
        { path: "/x", params: { from: "USD", to: "XYZ" } },
        "Rate not found",
      ],
    ];
    const before = await snapshot();
    for (const [what, handler, c, message] of cases) {
      const res = await call(handler, { ...c, key });
      expect([what, res.status, res.json]).toEqual([what, 404, { success: false, message, error_code: 404, data: {} }]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("bad bodies are 400s listing every problem in data.errors, and nothing changes", async () => {
    const nul = "a\u0000b";
    type Bad = [string, Partial<Call>, string];
    const perEndpoint: [string, Handler, Call, Bad[]][] = [
      [
        "transfer",
        transferRoute.POST,
        { path: "/api/v3/wallet/transfer/deposit-balance", body: { walletId: f.walletKE, amount: 1 } },
        [
          ["unknown key", { body: { walletId: f.walletKE, amout: 1 } }, "property amout should not exist"],
          ["wrong type", { body: { walletId: 123 } }, "walletId must be a string"],
          ["amount as a string", { body: { walletId: f.walletKE, amount: "1" } }, "amount must be a number"],
          [
            "3 decimals in KES",
            { body: { walletId: f.walletKE, amount: 1.005 } },
            "amount must have at most 2 decimal places",
          ],
          ["NUL byte", { body: { walletId: nul } }, "walletId must not contain control characters"],
          ["missing walletId", { body: {} }, "walletId should not be empty"],
        ],
      ],
      [
        "create customer",
        customersRoute.POST,
        { path: "/api/v3/customer/mobile-money", body: { phone_number: "0711000222", country_code: "KE" } },
        [
          [
            "unknown key",
            { body: { phone_number: "0711000222", country_code: "KE", image: "x" } },
            "property image should not exist",
          ],
          ["wrong type", { body: { phone_number: 711000222, country_code: "KE" } }, "phone_number must be a string"],
          [
            "NUL byte",
            { body: { phone_number: "0711000222", country_code: "KE", first_name: nul } },
            "first_name must not contain control characters",
          ],
          [
            "unknown country",
            { body: { phone_number: "0711000222", country_code: "XX" } },
            "country_code must be an ISO-2 or ISO-3 country code",
          ],
          [
            "not one of the markets",
            { body: { phone_number: "0241234567", country_code: "GH" } },
            "country_code must be one of your markets (KE, UG), not Ghana",
          ],
          [
            "not a Kenyan number",
            { body: { phone_number: "12345", country_code: "KE" } },
            "phone_number: This is not a valid Kenya phone number",
          ],
          [
            "a network of another country",
            { body: { phone_number: "0711000222", country_code: "KE", network: "MTN" } },
            "network: MTN is not a mobile network in Kenya",
          ],
        ],
      ],
      [
        "update customer",
        customerRoute.PATCH,
        { method: "PATCH", path: "/x", params: { customer_key: f.customerA }, body: { first_name: "Jane" } },
        [
          ["unknown key", { body: { firstName: "Jane" } }, "property firstName should not exist"],
          ["wrong type", { body: { first_name: 5 } }, "first_name must be a string"],
          ["NUL byte", { body: { last_name: nul } }, "last_name must not contain control characters"],
          ["another country", { body: { country_code: "UGA" } }, "country_code cannot change: the customer is in KE"],
          [
            "a bad email",
            { body: { email: "not-an-email" } },
            "email: Enter a valid email address, like name@example.com",
          ],
        ],
      ],
      [
        "validate",
        validateRoute.POST,
        { path: "/api/v3/customer/validate/mobile-money", body: { phoneNumber: "+254700000001" } },
        [
          ["unknown key", { body: { phone_number: "+254700000001" } }, "property phone_number should not exist"],
          ["wrong type", { body: { phoneNumber: true } }, "phoneNumber must be a string"],
          [
            "NUL byte",
            { body: { phoneNumber: "+254700000001", accountName: nul } },
            "accountName must not contain control characters",
          ],
          [
            "paybill",
            { body: { accountType: "paybill", shortCode: "247247" } },
            "accountType must be mobile_money: paybill and till validation are not available",
          ],
        ],
      ],
      [
        "deposit",
        depositRoute.POST,
        {
          path: "/api/v3/deposit/mobile-money",
          body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletKE },
        },
        [
          [
            "unknown key",
            { body: { customer_key: f.customerA, amout: 1000, wallet_id: f.walletKE } },
            "property amout should not exist",
          ],
          [
            "wrong type",
            { body: { customer_key: f.customerA, amount: "1000", wallet_id: f.walletKE } },
            "amount must be a number",
          ],
          [
            "3 decimals in KES",
            { body: { customer_key: f.customerA, amount: 1000.005, wallet_id: f.walletKE } },
            "amount must have at most 2 decimal places",
          ],
          [
            "NUL byte",
            { body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletKE, reference_id: nul } },
            "reference_id must not contain control characters",
          ],
          [
            "another currency",
            { body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletKE, currency: "USD" } },
            "currency must be the wallet's currency (KES)",
          ],
          [
            "a wallet of another country",
            { body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletUG } },
            "customer_key is a customer in Kenya; this wallet serves Uganda",
          ],
          [
            "a bad reference",
            { body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletKE, reference_id: "a b" } },
            "reference_id: Use letters, digits, '.', '_' or '-' in the reference",
          ],
          [
            "a bad callback",
            { body: { customer_key: f.customerA, amount: 1000, wallet_id: f.walletKE, callback_url: "ftp://x" } },
            "callback_url must be an http(s) URL, like https://example.com/webhooks",
          ],
          [
            "zero",
            { body: { customer_key: f.customerA, amount: 0, wallet_id: f.walletKE } },
            "amount must be greater than zero",
          ],
        ],
      ],
      [
        "withdraw",
        withdrawRoute.POST,
        {
          path: "/api/v3/withdraw/mobile-money",
          body: { customer_key: f.customerA, amount: 150, walletId: f.walletKE },
        },
        [
          [
            "unknown key",
            { body: { customer_key: f.customerA, amount: 150, walletId: f.walletKE, wallet_id: f.walletKE } },
            "property wallet_id should not exist",
          ],
          [
            "wrong type",
            { body: { customer_key: f.customerA, amount: [150], walletId: f.walletKE } },
            "amount must be a number",
          ],
          [
            "3 decimals in KES",
            { body: { customer_key: f.customerA, amount: 150.001, walletId: f.walletKE } },
            "amount must have at most 2 decimal places",
          ],
          [
            "NUL byte",
            { body: { customer_key: f.customerA, amount: 150, walletId: f.walletKE, referenceId: nul } },
            "referenceId must not contain control characters",
          ],
          [
            "a network of another country",
            { body: { customer_key: f.customerA, amount: 150, walletId: f.walletKE, network: "MTN" } },
            "network: MTN is not a mobile network in Kenya",
          ],
          [
            "a wallet of another country",
            { body: { customer_key: f.customerA, amount: 1, walletId: f.walletUG } },
            "customer_key is a customer in Kenya; this wallet serves Uganda",
          ],
        ],
      ],
    ];
    const before = await snapshot();
    for (const [name, handler, base, bads] of perEndpoint) {
      const key = await newKey(f.integratorA); // a fresh key per endpoint: no rate limit in the way
      const all: Bad[] = [
        ...bads,
        ["malformed JSON", { raw: '{"amount": 1,' }, "The request body is not valid JSON"],
        ["an array", { raw: "[1, 2]" }, "The request body must be a JSON object"],
        ["empty", { raw: "" }, "The request body is empty: send a JSON object"],
      ];
      for (const [what, change, error] of all) {
        const c: Call = { ...base, ...change, key };
        if (change.raw !== undefined) delete c.body;
        const res = await call(handler, c);
        expect([name, what, res.status, res.json?.success, res.json?.error_code], JSON.stringify(res.json)).toEqual([
          name,
          what,
          400,
          false,
          400,
        ]);
        expect(res.json.data.errors, `${name} / ${what}`).toEqual(
          expect.arrayContaining([expect.stringContaining(error)]),
        );
        expect(res.json.message).toBe(`Validation failed: ${res.json.data.errors.join(", ")}`);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  // -------------------------------------------------------------------------------------------
  // Happy paths
  // -------------------------------------------------------------------------------------------

  it("wallets: the list (every market of the key's environment), one by id, one by currency and country", async () => {
    const key = await newKey(f.integratorA);
    const list = await call(walletsRoute.GET, { path: "/api/v3/wallet/fiat", key });
    expect(list.status).toBe(200);
    expect(list.json).toMatchObject({ success: true, message: "Fiat wallet has been successfully retrieved." });
    expect(list.json.data.map((w: { id: string }) => w.id).sort()).toEqual([f.walletKE, f.walletUG].sort());
    for (const w of list.json.data) expectShape("FiatWalletResponseDto", w);
    // The validators are not vacuous: a wallet without its balances fails both.
    const { balance: _b, ...noBalance } = list.json.data[0];
    expect(oursAjv.getSchema("ours#/components/schemas/FiatWalletResponseDto")!(noBalance)).toBe(false);
    if (kotaniAjv)
      expect(kotaniAjv.getSchema("kotani#/components/schemas/FiatWalletResponseDto")!(noBalance)).toBe(false);
    expect(kotaniAjv !== null || !existsSync(KOTANI_SPEC)).toBe(true);
    const ug = list.json.data.find((w: { id: string }) => w.id === f.walletUG);
    expect(ug).toEqual({
      name: "Main UGX",
      type: "fiat",
      currency: "UGX",
      country: "UG",
      integrator: f.integratorA,
      status: "active",
      id: f.walletUG,
      balance: 5_000_000,
      deposit_balance: 0,
    });

    const one = await call(walletRoute.GET, { path: "/x", key, params: { id: f.walletKE } });
    expect(one.status).toBe(200);
    expect(one.json.message).toBe("The wallet has been successfully retrieved.");
    expect(one.json.data).toMatchObject({ id: f.walletKE, currency: "KES", country: "KE", type: "fiat" });
    expect(typeof one.json.data.balance).toBe("number");
    expectShape("FiatWalletResponseDto", one.json.data);

    const byCurrency = await call(walletByCurrencyRoute.GET, {
      path: "/api/v3/wallet/fiat/currency/ugx",
      key,
      params: { currency: "ugx" },
    });
    expect(byCurrency.json.data.id).toBe(f.walletUG);
    const byCountry = await call(walletByCurrencyRoute.GET, {
      path: "/api/v3/wallet/fiat/currency/KES?country=KEN",
      key,
      params: { currency: "KES" },
    });
    expect(byCountry.json.data.id).toBe(f.walletKE);
    const wrongCountry = await call(walletByCurrencyRoute.GET, {
      path: "/api/v3/wallet/fiat/currency/KES?country=UG",
      key,
      params: { currency: "KES" },
    });
    expect(wrongCountry.status).toBe(404);
    const badCountry = await call(walletByCurrencyRoute.GET, {
      path: "/api/v3/wallet/fiat/currency/KES?country=ZZZ",
      key,
      params: { currency: "KES" },
    });
    expect(badCountry.status).toBe(400);
    expect(badCountry.json.data.errors[0]).toContain("country must be an ISO-2 or ISO-3 country code");
  });

  it("transfer: a specific amount in major units, then (amount left out) the entire deposit balance; answers the wallet", async () => {
    const key = await newKey(f.integratorA);
    const wallet = await createTestWallet(
      t.db,
      { integratorId: f.integratorA, environment: "sandbox" },
      { currency: "UGX", country: null, deposit: 30_000n, payout: 500n, name: "UGX anywhere" },
    );
    const first = await call(transferRoute.POST, { path: "/x", key, body: { walletId: wallet, amount: 10_000 } });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.message).toBe("Transfer deposit balance has been successfully done.");
    expect(first.json.data).toMatchObject({ id: wallet, balance: 10_500, deposit_balance: 20_000 });
    expect(first.json.data.country).toBeUndefined(); // a currency-wide wallet
    expectShape("FiatWalletResponseDto", first.json.data);
    const decimals = await call(transferRoute.POST, { path: "/x", key, body: { walletId: wallet, amount: 1.5 } });
    expect(decimals.json.data.errors).toEqual(["amount must be a whole number: UGX has no decimal places"]);
    const rest = await call(transferRoute.POST, { path: "/x", key, body: { walletId: wallet } });
    expect(rest.json.data).toMatchObject({ balance: 30_500, deposit_balance: 0 });
    const nothing = await call(transferRoute.POST, { path: "/x", key, body: { walletId: wallet } });
    expect([nothing.status, nothing.json.data.errors]).toEqual([
      400,
      ["amount: There is no deposit balance to transfer"],
    ]);

    // The Idempotency-Key header: a retry answers the first result and moves nothing more.
    const kes = await createTestWallet(
      t.db,
      { integratorId: f.integratorA, environment: "sandbox" },
      { deposit: 10_000n, name: "Spare KES" },
    );
    const headers = { "idempotency-key": `transfer-${randomUUID()}` };
    const once = await call(transferRoute.POST, { path: "/x", key, headers, body: { walletId: kes, amount: 25.5 } });
    const twice = await call(transferRoute.POST, { path: "/x", key, headers, body: { walletId: kes, amount: 25.5 } });
    expect(once.json.data).toMatchObject({ balance: 25.5, deposit_balance: 74.5 });
    expect(twice.json.data).toEqual(once.json.data);
    const reused = await call(transferRoute.POST, { path: "/x", key, headers, body: { walletId: kes, amount: 1 } });
    expect(reused.status).toBe(409);
  });

  it("customers: create (ISO-3 country), get by key, patch, get by phone in any form, list with paging; a duplicate number is 409", async () => {
    const key = await newKey(f.integratorA);
    const created = await call(customersRoute.POST, {
      path: "/x",
      key,
      body: {
        phone_number: "0722 000 333",
        country_code: "KEN",
        first_name: "Ann",
        last_name: "Wanjiku",
        email: "ann@example.com",
        id_type: "NATIONAL_ID",
        id_number: "12345678",
        date_of_birth: "1990-01-31",
      },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.message).toBe("Customer has been successfully created.");
    const c = created.json.data;
    expect(c).toMatchObject({
      phone_number: "+254722000333",
      country_code: "KE",
      network: "MPESA",
      first_name: "Ann",
      integrator: f.integratorA,
      id_type: "NATIONAL_ID",
      status: "active",
    });
    expect(c.customer_key).toMatch(/^[A-Za-z0-9]{20}$/);
    expectShape("MobileMoneyCustomerDto", c);

    const got = await call(customerRoute.GET, { path: "/x", key, params: { customer_key: c.customer_key } });
    expect([got.status, got.json.message]).toEqual([200, "Customer fetched successfully."]);
    expect(got.json.data).toEqual(c);

    const patched = await call(customerRoute.PATCH, {
      method: "PATCH",
      path: "/x",
      key,
      params: { customer_key: c.customer_key },
      body: { first_name: "Anne", email: "", country_code: "KE" },
    });
    expect([patched.status, patched.json.message]).toEqual([200, "Bio Data has been successfully updated."]);
    expect(patched.json.data).toMatchObject({
      first_name: "Anne",
      last_name: "Wanjiku",
      phone_number: "+254722000333",
      id_number: "12345678",
    });
    expect(patched.json.data.email).toBeUndefined();
    expectShape("MobileMoneyCustomerDto", patched.json.data);

    for (const phone of ["+254722000333", "254722000333", "0722000333", "0722 000 333"]) {
      const byPhone = await call(customerByPhoneRoute.GET, { path: "/x", key, params: { phone_number: phone } });
      expect([phone, byPhone.status, byPhone.json.data?.customer_key]).toEqual([phone, 200, c.customer_key]);
    }
    const unknown = await call(customerByPhoneRoute.GET, {
      path: "/x",
      key,
      params: { phone_number: "+254799999999" },
    });
    expect([unknown.status, unknown.json.message]).toEqual([404, "Customer not found."]);

    const page1 = await call(customersRoute.GET, { path: "/api/v3/customer/mobile-money?page=1&limit=1", key });
    expect([page1.status, page1.json.message]).toEqual([200, "Customers successfully retrieved."]);
    expect(page1.json.data.map((x: { customer_key: string }) => x.customer_key)).toEqual([c.customer_key]); // newest first
    const all = await call(customersRoute.GET, { path: "/api/v3/customer/mobile-money?page=1&limit=100", key });
    const keys = all.json.data.map((x: { customer_key: string }) => x.customer_key);
    expect(keys).toEqual(expect.arrayContaining([c.customer_key, f.customerA]));
    expect(keys).not.toContain(f.customerB);
    for (const x of all.json.data) expectShape("MobileMoneyCustomerDto", x);
    const past = await call(customersRoute.GET, { path: "/api/v3/customer/mobile-money?page=999&limit=100", key });
    expect(past.json.data).toEqual([]);
    const badPage = await call(customersRoute.GET, { path: "/api/v3/customer/mobile-money?page=0&limit=500", key });
    expect(badPage.status).toBe(400);
    expect(badPage.json.data.errors).toEqual(["page must be 1 or more", "limit must be at most 100"]);

    const duplicate = await call(customersRoute.POST, {
      path: "/x",
      key,
      body: { phone_number: "+254722000333", country_code: "KE" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.message).toContain(c.customer_key);
  });

  it("validate: the sandbox name lookup by test number, with a name match", async () => {
    const key = await newKey(f.integratorA);
    const jane = await call(validateRoute.POST, {
      path: "/x",
      key,
      body: { phoneNumber: "+254700000001", accountName: "Jane Doe" },
    });
    expect([jane.status, jane.json.message]).toEqual([200, "Phone number validated successfully."]);
    expect(jane.json.data).toMatchObject({
      isValid: true,
      isSupported: true,
      countryCode: "KE",
      callingCode: "+254",
      internationalNumber: "+254700000001",
      accountType: "mobile_money",
      currency: "KES",
      network: "MPESA",
      mno: "SAFARICOM KENYA",
      accountName: "JANE MARY DOE",
      nameLookupStatus: "MATCHED",
      nameMatch: { provided: "Jane Doe", matched: false, threshold: 70, masked: false },
    });
    expect(jane.json.data.customerId).toBeUndefined();
    expectShape("ValidateAccountResponseDto", jane.json.data);
    const national = await call(validateRoute.POST, { path: "/x", key, body: { phoneNumber: "0700000001" } });
    expect(national.json.data).toMatchObject({ internationalNumber: "+254700000001", accountName: "JANE MARY DOE" });
    expect(national.json.data.nameMatch).toBeUndefined();
    const uganda = await call(validateRoute.POST, { path: "/x", key, body: { phoneNumber: "+256 770 000 003" } });
    expect(uganda.json.data).toMatchObject({
      countryCode: "UG",
      currency: "UGX",
      network: "MTN",
      nameLookupStatus: "NOT_FOUND",
    });
    expectShape("ValidateAccountResponseDto", uganda.json.data);
  });

  it("deposit: created PENDING for the customer, visible on the status endpoint by reference or telco id; the same reference_id twice is one deposit", async () => {
    const key = await newKey(f.integratorA);
    const body = {
      customer_key: f.customerA,
      amount: 250.5,
      wallet_id: f.walletKE,
      reference_id: `order-${randomUUID().slice(0, 8)}`,
    };
    const first = await call(depositRoute.POST, { path: "/x", key, body });
    expect([first.status, first.json.message], JSON.stringify(first.json)).toEqual([
      200,
      "Deposit has been successfully created.",
    ]);
    expect(first.json.data).toMatchObject({
      message: "Deposit request sent successfully",
      reference_id: body.reference_id,
      customer_key: f.customerA,
    });
    expectShape("DepositResponseDto", first.json.data);

    const again = await call(depositRoute.POST, { path: "/x", key, body });
    expect(again.json.data).toEqual(first.json.data);
    const conflict = await call(depositRoute.POST, { path: "/x", key, body: { ...body, amount: 300 } });
    expect(conflict.status).toBe(409);
    expect(conflict.json.message).toContain(`The reference ${body.reference_id} is already used`);
    const rows = await t.db.select().from(transactions).where(eq(transactions.referenceId, body.reference_id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "collection",
      origin: "api",
      status: "PENDING",
      amount: 25_050n,
      currency: "KES",
      country: "KE",
    });

    const status = await call(depositStatusRoute.GET, { path: "/x", key, params: { reference_id: body.reference_id } });
    expect([status.status, status.json.message]).toEqual([200, "Deposit status retrieved."]);
    expect(status.json.data).toMatchObject({
      id: first.json.data.id,
      amount: 250.5,
      wallet_id: f.walletKE,
      reference_id: body.reference_id,
      reference_number: first.json.data.reference_number,
      currency: "KES",
      status: "PENDING",
      customer_key: f.customerA,
      network: "MPESA",
      environment: "sandbox",
    });
    expect(status.json.data.transaction_amount).toBeGreaterThanOrEqual(250.5);
    expectShape("DepositStatusResponseDto", status.json.data);

    // The fixture's deposit has a callback URL: its delivery status shows; and the telco's receipt id finds it too.
    const withCallback = await call(depositStatusRoute.GET, { path: "/x", key, params: { reference_id: f.depositA } });
    expect(withCallback.json.data).toMatchObject({ callback_url: "https://example.com/hook", callbackUrlStatus: 1 });
    await t.db.update(transactions).set({ telcoId: "OEI2AK4D9X" }).where(eq(transactions.id, status.json.data.id));
    const byTelco = await call(depositStatusRoute.GET, { path: "/x", key, params: { reference_id: "OEI2AK4D9X" } });
    expect(byTelco.json.data).toMatchObject({ id: first.json.data.id, telco_id: "OEI2AK4D9X" });

    // Concurrent retries of one reference: one deposit, every caller gets it.
    const racing = { ...body, reference_id: `race-${randomUUID().slice(0, 8)}` };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => call(depositRoute.POST, { path: "/x", key, body: racing })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.json.data.id)).size).toBe(1);
    expect(
      await t.db.select().from(transactions).where(eq(transactions.referenceId, racing.reference_id)),
    ).toHaveLength(1);

    // Without a reference: a new one each time (8 alphanumerics).
    const generated = await call(depositRoute.POST, {
      path: "/x",
      key,
      body: { customer_key: f.customerA, amount: 100, wallet_id: f.walletKE },
    });
    expect(generated.json.data.reference_id).toMatch(/^[A-Za-z0-9]{8}$/);
  });

  it("withdraw: debits the payout balance at once, visible on the status endpoint; the same referenceId twice is one withdrawal", async () => {
    const key = await newKey(f.integratorA);
    const before = await call(walletRoute.GET, { path: "/x", key, params: { id: f.walletKE } });
    const body = {
      customer_key: f.customerA,
      amount: 150,
      walletId: f.walletKE,
      referenceId: `pay-${randomUUID().slice(0, 8)}`,
      callbackUrl: "https://example.com/payouts",
    };
    const first = await call(withdrawRoute.POST, { path: "/x", key, body });
    expect([first.status, first.json.message], JSON.stringify(first.json)).toEqual([
      200,
      "Withdrawal has been successfully created.",
    ]);
    expect(first.json.data).toMatchObject({
      message: "Withdrawal request sent successfully",
      referenceId: body.referenceId,
    });
    expectShape("WithdrawResponseDto", first.json.data);
    const again = await call(withdrawRoute.POST, { path: "/x", key, body });
    expect(again.json.data).toEqual(first.json.data);
    const [row] = await t.db.select().from(transactions).where(eq(transactions.referenceId, body.referenceId));
    const after = await call(walletRoute.GET, { path: "/x", key, params: { id: f.walletKE } });
    expect(after.json.data.balance).toBeCloseTo(before.json.data.balance - Number(row!.walletAmount) / 100, 2);

    const status = await call(withdrawStatusRoute.GET, { path: "/x", key, params: { reference_id: body.referenceId } });
    expect([status.status, status.json.message]).toEqual([200, "Withdrawal status retrieved"]);
    expect(status.json.data).toMatchObject({
      id: first.json.data.id,
      amount: 150,
      walletId: f.walletKE,
      referenceId: body.referenceId,
      referenceNumber: first.json.data.referenceNumber,
      status: "PENDING",
      customerKey: f.customerA,
      transactionCost: 17,
      transactionAmount: 150,
      integratorFeeAmount: 0,
      integratorFee: 0,
      integratorCommissionType: "NONE",
      errorMessage: "",
      callbackUrl: "https://example.com/payouts",
      callbackUrlStatus: 1,
    });
    expectShape("WithdrawStatusResponseDto", status.json.data);

    // A payout held for approval reads as the spec's REQUIRE_REVIEW.
    await t.db.update(transactions).set({ status: "AWAITING_APPROVAL" }).where(eq(transactions.id, row!.id));
    const held = await call(withdrawStatusRoute.GET, { path: "/x", key, params: { reference_id: body.referenceId } });
    expect(held.json.data.status).toBe("REQUIRE_REVIEW");

    const poor = await call(withdrawRoute.POST, {
      path: "/x",
      key,
      body: { customer_key: f.customerA, amount: 1_000_000, walletId: f.walletKE },
    });
    expect(poor.status).toBe(400);
  });

  it("rates: any valid key; USD/KES and the cross rate", async () => {
    const key = await newKey(f.integratorA);
    const usdKes = await call(rateRoute.GET, { path: "/x", key, params: { from: "USD", to: "KES" } });
    expect(usdKes.json).toEqual({
      success: true,
      message: "Available exchange rate.",
      data: { from: "USD", to: "KES", value: "129.2" },
    });
    expectShape("RateResponseDto", usdKes.json.data);
    const kesUsd = await call(rateRoute.GET, { path: "/x", key, params: { from: "kes", to: "usd" } });
    expect(kesUsd.json.data).toEqual({ from: "KES", to: "USD", value: "0.00773994" });
  });

  // -------------------------------------------------------------------------------------------
  // Secure mode, rate limits, health, the document
  // -------------------------------------------------------------------------------------------

  it("secure keys: a signed GET and POST pass; unsigned, a bad signature, a replayed nonce and a timestamp 6 minutes off are 401", async () => {
    const secure = await createTestApiKey(t.db, { integratorId: f.integratorA, secure: true });
    const sign = (
      method: string,
      pathname: string,
      body: unknown,
      at = Math.floor(Date.now() / 1000),
      nonce: string = randomUUID(),
    ) => {
      const timestamp = String(at);
      return {
        "x-timestamp": timestamp,
        "x-nonce": nonce,
        "x-signature": signRequest(secure.secret!, signingPayload(method, timestamp, nonce, pathname, body)),
      };
    };
    const listPath = "/api/v3/wallet/fiat";
    const get = await call(walletsRoute.GET, {
      path: listPath,
      key: secure.key,
      headers: sign("GET", listPath, undefined),
    });
    expect(get.status).toBe(200);

    const postPath = "/api/v3/customer/validate/mobile-money";
    const body = { phoneNumber: "+254700000002", accountName: "Robert Smith" };
    const headers = sign("POST", postPath, body);
    const post = await call(validateRoute.POST, { path: postPath, key: secure.key, body, headers });
    expect([post.status, post.json.data?.accountName]).toEqual([200, "ROBERT JAMES SMITH"]);

    const replay = await call(validateRoute.POST, { path: postPath, key: secure.key, body, headers });
    expect([replay.status, replay.json.message]).toEqual([401, "This nonce was already used"]);
    const unsigned = await call(walletsRoute.GET, { path: listPath, key: secure.key });
    expect(unsigned.status).toBe(401);
    const tampered = await call(validateRoute.POST, {
      path: postPath,
      key: secure.key,
      body: { ...body, accountName: "Eve" },
      headers: sign("POST", postPath, body),
    });
    expect([tampered.status, tampered.json.message]).toEqual([401, "Invalid request signature"]);
    const otherSecret = { ...sign("GET", listPath, undefined), "x-signature": "0".repeat(64) };
    expect((await call(walletsRoute.GET, { path: listPath, key: secure.key, headers: otherSecret })).status).toBe(401);
    const stale = await call(walletsRoute.GET, {
      path: listPath,
      key: secure.key,
      headers: sign("GET", listPath, undefined, Math.floor(Date.now() / 1000) - 6 * 60),
    });
    expect([stale.status, stale.json.message]).toEqual([
      401,
      "Request timestamp is outside the allowed window of 5 minutes",
    ]);
    const future = await call(walletsRoute.GET, {
      path: listPath,
      key: secure.key,
      headers: sign("GET", listPath, undefined, Math.floor(Date.now() / 1000) + 6 * 60),
    });
    expect(future.status).toBe(401);
  });

  it("rate limit: the money tier's burst (20 per 5 s), then 429 with retryAfter and Retry-After; another key is not affected", async () => {
    const key = await newKey(f.integratorA);
    const other = await newKey(f.integratorA);
    // Start at the beginning of a 5-second window so the burst cannot straddle two.
    const intoWindow = Date.now() % 5000;
    if (intoWindow > 1500) await new Promise((r) => setTimeout(r, 5000 - intoWindow + 20));
    const before = await snapshot();
    // Refused bodies still count (the limiter runs before validation) and move nothing.
    const burst = { path: "/api/v3/wallet/transfer/deposit-balance", body: {} };
    for (let i = 0; i < 20; i++) {
      const res = await call(transferRoute.POST, { ...burst, key });
      expect([i, res.status]).toEqual([i, 400]);
    }
    const limited = await call(transferRoute.POST, { ...burst, key });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({
      statusCode: 429,
      message: "Too many requests, please slow down",
      error: "Too Many Requests",
    });
    expect(limited.json.data.retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited.json.data.retryAfter).toBeLessThanOrEqual(5);
    expect(limited.headers.get("retry-after")).toBe(String(limited.json.data.retryAfter));
    // The read tier of the same key is counted apart, and another key is not affected.
    expect((await call(walletsRoute.GET, { path: "/api/v3/wallet/fiat", key })).status).toBe(200);
    expect((await call(transferRoute.POST, { ...burst, key: other })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("health: /health and /api/v3/health need no key; 503 when the database does not answer", async () => {
    const expected = {
      status: "ok",
      info: { database: { status: "up" } },
      error: {},
      details: { database: { status: "up" } },
    };
    for (const route of [healthRoute, healthV3Route]) {
      const res = await route.GET();
      expect([res.status, await res.json()]).toEqual([200, expected]);
    }
    const db = state.db;
    state.db = { execute: async () => Promise.reject(new Error("connection refused")) };
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const down = await healthRoute.GET();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "error", error: { database: { status: "down" } } });
    } finally {
      state.db = db;
      spy.mockRestore();
    }
  });

  it("the OpenAPI document: public, cached 5 minutes, every v3 route and method in it, servers from the host we serve", async () => {
    const res = await openApiRoute.GET(new Request("http://localhost/api/v3/openapi.json"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const doc = await res.json();
    expect(doc).toMatchObject({
      openapi: "3.1.0",
      info: { title: "Kotani Pay Backoffice API", version: "3" },
      servers: [{ url: appBaseUrl() }],
    });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });

    // Every route file under app/api/v3 (and /health) has its path and methods in the document.
    const dir = path.join(ROOT, "app/api/v3");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d)) {
        const full = path.join(d, e);
        if (statSync(full).isDirectory()) walk(full);
        else if (e === "route.ts") files.push(full);
      }
    };
    walk(dir);
    for (const file of files) {
      const route =
        "/api/v3/" +
        path
          .relative(dir, path.dirname(file))
          .split(path.sep)
          .join("/")
          .replace(/\[(\w+)\]/g, "{$1}");
      if (route === "/api/v3/openapi.json") continue;
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const methods = ["GET", "POST", "PATCH", "PUT", "DELETE"].filter((m) => typeof mod[m] === "function");
      for (const m of methods)
        expect(doc.paths[route]?.[m.toLowerCase()], `${m} ${route} in the document`).toBeDefined();
    }
    expect(doc.paths["/health"].get.security).toEqual([]);
    expect(doc.paths["/api/v3/deposit/mobile-money"].post.responses["429"]).toBeDefined();
    expect(doc.paths["/api/v3/deposit/mobile-money"].post["x-permission"]).toBe("collections.create");

    process.env.API_SANDBOX_HOST = SANDBOX_HOST;
    try {
      const sandbox = await (await openApiRoute.GET(new Request(`http://${SANDBOX_HOST}/api/v3/openapi.json`))).json();
      expect(sandbox.servers).toEqual([{ url: `https://${SANDBOX_HOST}` }]);
      const spoofed = await (await openApiRoute.GET(new Request("http://evil.test/api/v3/openapi.json"))).json();
      expect(spoofed.servers).toEqual([{ url: appBaseUrl() }]);
    } finally {
      delete process.env.API_SANDBOX_HOST;
    }
  });
});
