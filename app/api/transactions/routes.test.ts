/**
 * The transaction JSON routes through the real gate (gatedRoute): bad input is a clean 400 with a
 * message, a forbidden list is 403, an unknown list or id is 404; never a 500, never another
 * market's rows. The session and database are stubbed: requireScope returns a fixed scope,
 * getDb the test database.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { testEngines, withTestDb } from "@/test/db";
import { createIntegrator, makeScope, MARKETS, seedTransactions } from "@/lib/transactions/test-fixtures";

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

const list = await import("./[kind]/route");
const stats = await import("./[kind]/stats/route");
const exporter = await import("./[kind]/export/route");
const detail = await import("./[kind]/[id]/route");
const daily = await import("./daily/route");

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: Handler, path: string, params: Record<string, string>) {
  return handler(new Request(`http://localhost${path}`), { params: Promise.resolve(params) });
}

describe.each(testEngines())("transaction routes on %s", (engine) => {
  const t = withTestDb(engine);
  beforeAll(async () => {
    state.db = t.db;
    await createIntegrator(t.db, "route_a");
    await createIntegrator(t.db, "route_b");
    for (const id of ["route_a", "route_b"]) {
      for (const market of MARKETS) await seedTransactions(t.db, { integratorId: id, environment: "sandbox", market, count: 40 });
    }
    state.scope = makeScope("route_a", "sandbox", MARKETS[0]);
  });

  it("lists, counts and exports the market's rows", async () => {
    const res = await call(list.GET as Handler, "/api/transactions/collections?size=10&status=SUCCESSFUL,FAILED", { kind: "collections" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.rows.length).toBeGreaterThan(0);
    for (const row of body.rows) {
      expect(row).toMatchObject({ currency: "KES", country: "KE", kind: "collection" });
      expect(typeof row.amount).toBe("string");
    }
    const s = await call(stats.GET as Handler, "/api/transactions/collections/stats?status=SUCCESSFUL", { kind: "collections" });
    expect(s.status).toBe(200);
    expect((await s.json()).counters.total).toBeGreaterThan(0);
    const csv = await call(exporter.GET as Handler, "/api/transactions/collections/export", { kind: "collections" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="kotani-collections-ke-kes-sandbox-\d{8}-\d{6}\.csv"/);
    const text = await csv.text();
    expect(text).not.toContain("UGX");
    const d = await call(daily.GET as Handler, "/api/transactions/daily", {});
    expect((await d.json()).days).toHaveLength(30);
    const one = await call(detail.GET as Handler, `/api/transactions/collections/${body.rows[0].id}`, { kind: "collections", id: body.rows[0].id });
    expect(one.status).toBe(200);
    expect((await one.json()).id).toBe(body.rows[0].id);
  });

  const bad = [
    "status=NOT_A_STATUS",
    "status=FAILED%27%20OR%201%3D1--",
    "from=2026-02-01&to=2026-01-01",
    "from=yesterday",
    "sort=secret.desc",
    "sort=amount.sideways",
    "cursor=%25%25%25",
    "cursor=YXx4eHh8eXl5",
    "size=7",
    "page=0",
    "page=abc",
    "min=1e9",
    "min=10&max=5",
    "network=MPESA%27--",
    `q=${"a".repeat(200)}`,
    "ids=not%20an%20id",
  ];
  for (const query of bad) {
    it(`400 with a message for ${query.slice(0, 40)}`, async () => {
      for (const [handler, path] of [
        [list.GET, "/api/transactions/collections"],
        [stats.GET, "/api/transactions/collections/stats"],
        [exporter.GET, "/api/transactions/collections/export"],
      ] as const) {
        const res = await call(handler as Handler, `${path}?${query}`, { kind: "collections" });
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body).toMatchObject({ success: false, error_code: 400 });
        expect(body.message.length).toBeGreaterThan(3);
      }
    });
  }

  it("400 for a page deeper than the offset cap (paging applies to the list only)", async () => {
    const res = await call(list.GET as Handler, "/api/transactions/collections?page=999999&sort=fee.desc", { kind: "collections" });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/Pages beyond/);
  });

  it("search text with SQL or regex characters is a 200 with no rows", async () => {
    for (const q of ["'; select * from users; --", "%", "_", ".*", "\\", "$1", "(?i)"]) {
      const res = await call(list.GET as Handler, `/api/transactions/payouts?q=${encodeURIComponent(q)}`, { kind: "payouts" });
      expect(res.status).toBe(200);
      expect((await res.json()).rows).toEqual([]);
    }
  });

  it("a page past the end is the last page", async () => {
    const res = await call(list.GET as Handler, "/api/transactions/collections?page=50&size=10", { kind: "collections" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.page).toBe(1);
    expect(body.rows.length).toBe(10);
  });

  it("unknown lists and other integrators' ids are 404; a list without permission is 403", async () => {
    expect((await call(list.GET as Handler, "/api/transactions/refunds", { kind: "refunds" })).status).toBe(404);
    const other = await call(list.GET as Handler, "/api/transactions/collections?size=10", { kind: "collections" });
    const mine = (await other.json()).rows[0].id as string;
    state.scope = makeScope("route_b", "sandbox", MARKETS[0]);
    try {
      expect((await call(detail.GET as Handler, `/api/transactions/collections/${mine}`, { kind: "collections", id: mine })).status).toBe(404);
      expect((await call(detail.GET as Handler, `/api/transactions/collections/..%2F`, { kind: "collections", id: "../" })).status).toBe(404);
      state.scope = makeScope("route_a", "sandbox", MARKETS[0], { permissions: ["collections.read"] });
      expect((await call(list.GET as Handler, "/api/transactions/payouts", { kind: "payouts" })).status).toBe(403);
      expect((await call(exporter.GET as Handler, "/api/transactions/payouts/export", { kind: "payouts" })).status).toBe(403);
      // The gate refused them (the [kind] segment names the permission), so both are audited.
      const denied = await t.db.execute(
        sql`select target_id from audit_logs where action = 'access.denied' and integrator_id = 'route_a' order by target_id`,
      );
      expect((denied as unknown as { rows: { target_id: string }[] }).rows.map((r) => r.target_id)).toEqual([
        "GET /api/transactions/payouts",
        "GET /api/transactions/payouts/export",
      ]);
      state.scope = null;
      expect((await call(list.GET as Handler, "/api/transactions/collections", { kind: "collections" })).status).toBe(401);
    } finally {
      state.scope = makeScope("route_a", "sandbox", MARKETS[0]);
    }
  });
});
