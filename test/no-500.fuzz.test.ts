/**
 * Never a 500 for user input (issue 14 item 6), proven by fuzzing every entry in-process.
 *
 * - Every route handler under app/ (found by walking the folder: a new one is covered without
 *   editing this file) except the public v3 API and /health (their own contract tests), with every
 *   method it exports. As a signed-in Owner of the seeded "Demo Kotani Pay" (sandbox, KE-KES):
 *   each query key its zod schema knows (or a fixed set of common ones), each path param (also as
 *   a rejecting `params` promise, what Next hands a handler for bad percent-encoding such as
 *   /invite/%C0%AF), each JSON body field, and whole bodies (malformed, empty, deeply nested,
 *   wrong content type…) get the corpus below. Every answer is < 500; a streamed body (CSV
 *   exports, PDFs) is read to its end without an error.
 * - Every server action (gated and public) gets the corpus as its whole input and, on top of a
 *   valid-looking base input where one is known, in each of its fields. The result is always an
 *   ActionResult ({ok:true} or {ok:false, error}), never a throw, and never the generic
 *   "Something went wrong" that stands for a 500.
 *
 * next-auth's [...nextauth] runs next/headers through `require` (outside vitest's mocks) and
 * cannot run in-process: only what our wrapper does before next-auth sees the request is fuzzed
 * (a rejecting params promise; an oversized body).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { ActionResult } from "@/lib/auth/guard";
import { createTestDb, type TestDb } from "@/test/db";

const state = vi.hoisted(() => ({ scope: null as Scope | null, db: null as unknown }));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.77", "user-agent": "no-500-fuzz" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
}));
vi.mock("@/lib/mail/send-mail", () => ({ sendMail: async () => {}, MAIL_FROM: "test@example.test" }));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("@/lib/auth/scope", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/scope")>();
  const { UnauthorizedError } = await import("@/lib/auth/errors");
  return {
    ...actual,
    requireScope: async () => {
      if (!state.scope) throw new UnauthorizedError();
      return state.scope;
    },
  };
});
// The real gate; each entry it returns carries what it parses with, so the fuzzer knows the keys.
vi.mock("@/lib/auth/guard", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/guard")>();
  return {
    ...actual,
    gatedRoute: ((permission: never, schema: z.ZodType, handler: never, options?: { rawBody?: boolean }) =>
      Object.assign(actual.gatedRoute(permission, schema, handler, options), { fuzz: { kind: "gated", schema, rawBody: !!options?.rawBody } })) as never,
    publicRoute: ((paramsSchema: z.ZodType, render: never, handler: never) =>
      Object.assign(actual.publicRoute(paramsSchema, render, handler), { fuzz: { kind: "public", schema: paramsSchema } })) as never,
    gatedAction: ((name: string, permission: never, schema: z.ZodType, handler: never) =>
      Object.assign(actual.gatedAction(name, permission, schema, handler), { fuzz: { name, schema } })) as never,
    publicAction: ((name: string, schema: z.ZodType, handler: never) =>
      Object.assign(actual.publicAction(name, schema, handler), { fuzz: { name, schema } })) as never,
  };
});

// ---------------------------------------------------------------- the corpus

const MB = "x".repeat(1024 * 1024);

/** Text values: what a query string, a form field or a JSON string can carry. */
const TEXT: Record<string, string> = {
  nul: "\u0000",
  "nul inside": "ab\u0000cd",
  "C0 controls": "\u0001\u0002\u0008",
  escape: "\u001b[31mred",
  del: "a\u007f",
  "tab and newlines": "a\tb\nc\r",
  "lone high surrogate": "\uD800",
  "lone low surrogate": "x\uDC00y",
  "paired surrogates": "😀",
  "1 MB": MB,
  "bad percent-encoding": "%C0%AF",
  "lone percent": "%",
  "number as string": "12",
  "negative number": "-1",
  "huge number": "1e400",
  NaN: "NaN",
  empty: "",
  blank: "   ",
  "SQL-ish": "' or 1=1 --",
  "LIKE metacharacters": "%_\\",
  "bidi override": "\u202Eabc",
  "JSON-ish": '{"a":[1]}',
  "5000 accented": "é".repeat(5000),
};

