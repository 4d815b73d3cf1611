/**
 * The contract test of the public v3 API: every response of every endpoint we serve — the
 * success, 401 without a key, 400 of a bad body or query, 404 of an unknown id, 403 of a key
 * without the permission, one 429, the health check's 503 — is a real in-process call, and its
 * JSON body is validated with ajv against Kotani's own OpenAPI document (test/contracts/
 * kotani-openapi.json, a copy kept in the repo) at
 * `paths[path][method].responses[status].content["application/json"].schema`. Where Kotani's
 * document does not describe a status (403, 429, a few 400s and 404s), the body is validated
 * against the document we generate (buildOpenApiDocument) instead; each test's name says which.
 *
 * On top of the schemas (whose envelopes often leave out `required` and `type: object`), every
 * body is checked for the §1.4 envelope invariants, and a success's `data` against the DTO its
 * 200 response names (`required` enforced): that is where a drift would show.
 *
 * One row of ENDPOINTS per operation: its handler and the requests that produce each status.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import Ajv, { type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { memberships, roles, users } from "@/lib/db/schema";
import { ALL_PERMISSIONS } from "@/lib/auth/permissions";
import { createTestApiKey } from "@/lib/api-keys/testing";
import { createIntegrator, createTestWallet } from "@/lib/wallets/test-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { fastSandbox, startEngineJobs, stopEngineJobs } from "@/lib/engine/testing/engine-fixtures";
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

// ---------------------------------------------------------------------------------------------
// The two documents
// ---------------------------------------------------------------------------------------------

/** Kotani's OpenAPI 3.0 document, kept in the repo (test/contracts/README.md). */
const KOTANI_SPEC_FILE = path.resolve(__dirname, "../../test/contracts/kotani-openapi.json");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const kotaniSpec: Json = JSON.parse(readFileSync(KOTANI_SPEC_FILE, "utf8"));
const ourDocument: Json = buildOpenApiDocument("http://localhost");

type Source = "Kotani spec" | "our document";
type Method = "GET" | "POST" | "PATCH";

const kotaniAjv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(kotaniAjv);
kotaniAjv.addSchema(kotaniSpec, "kotani");
const oursAjv = new Ajv2020({ strict: false, allErrors: true, logger: false });
addFormats(oursAjv);
oursAjv.addSchema(ourDocument, "ours");

const DOCUMENTS: Record<Source, { doc: Json; ajv: Ajv; id: string }> = {
  "Kotani spec": { doc: kotaniSpec, ajv: kotaniAjv, id: "kotani" },
  "our document": { doc: ourDocument, ajv: oursAjv, id: "ours" },
};

/** A JSON pointer segment, escaped (~0, ~1) and URI-encoded for a $ref fragment. */
const pointer = (segment: string) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"));

function responseSchema(source: Source, specPath: string, method: Method, status: number): Json | undefined {
  return DOCUMENTS[source].doc.paths?.[specPath]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.[
    "application/json"
  ]?.schema;
}

/** Kotani's document where it describes this response, else ours (null: neither does). */
function sourceOf(specPath: string, method: Method, status: number): Source | null {
  if (responseSchema("Kotani spec", specPath, method, status)) return "Kotani spec";
  if (responseSchema("our document", specPath, method, status)) return "our document";
  return null;
}

const validators = new Map<string, ValidateFunction>();
function validatorFor(source: Source, ref: string): ValidateFunction {
  const { ajv, id } = DOCUMENTS[source];
  const full = `${id}#${ref}`;
  let v = validators.get(full);
  if (!v) {
    v = ajv.compile({ $ref: full });
    validators.set(full, v);
  }
  return v;
}

/** The validator of a response body: the schema at paths/<path>/<method>/responses/<status>/content/application~1json/schema. */
function responseValidator(source: Source, specPath: string, method: Method, status: number): ValidateFunction {
  return validatorFor(
    source,
    `/paths/${pointer(specPath)}/${method.toLowerCase()}/responses/${status}/content/${pointer("application/json")}/schema`,
  );
}

const errorsText = (errors: ValidateFunction["errors"], dataVar: string) => kotaniAjv.errorsText(errors, { dataVar });

