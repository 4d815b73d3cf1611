/**
 * GET /api/transactions/status through the real gate: the watcher's ids, a clean 400 on bad ids,
 * 403 without a collections or payouts read permission, another integrator's id simply absent.
 * The session and database are stubbed as in ../routes.test.ts.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
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

const route = await import("./route");

function get(query: string) {
  return route.GET(new Request(`http://localhost/api/transactions/status?${query}`), { params: Promise.resolve({}) });
}

describe.each(testEngines())("GET /api/transactions/status on %s", (engine) => {
  const t = withTestDb(engine);
  let own: string[];
  let other: string[];
  beforeAll(async () => {
    state.db = t.db;
    await createIntegrator(t.db, "status_a");
    await createIntegrator(t.db, "status_b");
    own = await seedTransactions(t.db, { integratorId: "status_a", environment: "sandbox", market: MARKETS[0], count: 4, prefix: "sta" });
    other = await seedTransactions(t.db, { integratorId: "status_b", environment: "sandbox", market: MARKETS[0], count: 4, prefix: "stb" });
  });

  it("answers the statuses of the integrator's own ids only", async () => {
    state.scope = makeScope("status_a", "sandbox", MARKETS[0]);
    const res = await get(`ids=${[own[0], other[0], own[1]].join(",")}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id: string; kind: string; status: string; errorMessage: string | null }[];
    expect(body.map((r) => r.id)).toEqual([own[0], own[1]]);
    expect(body[0]).toEqual({ id: own[0], kind: "collection", status: "SUCCESSFUL", errorMessage: null });
  });

  it("400 with a message for missing, malformed or too many ids", async () => {
    state.scope = makeScope("status_a", "sandbox", MARKETS[0]);
    for (const query of ["", "ids=", "ids=a%20b", `ids=${Array.from({ length: 21 }, (_, i) => `id${i}`).join(",")}`]) {
      const res = await get(query);
      expect(res.status, query).toBe(400);
      expect((await res.json()).message, query).toEqual(expect.any(String));
    }
  });

  it("403 without a collections or payouts read permission", async () => {
    state.scope = makeScope("status_a", "sandbox", MARKETS[0], { permissions: ["wallets.read"] });
    expect((await get(`ids=${own[0]}`)).status).toBe(403);
    state.scope = makeScope("status_a", "sandbox", MARKETS[0], { permissions: ["payouts.read"] });
    const res = await get(`ids=${own.join(",")}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { kind: string }[]).map((r) => r.kind)).toEqual(["payout"]);
  });
});