/** JSON values of the wrong type (numbers as strings above; these are the rest). */
const WRONG_TYPES: Record<string, unknown> = {
  number: 42,
  "negative float": -1.5,
  "huge int": 1e308,
  "true": true,
  "null": null,
  array: ["a", "b"],
  "array of NUL": ["\u0000"],
  object: { a: "b" },
  "empty object": {},
  "nested NUL": { a: ["\u0000", { b: "\uD800" }] },
};

function deep(depth: number, kind: "array" | "object"): string {
  return kind === "array" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
}

/** Whole bodies: [label, bytes or text, content-type]. */
const BODIES: [string, string | Uint8Array, string | null][] = [
  ["empty", "", "application/json"],
  ["malformed JSON", '{"a":', "application/json"],
  ["trailing garbage", "{}x", "application/json"],
  ["JSON null", "null", "application/json"],
  ["JSON array", "[]", "application/json"],
  ["JSON number", "42", "application/json"],
  ["JSON string", '"\\u0000"', "application/json"],
  ["nested 10 000 deep (arrays)", deep(10_000, "array"), "application/json"],
  ["nested 10 000 deep (objects)", deep(10_000, "object"), "application/json"],
  ["not UTF-8", new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]), "application/json"],
  ["BOM first", "\ufeff{}", "application/json"],
  ["NUL bytes", new Uint8Array([0, 0, 0, 0]), "application/json"],
  ["1 MB", JSON.stringify({ a: MB }), "application/json"],
  ["__proto__", '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}', "application/json"],
  ["text/plain", "{}", "text/plain"],
  ["form-encoded", "a=1&b=%00", "application/x-www-form-urlencoded"],
  ["multipart without boundary", "--x\r\n\r\n", "multipart/form-data"],
  ["no content-type", "{}", null],
];

/** Path param values (already decoded, as Next passes them). */
const PARAMS: Record<string, string> = {
  nul: "\u0000",
  "nul inside": "abc\u0000",
  escape: "\u001b",
  "lone high surrogate": "\uD800",
  "1 MB": MB,
  "literal %C0%AF": "%C0%AF",
  empty: "",
  dots: "..",
  slash: "a/b",
  space: " ",
  zero: "0",
  negative: "-1",
  "huge number": "1e400",
  "SQL-ish": "' or 1=1 --",
  "64 x": "x".repeat(64),
  "65 x": "x".repeat(65),
  "uuid": "00000000-0000-0000-0000-000000000000",
};

/** Query keys to fuzz when a route's schema cannot be read. */
const COMMON_KEYS = ["q", "status", "from", "to", "sort", "page", "size", "cursor", "actor", "kind", "id"];

// ---------------------------------------------------------------- schema introspection (zod 4)

type Def = { type: string; shape?: Record<string, unknown>; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } })?._zod?.def;

/** The top-level object keys a schema parses (through pipes, transforms, defaults, unions). */
function keysOf(schema: unknown, seen = new Set<unknown>()): string[] {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return [];
  seen.add(schema);
  switch (def.type) {
    case "object":
      return Object.keys(def.shape ?? {});
    case "pipe":
      return [...new Set([...keysOf(def.in, seen), ...keysOf(def.out, seen)])];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return keysOf(def.innerType, seen);
    case "union":
      return [...new Set((def.options ?? []).flatMap((o) => keysOf(o, seen)))];
    case "intersection":
      return [...new Set([...keysOf(def.left, seen), ...keysOf(def.right, seen)])];
    default:
      return [];
  }
}

// ---------------------------------------------------------------- files

const ROOT = path.resolve(__dirname, "..");

function walk(dir: string, match: (f: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, match, out);
    else if (match(full)) out.push(full);
  }
  return out;
}

const routePathOf = (file: string) =>
  "/" +
  path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");

/** The public API and /health have their own contract tests. */
const SKIPPED = (route: string) => route.startsWith("/api/v3/") || route === "/health";
const ROUTE_FILES = walk(path.join(ROOT, "app"), (f) => /[/\\]route\.tsx?$/.test(f))
  .map((file) => ({ file, route: routePathOf(file) }))
  .filter((r) => !SKIPPED(r.route))
  .sort((a, b) => a.route.localeCompare(b.route));