/** The DTO a 200 names for its `data` (`properties.data.$ref`, or `.items.$ref` for a list). */
function successDto(source: Source, specPath: string, method: Method): { ref: string; list: boolean } | null {
  const data = responseSchema(source, specPath, method, 200)?.properties?.data;
  const ref: string | undefined = data?.$ref ?? data?.items?.$ref ?? data?.allOf?.[0]?.$ref;
  if (!ref || !ref.startsWith("#/")) return null;
  return { ref: ref.slice(1), list: data.type === "array" || data.items !== undefined };
}

// ---------------------------------------------------------------------------------------------
// The envelope invariants (§1.4), which the documents' schemas do not all enforce
// ---------------------------------------------------------------------------------------------

type Kind = "success" | "error" | "validation" | "rate-limited" | "none";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function envelopeProblems(kind: Kind, status: number, body: Json): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  if (kind === "none") return problems;
  if (!isObject(body)) return ["the body is not a JSON object"];
  if (kind === "rate-limited") {
    need(body.statusCode === 429, "statusCode is 429");
    need(typeof body.message === "string", "message is a string");
    need(body.error === "Too Many Requests", 'error is "Too Many Requests"');
    const retryAfter = isObject(body.data) ? body.data.retryAfter : undefined;
    need(Number.isInteger(retryAfter) && (retryAfter as number) > 0, "data.retryAfter is a positive integer");
    return problems;
  }
  need(typeof body.message === "string", "message is a string");
  if (kind === "success") {
    need(body.success === true, "success is true");
    need(body.data !== undefined, "data is present");
    return problems;
  }
  need(body.success === false, "success is false");
  need(body.error_code === status, `error_code is the HTTP status (${status})`);
  need(isObject(body.data), "data is an object");
  if (kind === "validation") {
    const errors = isObject(body.data) ? body.data.errors : undefined;
    need(
      Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e === "string"),
      "data.errors is a non-empty array of strings",
    );
    need(
      typeof body.message === "string" && body.message.startsWith("Validation failed: "),
      'message starts with "Validation failed: "',
    );
  }
  return problems;
}

function kindOf(status: number, envelope: boolean): Kind {
  if (!envelope) return "none";
  if (status === 200) return "success";
  if (status === 400) return "validation";
  if (status === 429) return "rate-limited";
  return "error";
}

// ---------------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------------

type Handler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
interface Req {
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  /** The database does not answer (the health check's 503). */
  dbDown?: boolean;
}
interface Answer {
  status: number;
  json: Json;
}

interface Fixtures {
  walletKE: string;
  customer: string;
  customerPhone: string;
  deposit: string;
  withdrawal: string;
}

/**
 * One operation we serve. `ok` succeeds with a key holding every permission; the 401 (no key) and
 * 403 (a user-bound key without the permission) reuse it, as our document says the operation
 * needs a key (`security`) and a permission (`x-permission`). `bad`: a 400; `notFound`: a 404;
 * `down`: the 503; `burst`: repeated with one key until the tier's burst answers 429.
 */
interface Endpoint {
  method: Method;
  /** The path template, as both documents spell it. */
  path: string;
  handler: Handler;
  ok: (f: Fixtures) => Req;
  bad?: (f: Fixtures) => Req;
  notFound?: (f: Fixtures) => Req;
  down?: (f: Fixtures) => Req;
  burst?: (f: Fixtures) => Req;
  /** false: the body is not the §1.4 envelope (the health check). */
  envelope?: boolean;
}

const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";
const UNKNOWN_CUSTOMER = "AAAAAAAAAAAAAAAAAAAA";

