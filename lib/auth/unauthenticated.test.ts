/**
 * Target S3 (in-process half): every route handler under app/ (found by walking the folder, so a
 * new one is covered without editing this file) and every server action answers 401 / "Sign in to
 * continue" without a session, also with a forged `x-middleware-subrequest` header, and writes
 * nothing. The HTTP half, against the built app (proxy included), is
 * e2e/account/unauthenticated.spec.ts.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { withTestDb } from "@/test/db";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", "x-forwarded-for": "192.0.2.1" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));
vi.mock("@/lib/mail/send-mail", () => ({ sendMail: async () => {}, MAIL_FROM: "test@example.test" }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, refresh: () => {} }));

const ROOT = path.resolve(__dirname, "../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Public by design: next-auth's own endpoints (sign-in, CSRF token, session read). */
const PUBLIC_ROUTES = new Set(["/api/auth/[...nextauth]", "/health", "/api/v3/health", "/api/v3/openapi.json"]);
/** Public by design: the emailed single-use secret is the credential. */
export const PUBLIC_ACTIONS = new Set(["auth.request_password_reset", "auth.reset_password", "team.invite_accept"]);

function walk(dir: string, match: (f: string) => boolean, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, match, out);
    else if (match(full)) out.push(full);
  }
  return out;
}

const routeFiles = walk(path.join(ROOT, "app"), (f) => /[/\\]route\.tsx?$/.test(f));
const routePath = (file: string) =>
  "/" +
  path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join("/");
/** A concrete URL and params for a route pattern: [id] → a made-up id. */
function sample(route: string): { url: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const url = route.replace(/\[\.{3}(\w+)\]|\[(\w+)\]/g, (_, rest: string | undefined, one: string | undefined) => {
    if (rest) {
      params[rest] = ["x"];
      return "x";
    }
    const value = one === "kind" ? "collections" : "0123456789abcdef01234567";
    params[one!] = value;
    return value;
  });
  return { url: `http://localhost${url}`, params };
}

async function counts(db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }): Promise<string> {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as { rows: { table_name: string }[] };
  const out: string[] = [];
  for (const { table_name } of tables.rows) {
    const r = (await db.execute(sql.raw(`select count(*)::int as n from "${table_name}"`))) as { rows: { n: number }[] };
    out.push(`${table_name}=${r.rows[0]!.n}`);
  }
  return out.join(",");
}

describe("without a session, nothing answers but 401", () => {
  const t = withTestDb("pglite");
  beforeAll(() => {
    state.db = t.db;
  });

  it("finds the route handlers", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(routeFiles.map((f) => [routePath(f), f]))("%s", async (route, file) => {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const exported = METHODS.filter((m) => typeof mod[m] === "function");
    expect(exported.length, `${route} exports no handler`).toBeGreaterThan(0);
    if (PUBLIC_ROUTES.has(route)) return;
    const { url, params } = sample(route);
    if (route.startsWith("/l/")) {
      // A payment link's public checkout: the link's code is the credential; an unknown one is a plain 404 page.
      for (const method of exported) {
        const init = method === "POST" ? { method, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" } : { method };
        const res = await (mod[method] as (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>)(
          new Request(url, init),
          { params: Promise.resolve({ ...params, shortCode: "abcdefgh23" }) },
        );
        expect(res.status, `${method} ${route}`).toBe(404);
        expect(res.headers.get("set-cookie"), `${method} ${route} sets no cookie`).toBeNull();
      }
      return;
    }
    for (const method of exported) {
      for (const forged of [false, true]) {
        const headers = new Headers({ "content-type": "application/json" });
        if (forged) headers.set("x-middleware-subrequest", "proxy:proxy:proxy:proxy:proxy");
        const body = method === "GET" || method === "HEAD" ? undefined : "{}";
        const handler = mod[method] as (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
        const res = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
        expect(res.status, `${method} ${route}${forged ? " (forged x-middleware-subrequest)" : ""}`).toBe(401);
      }
    }
  });

  it("a page navigation to a gated route (a link's context switch) goes to sign-in and comes back to the same route", async () => {
    const { GET } = await import("@/app/api/context/switch/route");
    const url = "http://localhost/api/context/switch?to=%2Fcollections%3Fm%3DKE-KES%26env%3Dsandbox";
    const res = await GET(new Request(url, { headers: { accept: "text/html,application/xhtml+xml" } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location.startsWith("/login?")).toBe(true);
    expect(new URLSearchParams(location.slice("/login?".length)).get("callbackUrl")).toBe(
      "/api/context/switch?to=%2Fcollections%3Fm%3DKE-KES%26env%3Dsandbox",
    );
    // A JSON caller still gets the 401 envelope.
    const json = await GET(new Request(url, { headers: { accept: "application/json" } }), { params: Promise.resolve({}) });
    expect(json.status).toBe(401);
  });

  it("every server action: 'Sign in to continue' and nothing written (public ones: refused input, nothing written)", async () => {
    // Every "use server" module under lib/, app/ and components/ (that is what makes an action).
    const isServerModule = (f: string) =>
      /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(f, "utf8"));
    const files = ["lib", "app", "components"].flatMap((d) => walk(path.join(ROOT, d), isServerModule));
    expect(files.length).toBeGreaterThanOrEqual(3);
    const { ACTION_REGISTRY } = await import("./guard");
    let called = 0;
    const pastTheSessionCheck: string[] = [];
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [exportName, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        const before = await counts(t.db as never);
        const res = await (fn as (i: unknown) => Promise<unknown>)({});
        called++;
        expect(await counts(t.db as never), `${exportName} wrote nothing`).toBe(before);
        const result = res as { ok: boolean; error?: string };
        expect(result.ok, `${path.relative(ROOT, file)}: ${exportName}`).toBe(false);
        if (result.error !== "Sign in to continue") pastTheSessionCheck.push(exportName);
      }
    }
    expect(called).toBeGreaterThanOrEqual(ACTION_REGISTRY.size);
    // Only the public (emailed-secret) actions get past the session check, and only to refuse the input.
    const publicNames = [...ACTION_REGISTRY.keys()].filter((n) => PUBLIC_ACTIONS.has(n));
    expect(pastTheSessionCheck, `actions that answered without a session: ${pastTheSessionCheck.join(", ")}`).toHaveLength(publicNames.length);
  });
});