const ACTION_FILES = ["lib", "app"].flatMap((d) =>
  walk(path.join(ROOT, d), (f) => /actions\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)),
);

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = ((req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>) & {
  fuzz?: { kind: "gated" | "public"; schema: z.ZodType; rawBody?: boolean };
};
type Action = ((input: unknown) => Promise<ActionResult<unknown>>) & { fuzz?: { name: string; schema: z.ZodType } };

// ---------------------------------------------------------------- fixtures

let tdb: TestDb;
let db: Db;
let owner: Scope;
const fx = {
  password: "",
  integratorId: "",
  walletId: "missing",
  customerId: "missing",
  linkId: "missing",
  shortCode: "abcdefgh23",
  linkPaymentId: "0123456789abcdef01234567",
  collectionId: "missing",
  deliveryId: "missing",
  viewerRoleId: "missing",
  customRoleId: "missing",
};
let stopJobs: (() => Promise<void>) | undefined;

async function first(query: ReturnType<typeof sql>): Promise<string | undefined> {
  const r = (await db.execute(query)) as unknown as { rows: { id: string }[] };
  return r.rows[0]?.id;
}

beforeAll(async () => {
  const started = Date.now();
  tdb = await createTestDb("pglite");
  db = tdb.db;
  state.db = db;
  // Enqueue-only job runtime: actions that enqueue (mail, settlement) work; nothing is run.
  const { startJobs } = await import("@/lib/jobs/runtime");
  const { setProcessJobs } = await import("@/lib/jobs/boss");
  const { quietLog } = await import("@/lib/jobs/testing/jobs");
  const rt = await startJobs(tdb.opened, { workers: false, log: quietLog() });
  setProcessJobs(rt);
  stopJobs = async () => {
    setProcessJobs(undefined);
    await rt.stop({ timeoutMs: 2000 });
  };
  const { seed, utcMidnight, DEMO_PASSWORD } = await import("@/lib/db/seed");
  await seed(db, { transactions: 300, now: utcMidnight(new Date()) });
  fx.password = DEMO_PASSWORD;
  const r = (await db.execute(
    sql`select i.id, i.organization, u.id as user_id, u.email from integrators i
        join memberships m on m.integrator_id = i.id join roles r on r.id = m.role_id and r.name = 'Owner'
        join users u on u.id = m.user_id where i.organization = 'Demo Kotani Pay' order by u.email limit 1`,
  )) as unknown as { rows: { id: string; organization: string; user_id: string; email: string }[] };
  const demo = r.rows[0]!;
  const { testScope } = await import("@/lib/auth/test-scope");
  owner = testScope(demo.id, { userId: demo.user_id, email: demo.email, organization: demo.organization });
  state.scope = owner;
  fx.integratorId = demo.id;
  const id = demo.id;
  fx.walletId = (await first(sql`select id from fiat_wallets where integrator_id = ${id} and environment = 'sandbox' and currency = 'KES' limit 1`)) ?? fx.walletId;
  fx.customerId = (await first(sql`select id from customers where integrator_id = ${id} and environment = 'sandbox' and country_code = 'KE' limit 1`)) ?? fx.customerId;
  const link = (await db.execute(
    sql`select id, short_code from payment_links where integrator_id = ${id} and environment = 'sandbox' and currency = 'KES' order by id limit 1`,
  )) as unknown as { rows: { id: string; short_code: string }[] };
  if (link.rows[0]) {
    fx.linkId = link.rows[0].id;
    fx.shortCode = link.rows[0].short_code;
    fx.linkPaymentId = (await first(sql`select id from transactions where payment_link_id = ${fx.linkId} limit 1`)) ?? fx.linkPaymentId;
  }
  fx.collectionId =
    (await first(sql`select id from transactions where integrator_id = ${id} and environment = 'sandbox' and kind = 'collection' and currency = 'KES' limit 1`)) ??
    fx.collectionId;
  fx.deliveryId = (await first(sql`select id from webhook_deliveries where integrator_id = ${id} limit 1`)) ?? fx.deliveryId;
  fx.viewerRoleId = (await first(sql`select id from roles where integrator_id = ${id} and name = 'Viewer'`)) ?? fx.viewerRoleId;
  const { createRole } = await import("@/lib/team/manage-role");
  fx.customRoleId = (await createRole(db, owner, { name: "Fuzz target", description: "", permissions: ["collections.read"] })).id;
  console.log(`[fuzz] seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`, fx);
});

afterAll(async () => {
  await stopJobs?.();
  await tdb?.close();
});

// ---------------------------------------------------------------- requests

/** A valid value for each path param of a route (real rows of the seeded organisation). */
function validParams(route: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const m of route.matchAll(/\[(\.{3})?(\w+)\]/g)) {
    const name = m[2]!;
    if (m[1]) {
      out[name] = ["session"];
      continue;
    }
    out[name] =
      name === "kind"
        ? "collections"
        : name === "shortCode"
          ? fx.shortCode
          : name === "paymentId"
            ? fx.linkPaymentId
            : route.startsWith("/api/wallets/")
              ? fx.walletId
              : route.startsWith("/api/customers/")
                ? fx.customerId
                : route.startsWith("/api/payment-links/")
                  ? fx.linkId
                  : route.startsWith("/api/transactions/")
                    ? fx.collectionId
                    : route.startsWith("/api/webhooks/")
                      ? fx.deliveryId
                      : "0123456789abcdef01234567";
  }
  return out;
}