const ENDPOINTS: Endpoint[] = [
  {
    method: "GET",
    path: "/health",
    handler: healthRoute.GET as unknown as Handler,
    envelope: false,
    ok: () => ({ path: "/health" }),
    down: () => ({ path: "/health", dbDown: true }),
  },
  {
    method: "GET",
    path: "/api/v3/health",
    handler: healthV3Route.GET as unknown as Handler,
    envelope: false,
    ok: () => ({ path: "/api/v3/health" }),
    down: () => ({ path: "/api/v3/health", dbDown: true }),
  },
  {
    method: "GET",
    path: "/api/v3/wallet/fiat",
    handler: walletsRoute.GET,
    ok: () => ({ path: "/api/v3/wallet/fiat" }),
  },
  {
    method: "GET",
    path: "/api/v3/wallet/fiat/{id}",
    handler: walletRoute.GET,
    ok: (f) => ({ path: `/api/v3/wallet/fiat/${f.walletKE}`, params: { id: f.walletKE } }),
    notFound: () => ({ path: `/api/v3/wallet/fiat/${UNKNOWN_UUID}`, params: { id: UNKNOWN_UUID } }),
  },
  {
    method: "GET",
    path: "/api/v3/wallet/fiat/currency/{currency}",
    handler: walletByCurrencyRoute.GET,
    ok: () => ({ path: "/api/v3/wallet/fiat/currency/KES", params: { currency: "KES" } }),
    bad: () => ({ path: "/api/v3/wallet/fiat/currency/KES?country=ZZZ", params: { currency: "KES" } }),
    notFound: () => ({ path: "/api/v3/wallet/fiat/currency/TZS", params: { currency: "TZS" } }),
  },
  {
    method: "POST",
    path: "/api/v3/wallet/transfer/deposit-balance",
    handler: transferRoute.POST,
    ok: (f) => ({ path: "/api/v3/wallet/transfer/deposit-balance", body: { walletId: f.walletKE, amount: 1 } }),
    bad: (f) => ({ path: "/api/v3/wallet/transfer/deposit-balance", body: { walletId: f.walletKE, amount: "1" } }),
    notFound: () => ({ path: "/api/v3/wallet/transfer/deposit-balance", body: { walletId: UNKNOWN_UUID, amount: 1 } }),
    // The money tier's burst (20 per 5 s); refused bodies count too and move nothing.
    burst: () => ({ path: "/api/v3/wallet/transfer/deposit-balance", body: {} }),
  },
  {
    method: "POST",
    path: "/api/v3/customer/mobile-money",
    handler: customersRoute.POST,
    ok: () => ({ path: "/api/v3/customer/mobile-money", body: { phone_number: "0711000111", country_code: "KE" } }),
    bad: () => ({ path: "/api/v3/customer/mobile-money", body: { phone_number: 711000222, country_code: "KE" } }),
  },
  {
    method: "GET",
    path: "/api/v3/customer/mobile-money",
    handler: customersRoute.GET,
    ok: () => ({ path: "/api/v3/customer/mobile-money?page=1&limit=10" }),
    bad: () => ({ path: "/api/v3/customer/mobile-money?page=0&limit=500" }),
  },
  {
    method: "GET",
    path: "/api/v3/customer/mobile-money/{customer_key}",
    handler: customerRoute.GET,
    ok: (f) => ({ path: `/api/v3/customer/mobile-money/${f.customer}`, params: { customer_key: f.customer } }),
    notFound: () => ({
      path: `/api/v3/customer/mobile-money/${UNKNOWN_CUSTOMER}`,
      params: { customer_key: UNKNOWN_CUSTOMER },
    }),
  },
  {
    method: "PATCH",
    path: "/api/v3/customer/mobile-money/{customer_key}",
    handler: customerRoute.PATCH,
    ok: (f) => ({
      path: `/api/v3/customer/mobile-money/${f.customer}`,
      params: { customer_key: f.customer },
      body: { first_name: "Janet" },
    }),
    bad: (f) => ({
      path: `/api/v3/customer/mobile-money/${f.customer}`,
      params: { customer_key: f.customer },
      body: { firstName: "Janet" },
    }),
    notFound: () => ({
      path: `/api/v3/customer/mobile-money/${UNKNOWN_CUSTOMER}`,
      params: { customer_key: UNKNOWN_CUSTOMER },
      body: { first_name: "Janet" },
    }),
  },
  {
    method: "GET",
    path: "/api/v3/customer/mobile-money/phone/{phone_number}",
    handler: customerByPhoneRoute.GET,
    ok: (f) => ({
      path: `/api/v3/customer/mobile-money/phone/${encodeURIComponent(f.customerPhone)}`,
      params: { phone_number: f.customerPhone },
    }),
    notFound: () => ({
      path: "/api/v3/customer/mobile-money/phone/%2B254799999999",
      params: { phone_number: "+254799999999" },
    }),
  },
  {
    method: "POST",
    path: "/api/v3/customer/validate/mobile-money",
    handler: validateRoute.POST,
    ok: () => ({ path: "/api/v3/customer/validate/mobile-money", body: { phoneNumber: "+254700000001" } }),
    bad: () => ({ path: "/api/v3/customer/validate/mobile-money", body: { phoneNumber: true } }),
  },
  {
    method: "POST",
    path: "/api/v3/deposit/mobile-money",
    handler: depositRoute.POST,
    ok: (f) => ({
      path: "/api/v3/deposit/mobile-money",
      body: { customer_key: f.customer, amount: 1000, wallet_id: f.walletKE },
    }),
    bad: (f) => ({
      path: "/api/v3/deposit/mobile-money",
      body: { customer_key: f.customer, amount: "1000", wallet_id: f.walletKE },
    }),
    notFound: (f) => ({
      path: "/api/v3/deposit/mobile-money",
      body: { customer_key: UNKNOWN_CUSTOMER, amount: 1000, wallet_id: f.walletKE },
    }),
  },
  {
    method: "GET",
    path: "/api/v3/deposit/mobile-money/status/{reference_id}",
    handler: depositStatusRoute.GET,
    ok: (f) => ({ path: `/api/v3/deposit/mobile-money/status/${f.deposit}`, params: { reference_id: f.deposit } }),
    notFound: () => ({ path: "/api/v3/deposit/mobile-money/status/nope-404", params: { reference_id: "nope-404" } }),
  },
  {
    method: "POST",
    path: "/api/v3/withdraw/mobile-money",
    handler: withdrawRoute.POST,
    ok: (f) => ({
      path: "/api/v3/withdraw/mobile-money",
      body: { customer_key: f.customer, amount: 150, walletId: f.walletKE },
    }),
    bad: (f) => ({
      path: "/api/v3/withdraw/mobile-money",
      body: { customer_key: f.customer, amount: [150], walletId: f.walletKE },
    }),
    notFound: (f) => ({
      path: "/api/v3/withdraw/mobile-money",
      body: { customer_key: UNKNOWN_CUSTOMER, amount: 150, walletId: f.walletKE },
    }),
  },
  {
    method: "GET",
    path: "/api/v3/withdraw/status/{reference_id}",
    handler: withdrawStatusRoute.GET,
    ok: (f) => ({ path: `/api/v3/withdraw/status/${f.withdrawal}`, params: { reference_id: f.withdrawal } }),
    notFound: () => ({ path: "/api/v3/withdraw/status/nope-404", params: { reference_id: "nope-404" } }),
  },
  {
    method: "GET",
    path: "/api/v3/rate/{from}/{to}",
    handler: rateRoute.GET,
    ok: () => ({ path: "/api/v3/rate/USD/KES", params: { from: "USD", to: "KES" } }),
    notFound: () => ({ path: "/api/v3/rate/USD/XYZ", params: { from: "USD", to: "XYZ" } }),
  },
];

/** Which key a case calls with. */
type KeyKind = "full" | "none" | "unpermitted";

interface Case {
  name: string;
  endpoint: Endpoint;
  status: number;
  source: Source | null;
  key: KeyKind;
  request: (f: Fixtures) => Req;
  /** Repeat until the status arrives (the 429). */
  repeat?: boolean;
}

function casesOf(e: Endpoint): Case[] {
  const op = DOCUMENTS["our document"].doc.paths?.[e.path]?.[e.method.toLowerCase()];
  const needsKey = !(Array.isArray(op?.security) && op.security.length === 0);
  const needsPermission = needsKey && typeof op?.["x-permission"] === "string";
  const wanted: [number, KeyKind, ((f: Fixtures) => Req) | undefined, boolean?][] = [
    [200, needsKey ? "full" : "none", e.ok],
    [401, "none", needsKey ? e.ok : undefined],
    [400, "full", e.bad],
    [404, "full", e.notFound],
    [403, "unpermitted", needsPermission ? e.ok : undefined],
    [429, "full", e.burst, true],
    [503, "none", e.down],
  ];
  return wanted
    .filter(([, , request]) => request !== undefined)
    .map(([status, key, request, repeat]) => {
      const source = sourceOf(e.path, e.method, status);
      return {
        name: `${e.method} ${e.path} ${status} (${source ?? "documented nowhere"})`,
        endpoint: e,
        status,
        source,
        key,
        request: request!,
        repeat,
      };
    });
}