function urlOf(route: string, params: Record<string, unknown>, query = ""): string {
  const p = route.replace(/\[(?:\.{3})?(\w+)\]/g, (_, name: string) => {
    const v = params[name];
    const s = Array.isArray(v) ? v.join("/") : String(v);
    // What the browser sent: percent-encoded (a lone surrogate cannot be: Next would have refused it).
    return s.replace(/[^A-Za-z0-9_.~-]/g, (c) => (/[\uD800-\uDFFF]/.test(c) ? "%EF%BF%BD" : encodeURIComponent(c)));
  });
  return `http://localhost${p}${query ? `?${query}` : ""}`;
}

/** A rejected params promise, what Next gives a handler for a segment that is not valid percent-encoding. */
function rejectingParams(): Promise<never> {
  const p = Promise.reject(new URIError("URI malformed"));
  p.catch(() => {});
  return p;
}

interface Case {
  label: string;
  /** A control character or an unpaired surrogate in a value the schema reads: must be refused (4xx), not accepted. */
  mustRefuse?: boolean;
  method: string;
  url: string;
  params: () => Promise<unknown>;
  body?: string | Uint8Array;
  contentType?: string | null;
}

const failures: string[] = [];
const accepted: string[] = [];
let requests = 0;

/** Corpus entries that no text field may accept (a control character or an unpaired surrogate that trimming does not remove). */
const MUST_REFUSE = new Set(["nul inside", "C0 controls", "escape", "del", "lone high surrogate", "lone low surrogate"]);

/**
 * What the code logs when it meets something it did not expect ("[api] unexpected error", an
 * audit row that could not be written because of the input…): each is a finding too, even when
 * the answer itself was a 4xx.
 */
const logged: string[] = [];
let current = "";
function watchConsoleErrors() {
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(`${current}: ${args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" ").slice(0, 300)}`);
  });
  return () => spy.mockRestore();
}

async function send(handler: Handler, c: Case): Promise<void> {
  requests++;
  const headers = new Headers();
  if (c.contentType) headers.set("content-type", c.contentType);
  const hasBody = c.method !== "GET" && c.method !== "HEAD";
  const where = `${c.method} ${c.url.length > 160 ? `${c.url.slice(0, 160)}…` : c.url} [${c.label}]`;
  current = where;
  let res: Response;
  try {
    res = await handler(new Request(c.url, { method: c.method, headers, body: hasBody ? ((c.body ?? "") as BodyInit) : undefined }), {
      params: c.params(),
    });
  } catch (e) {
    failures.push(`${where}: threw ${String(e).slice(0, 200)}`);
    return;
  }
  if (res.status >= 500) {
    const text = await res.text().catch(() => "");
    failures.push(`${where}: ${res.status} ${text.slice(0, 200)}`);
    return;
  }
  if (c.mustRefuse && res.status < 400) accepted.push(`${where}: ${res.status}`);
  try {
    // Streamed bodies (CSV exports, PDFs) read to the end: a failure mid-stream is a cut download.
    if (res.body) await res.arrayBuffer();
  } catch (e) {
    failures.push(`${where}: ${res.status}, the body failed mid-stream: ${String(e).slice(0, 200)}`);
  }
}

/** Query string of one key set to a value (an array: the key repeated). */
function qs(key: string, value: string | string[]): string {
  const p = new URLSearchParams();
  for (const v of Array.isArray(value) ? value : [value]) p.append(key, v);
  return p.toString();
}

/** A valid-looking JSON body per mutating route (so one bad field is what the fuzzer changes). */
function routeBodyBase(route: string): Record<string, unknown> {
  if (route === "/api/wallets/transfer") return { walletId: fx.walletId, amount: "1.00", idempotencyKey: randomUUID() };
  if (route === "/api/system/jobs/retry") return { queue: "engine.settle", id: randomUUID() };
  return {};
}

/** A valid-looking checkout form. */
function checkoutBase(): Record<string, string> {
  return { idempotencyKey: randomUUID(), amount: "100", name: "Fuzz Payer", email: "payer@example.test", phoneNumber: "+254712345678", network: "MPESA" };
}

function casesFor(route: string, method: string, handler: Handler): Case[] {
  const cases: Case[] = [];
  const valid = validParams(route);
  const ok = () => Promise.resolve(valid);
  const fuzz = handler.fuzz;
  const withBody = method !== "GET" && method !== "HEAD";

  // Path params: each one fuzzed (the others valid), and the rejecting promise.
  const names = Object.keys(valid);
  if (names.length) {
    cases.push({ label: "params: bad percent-encoding (rejected promise)", method, url: urlOf(route, valid), params: rejectingParams, body: "{}", contentType: "application/json" });
    for (const name of names) {
      for (const [label, value] of Object.entries(PARAMS)) {
        const params = { ...valid, [name]: Array.isArray(valid[name]) ? [value] : value };
        cases.push({ label: `${name}: ${label}`, method, url: urlOf(route, params), params: () => Promise.resolve(params), body: "{}", contentType: "application/json" });
      }
    }
  }
  if (!fuzz) return cases; // next-auth: only what the wrapper decides before next-auth runs (below)

  if (fuzz.kind === "public") {
    if (method === "POST") {
      // The checkout's form: each field, then whole bodies.
      const fields = [...new Set([...Object.keys(checkoutBase()), "method", "packageIndex", "shortCode", "extra"])];
      for (const field of fields) {
        for (const [label, value] of Object.entries(TEXT)) {
          if (label === "1 MB") continue; // over the 16 kB form limit: one case below
          const form = new URLSearchParams({ ...checkoutBase(), [field]: value }).toString();
          cases.push({ label: `form ${field}: ${label}`, method, url: urlOf(route, valid), params: ok, body: form, contentType: "application/x-www-form-urlencoded" });
        }
        const raw = `${new URLSearchParams(checkoutBase()).toString()}&${field}=%ED%A0%80%00%C0%AF`;
        cases.push({ label: `form ${field}: raw bad bytes`, method, url: urlOf(route, valid), params: ok, body: raw, contentType: "application/x-www-form-urlencoded" });
      }
      for (const [label, body, type] of BODIES) cases.push({ label: `body: ${label}`, method, url: urlOf(route, valid), params: ok, body, contentType: type });
    }
    return cases;
  }

  // Gated routes: the query string (GET) or the query + body (rawBody), or the JSON body.
  const keys = keysOf(fuzz.schema).filter((k) => k !== "body");
  const queryKeys = method === "GET" || fuzz.rawBody ? (keys.length ? keys : COMMON_KEYS) : [];
  for (const key of queryKeys) {
    for (const [label, value] of Object.entries(TEXT)) {
      // (A lone surrogate cannot travel in a URL: URLSearchParams sends U+FFFD.)
      const refuse = keys.includes(key) && MUST_REFUSE.has(label) && !label.includes("surrogate") && !LENIENT_KEYS.has(`${route} ${key}`);
      cases.push({ label: `?${key}: ${label}`, method, url: urlOf(route, valid, qs(key, value)), params: ok, body: "a,b\n1,2\n", mustRefuse: refuse });
    }
    cases.push({ label: `?${key}: repeated with NUL`, method, url: urlOf(route, valid, qs(key, ["a", "\u0000"])), params: ok, body: "a,b\n" });
    cases.push({ label: `?${key}: raw bad bytes`, method, url: `${urlOf(route, valid)}?${key}=%ED%A0%80%C0%AF%00`, params: ok, body: "a,b\n" });
    cases.push({ label: `?${key}: "[object Object]"`, method, url: urlOf(route, valid, qs(key, "[object Object]")), params: ok, body: "a,b\n" });
  }
  if (queryKeys.length) {
    const all = new URLSearchParams(queryKeys.map((k) => [k, "\u0000"])).toString();
    cases.push({ label: "every key NUL", method, url: urlOf(route, valid, all), params: ok, body: "a,b\n" });
  }
  if (fuzz.rawBody) {
    const url = urlOf(route, valid, qs("fileName", "fuzz.csv"));
    for (const [label, value] of Object.entries(TEXT)) cases.push({ label: `file: ${label}`, method, url, params: ok, body: `name,phone,amount\n${value},+254712345678,10\n`, contentType: "text/csv" });
    for (const [label, body, type] of BODIES) cases.push({ label: `file body: ${label}`, method, url, params: ok, body, contentType: type });
  } else if (withBody) {
    const base = routeBodyBase(route);
    const fields = [...new Set([...keys, ...Object.keys(base), "extra"])];
    for (const field of fields) {
      const values: [string, unknown][] = [...Object.entries(TEXT), ...Object.entries(WRONG_TYPES)];
      for (const [label, value] of values) {
        if (label === "1 MB") continue; // over the 64 kB JSON limit: one whole-body case below
        const body = JSON.stringify({ ...routeBodyBase(route), [field]: value });
        const refuse = keys.includes(field) && MUST_REFUSE.has(label);
        cases.push({ label: `body.${field}: ${label}`, method, url: urlOf(route, valid), params: ok, body, contentType: "application/json", mustRefuse: refuse });
      }
    }
    for (const [label, body, type] of BODIES) cases.push({ label: `body: ${label}`, method, url: urlOf(route, valid), params: ok, body, contentType: type });
  }
  return cases;
}