const CASES: Case[] = ENDPOINTS.flatMap(casesOf);

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe.each(testEngines())("the v3 API against Kotani's OpenAPI document, on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;
  let f: Fixtures;
  let integratorId: string;
  let unpermittedUser: string;

  async function keyFor(kind: KeyKind): Promise<string | null> {
    if (kind === "none") return null;
    const opts = kind === "unpermitted" ? { ownerUserId: unpermittedUser, permissions: [] } : {};
    return (await createTestApiKey(t.db, { integratorId, ...opts })).key;
  }

  async function send(handler: Handler, r: Req, key: string | null, method: Method): Promise<Answer> {
    const headers = new Headers();
    if (key) headers.set("authorization", `Bearer ${key}`);
    const body = r.body !== undefined ? JSON.stringify(r.body) : undefined;
    if (body !== undefined) headers.set("content-type", "application/json");
    const req = new Request(`http://localhost${r.path}`, { method, headers, body });
    const db = state.db;
    const quiet = r.dbDown ? vi.spyOn(console, "error").mockImplementation(() => {}) : null;
    if (r.dbDown) state.db = { execute: async () => Promise.reject(new Error("connection refused")) };
    try {
      const res = await handler(req, { params: Promise.resolve(r.params ?? {}) });
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : null };
    } finally {
      state.db = db;
      quiet?.mockRestore();
    }
  }

  /** Every check of one response; `[]` when it holds to the contract. */
  function contractProblems(c: Pick<Case, "endpoint" | "status" | "source">, answer: Answer): string[] {
    const { endpoint: e, status, source } = c;
    if (!source) return [`${status} is described neither in Kotani's spec nor in our document`];
    const problems: string[] = [];
    const validate = responseValidator(source, e.path, e.method, status);
    if (!validate(answer.json)) problems.push(`response schema (${source}): ${errorsText(validate.errors, "body")}`);
    for (const p of envelopeProblems(kindOf(status, e.envelope !== false), status, answer.json))
      problems.push(`envelope: ${p}`);
    if (status === 200 && e.envelope !== false) {
      const dto = successDto(source, e.path, e.method);
      if (dto) {
        const validateDto = validatorFor(source, dto.ref);
        const items: unknown[] = dto.list
          ? Array.isArray(answer.json?.data)
            ? answer.json.data
            : [null]
          : [answer.json?.data];
        if (items.length === 0) problems.push(`${dto.ref}: an empty list, nothing to validate`);
        items.forEach((item, i) => {
          if (!validateDto(item))
            problems.push(
              `${dto.ref} (${source}): ${errorsText(validateDto.errors, dto.list ? `data[${i}]` : "data")}`,
            );
        });
      }
    }
    return problems;
  }

  beforeAll(async () => {
    state.db = t.db;
    rt = await startEngineJobs(t.current.opened, { workers: false });

    const a = await createIntegrator(t.db, { markets: [{ country: "KE", currency: "KES" }] });
    integratorId = a.id;
    const walletKE = await createTestWallet(
      t.db,
      { integratorId, environment: "sandbox" },
      { deposit: 100_000n, payout: 100_000_000n, name: "Main KES" },
    );

    // A user whose role grants everything, for keys bound to them with no permission of their own.
    const [role] = await t.db
      .insert(roles)
      .values({ integratorId, name: `Owner ${randomUUID().slice(0, 6)}`, permissions: [...ALL_PERMISSIONS] })
      .returning({ id: roles.id });
    const [user] = await t.db
      .insert(users)
      .values({ email: `${randomUUID()}@test.invalid`, name: "Dev" })
      .returning({ id: users.id });
    await t.db.insert(memberships).values({ integratorId, userId: user!.id, roleId: role!.id });
    unpermittedUser = user!.id;

    // A customer, a deposit and a withdrawal, through the API itself.
    const key = (await keyFor("full"))!;
    const customerPhone = "+254700000001";
    const c = await send(
      customersRoute.POST,
      {
        path: "/api/v3/customer/mobile-money",
        body: { phone_number: customerPhone, country_code: "KEN", first_name: "Jane", last_name: "Doe" },
      },
      key,
      "POST",
    );
    expect(c.status, JSON.stringify(c.json)).toBe(200);
    const customer = c.json.data.customer_key as string;
    const d = await send(
      depositRoute.POST,
      {
        path: "/api/v3/deposit/mobile-money",
        body: { customer_key: customer, amount: 1000, wallet_id: walletKE, reference_id: "contract-dep-1" },
      },
      key,
      "POST",
    );
    expect(d.status, JSON.stringify(d.json)).toBe(200);
    const w = await send(
      withdrawRoute.POST,
      {
        path: "/api/v3/withdraw/mobile-money",
        body: { customer_key: customer, amount: 150, walletId: walletKE, referenceId: "contract-wd-1" },
      },
      key,
      "POST",
    );
    expect(w.status, JSON.stringify(w.json)).toBe(200);
    f = {
      walletKE,
      customer,
      customerPhone,
      deposit: d.json.data.reference_id,
      withdrawal: w.json.data.referenceId,
    };
  });

  afterAll(async () => {
    await stopEngineJobs(rt);
  });

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const key = await keyFor(c.key);
    const request = c.request(f);
    let answer = await send(c.endpoint.handler, request, key, c.endpoint.method);
    // The 429: the same request with the same key until the tier's burst is spent (the money
    // tier refuses the 21st within 5 s, the 61st within a minute at the latest).
    for (let i = 0; c.repeat && answer.status !== c.status && i < 100; i++)
      answer = await send(c.endpoint.handler, request, key, c.endpoint.method);
    expect(answer.status, JSON.stringify(answer.json)).toBe(c.status);
    expect(contractProblems(c, answer), JSON.stringify(answer.json)).toEqual([]);
  });

  it("every operation of our document has a row, and Kotani's document describes every path we serve but /api/v3/health", () => {
    const served = new Set(ENDPOINTS.map((e) => `${e.method} ${e.path}`));
    const documented = Object.entries(ourDocument.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.filter((op) => !served.has(op))).toEqual([]);
    const unknownToKotani = ENDPOINTS.filter((e) => !kotaniSpec.paths?.[e.path]?.[e.method.toLowerCase()]).map(
      (e) => `${e.method} ${e.path}`,
    );
    expect(unknownToKotani).toEqual(["GET /api/v3/health"]);
  });

  it("the validators catch a drift: a success without a required field or with a string balance, a broken envelope", async () => {
    const e = ENDPOINTS.find((x) => x.method === "GET" && x.path === "/api/v3/wallet/fiat/{id}")!;
    const c = { endpoint: e, status: 200, source: "Kotani spec" as const };
    const real = await send(e.handler, e.ok(f), await keyFor("full"), "GET");
    expect(real.status).toBe(200);
    expect(contractProblems(c, real)).toEqual([]);

    const { balance: _balance, ...noBalance } = real.json.data;
    const dropped = contractProblems(c, { ...real, json: { ...real.json, data: noBalance } });
    expect(dropped.join("\n")).toContain("must have required property 'balance'");
    expect(dropped.some((p) => p.startsWith("/components/schemas/FiatWalletResponseDto"))).toBe(true);

    const stringly = contractProblems(c, {
      ...real,
      json: { ...real.json, data: { ...real.json.data, balance: "10" } },
    });
    expect(stringly.some((p) => p.startsWith("response schema (Kotani spec)") && p.includes("must be number"))).toBe(
      true,
    );
    expect(stringly.some((p) => p.startsWith("/components/schemas/FiatWalletResponseDto"))).toBe(true);

    // Our document's DTO catches it too.
    expect(validatorFor("our document", "/components/schemas/FiatWalletResponseDto")(noBalance)).toBe(false);

    // The envelope invariants the schemas leave out.
    expect(contractProblems(c, { ...real, json: { message: real.json.message, data: real.json.data } })).toContain(
      "envelope: success is true",
    );
    expect(
      envelopeProblems("error", 404, { success: false, message: "Wallet Not Found", error_code: "404", data: {} }),
    ).toEqual(["error_code is the HTTP status (404)"]);
    expect(envelopeProblems("error", 404, { success: false, message: "x", error_code: 404, data: null })).toEqual([
      "data is an object",
    ]);
    expect(
      envelopeProblems("validation", 400, {
        success: false,
        message: "Bad Request",
        error_code: 400,
        data: { errors: [] },
      }),
    ).toEqual(["data.errors is a non-empty array of strings", 'message starts with "Validation failed: "']);
    expect(
      envelopeProblems("rate-limited", 429, {
        statusCode: 429,
        message: "x",
        error: "Too Many Requests",
        data: { retryAfter: 0 },
      }),
    ).toEqual(["data.retryAfter is a positive integer"]);
  });
});