// ---------------------------------------------------------------- actions

/** A valid-looking input per action, so one bad field at a time reaches as deep as it can. */
function actionBase(name: string): Record<string, unknown> {
  const key = randomUUID();
  switch (name) {
    case "roles.create":
      return { name: `Fuzz ${key.slice(0, 8)}`, description: "", permissions: ["collections.read"] };
    case "roles.update":
      return { roleId: fx.customRoleId, name: `Fuzz ${key.slice(0, 8)}`, description: "", permissions: ["collections.read"] };
    case "roles.delete":
      return { roleId: "0123456789abcdef01234567" };
    case "team.invite":
      return { emails: `fuzz-${key.slice(0, 8)}@example.test`, roleId: fx.viewerRoleId };
    case "team.invite_accept":
      return { mode: "new", token: "A".repeat(43), name: "Fuzz", password: "a-long-enough-password-42", confirmPassword: "a-long-enough-password-42" };
    case "wallets.create":
      return { name: `Fuzz ${key.slice(0, 8)}`, market: "KE-KES" };
    case "wallets.update":
      return { walletId: fx.walletId, name: "Fuzz wallet", locked: false };
    case "wallets.transfer":
      return { walletId: fx.walletId, mode: "specific", amount: "1", idempotencyKey: key };
    case "customers.create":
      return { phoneNumber: "+254712345678", network: "MPESA", firstName: "Fuzz", lastName: "Customer" };
    case "customers.update":
      return { customerId: fx.customerId, phoneNumber: "+254712345678", network: "MPESA", firstName: "Fuzz" };
    case "customers.verify_name":
      return { phoneNumber: "+254712345678", network: "MPESA" };
    case "customers.suspend":
      return { customerId: fx.customerId, until: new Date(Date.now() + 86_400_000).toISOString() };
    case "collections.create":
      return { phoneNumber: "+254712345678", network: "MPESA", amount: "10", description: "Fuzz", idempotencyKey: key };
    case "payouts.create":
      return { channel: "MOBILE_MONEY", phoneNumber: "+254712345678", network: "MPESA", amount: "10", description: "Fuzz", idempotencyKey: key };
    case "payouts.decide":
      return { transactionId: fx.collectionId, decision: "reject", reason: "Fuzz" };
    case "payouts.set_approval_threshold":
      return { currency: "KES", threshold: "" };
    case "payment_links.create":
      return {
        name: "Fuzz link",
        description: "Fuzz",
        linkType: "STANDARD",
        pricing: "FIXED",
        amount: "100",
        paymentMethods: ["MOBILE_MONEY"],
        usage: "UNLIMITED",
        customerFields: { name: "OPTIONAL", email: "OPTIONAL", phone: "REQUIRED" },
      };
    case "payment_links.update":
      return { ...actionBase("payment_links.create"), linkId: fx.linkId };
    case "api_keys.generate":
      return { name: "Fuzz key", owner: "integrator", password: fx.password };
    case "webhooks.update":
      return { url: "https://example.com/hooks", events: [] };
    case "bulk_payments.confirm":
      return { uploadId: "0123456789abcdef01234567", name: "Fuzz", walletSelections: [{ currency: "KES", walletId: fx.walletId }] };
    case "bulk_payments.decide":
      return { batchId: "0123456789abcdef01234567", decision: "reject", reason: "Fuzz" };
    case "auth.request_password_reset":
      return { email: "nobody@example.test" };
    case "auth.reset_password":
      return { email: "nobody@example.test", code: "123456", password: "a-long-enough-password-42", confirmPassword: "a-long-enough-password-42" };
    case "account.change_password":
      // A wrong current password: the fuzz never changes the Owner's password.
      return { currentPassword: "not-the-password", newPassword: "a-long-enough-password-42", confirmPassword: "a-long-enough-password-42" };
    case "context.select":
      return { environment: "sandbox", country: "KE", currency: "KES" };
    default:
      return {};
  }
}

/** Whole inputs a server action's body can decode to (React's reply format carries these). */
const WHOLE_INPUTS: [string, () => unknown][] = [
  ["undefined", () => undefined],
  ["null", () => null],
  ["a string", () => "\u0000"],
  ["a number", () => 42],
  ["NaN", () => NaN],
  ["a bigint", () => 10n],
  ["an array", () => [1, 2]],
  ["a Date", () => new Date("invalid")],
  ["a Map", () => new Map([["a", 1]])],
  ["a Set", () => new Set([1])],
  ["FormData", () => new FormData()],
  ["an empty object", () => ({})],
  ["nested 10 000 deep", () => JSON.parse(deep(10_000, "object"))],
  ["an object with a NUL key", () => ({ "\u0000": "\u0000" })],
];
const WRONG_FIELD_VALUES: [string, () => unknown][] = [
  ...Object.entries(WRONG_TYPES).map(([k, v]) => [k, () => structuredClone(v)] as [string, () => unknown]),
  ["a bigint", () => 10n],
  ["NaN", () => NaN],
  ["Infinity", () => Infinity],
  ["a Date", () => new Date(0)],
  ["undefined", () => undefined],
  ["nested 10 000 deep", () => JSON.parse(deep(10_000, "array"))],
];

/**
 * Query keys that may ignore a bad value instead of refusing it: the context switch's `to` is a
 * redirect target, and lib/safe-redirect.ts sends anything unsafe (control characters included)
 * to "/" — a navigation, not a form, so a JSON 400 would help nobody.
 */
const LENIENT_KEYS = new Set(["/api/context/switch to"]);

/** Passwords are hashed, never stored or shown: any character is theirs to choose. */
const PASSWORD_FIELDS = new Set(["password", "currentPassword", "newPassword", "confirmPassword"]);

const GENERIC_500 = "Something went wrong. Nothing was changed; please try again.";

// ---------------------------------------------------------------- tests

describe("never a 500 for user input", () => {
  it("finds the routes and the actions", () => {
    expect(ROUTE_FILES.length).toBeGreaterThanOrEqual(30);
    expect(ACTION_FILES.length).toBeGreaterThanOrEqual(10);
  });

  it("route handlers: every status < 500, every streamed body read to its end", async () => {
    const started = Date.now();
    const perRoute: string[] = [];
    logged.length = 0;
    const unwatch = watchConsoleErrors();
    for (const { file, route } of ROUTE_FILES) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = mod[method] as Handler | undefined;
        if (typeof handler !== "function") continue;
        if (method === "HEAD" && mod.GET === handler) continue;
        const cases = casesFor(route, method, handler);
        if (route === "/api/auth/[...nextauth]") {
          // Only our wrapper's part: next-auth itself needs a real request scope.
          const url = urlOf(route, { nextauth: ["session"] });
          const only = cases.filter((c) => c.label.startsWith("params: bad percent-encoding"));
          if (method === "POST") only.push({ label: "body: 1 MB", method, url, params: () => Promise.resolve({ nextauth: ["callback", "credentials"] }), body: MB, contentType: "application/x-www-form-urlencoded" });
          cases.splice(0, cases.length, ...only);
        }
        for (const c of cases) await send(handler, c);
        perRoute.push(`${method} ${route}: ${cases.length}`);
      }
    }
    unwatch();
    console.log(`[fuzz] ${perRoute.length} route handlers, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${perRoute.join("\n  ")}`);
    expect(failures, failures.slice(0, 60).join("\n")).toEqual([]);
    expect(logged, logged.slice(0, 40).join("\n")).toEqual([]);
    expect(accepted, `control characters accepted:\n${accepted.slice(0, 60).join("\n")}`).toEqual([]);
  }, 600_000);

  it("server actions: always an ActionResult, never a throw, never the generic 500 message", async () => {
    const started = Date.now();
    const actionFailures: string[] = [];
    const actionAccepted: string[] = [];
    const seen = new Set<string>();
    let calls = 0;
    const perAction: string[] = [];
    logged.length = 0;
    const unwatch = watchConsoleErrors();
    for (const file of ACTION_FILES) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const value of Object.values(mod)) {
        const action = value as Action;
        if (typeof action !== "function" || !action.fuzz) continue;
        const { name, schema } = action.fuzz;
        if (seen.has(name)) continue;
        seen.add(name);
        const inputs: [string, () => unknown][] = [...WHOLE_INPUTS];
        const mustRefuse = new Set<[string, () => unknown]>();
        const base = () => actionBase(name);
        inputs.push(["the base input", base]);
        const schemaKeys = keysOf(schema);
        const fields = [...new Set([...schemaKeys, ...Object.keys(base()), "extra"])];
        for (const field of fields) {
          for (const [label, text] of Object.entries(TEXT)) {
            const input: [string, () => unknown] = [`${field}: ${label}`, () => ({ ...base(), [field]: text })];
            if (MUST_REFUSE.has(label) && schemaKeys.includes(field) && !PASSWORD_FIELDS.has(field)) mustRefuse.add(input);
            inputs.push(input);
          }
          for (const [label, make] of WRONG_FIELD_VALUES) inputs.push([`${field}: ${label}`, () => ({ ...base(), [field]: make() })]);
        }
        for (const entry of inputs) {
          const [label, make] = entry;
          calls++;
          current = `${name} [${label}]`;
          state.scope = owner;
          let res: unknown;
          try {
            res = await action(make());
          } catch (e) {
            actionFailures.push(`${name} [${label}]: threw ${String(e).slice(0, 200)}`);
            continue;
          }
          const r = res as { ok?: unknown; error?: unknown };
          if (typeof r !== "object" || r === null || (r.ok !== true && r.ok !== false)) {
            actionFailures.push(`${name} [${label}]: not an ActionResult: ${String(res).slice(0, 100)}`);
          } else if (r.ok === false && (typeof r.error !== "string" || r.error === GENERIC_500)) {
            actionFailures.push(`${name} [${label}]: ${String(r.error)}`);
          } else if (r.ok === true && mustRefuse.has(entry)) {
            actionAccepted.push(`${name} [${label}]`);
          }
        }
        perAction.push(`${name}: ${inputs.length}`);
      }
    }
    state.scope = owner;
    unwatch();
    console.log(`[fuzz] ${seen.size} actions, ${calls} calls in ${((Date.now() - started) / 1000).toFixed(1)} s\n  ${perAction.join("\n  ")}`);
    expect(seen.size).toBeGreaterThanOrEqual(40);
    expect(actionFailures, actionFailures.slice(0, 60).join("\n")).toEqual([]);
    expect(logged, logged.slice(0, 40).join("\n")).toEqual([]);
    expect(actionAccepted, `control characters accepted:\n${actionAccepted.slice(0, 60).join("\n")}`).toEqual([]);
  }, 600_000);
});
