import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { testScope } from "@/lib/auth/test-scope";
import type { Permission } from "@/lib/auth/permissions";
import { transactions } from "@/lib/db/schema";
import { getTransactionStatuses, transactionStatusesQuerySchema } from "./get-transaction-statuses";
import { createIntegrator, MARKETS, seedTransactions } from "./test-fixtures";

const A = "integrator_status_a";
const B = "integrator_status_b";

const scopeOf = (integratorId: string, opts: { environment?: "sandbox" | "production"; permissions?: readonly Permission[] } = {}) =>
  testScope(integratorId, { ...opts, market: MARKETS[0], markets: MARKETS });

describe("transactionStatusesQuerySchema", () => {
  it("splits, trims and de-duplicates the ids", () => {
    expect(transactionStatusesQuerySchema.parse({ ids: "a1, b_2,a1,,c-3" }).ids).toEqual(["a1", "b_2", "c-3"]);
  });

  it("refuses no id, a malformed id, and more than 20", () => {
    expect(transactionStatusesQuerySchema.safeParse({}).success).toBe(false);
    expect(transactionStatusesQuerySchema.safeParse({ ids: "" }).success).toBe(false);
    expect(transactionStatusesQuerySchema.safeParse({ ids: " , " }).success).toBe(false);
    expect(transactionStatusesQuerySchema.safeParse({ ids: "ok,not ok" }).success).toBe(false);
    expect(transactionStatusesQuerySchema.safeParse({ ids: "x".repeat(65) }).success).toBe(false);
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`).join(",");
    expect(transactionStatusesQuerySchema.safeParse({ ids: ids(20) }).success).toBe(true);
    expect(transactionStatusesQuerySchema.safeParse({ ids: ids(21) }).success).toBe(false);
  });
});

describe.each(testEngines())("getTransactionStatuses on %s", (engine) => {
  const t = withTestDb(engine);
  // Four rows each, one per kind in order: collection, payout, onramp, offramp.
  let own: string[];
  let ownUg: string[];
  let ownProduction: string[];
  let other: string[];

  beforeAll(async () => {
    await createIntegrator(t.db, A);
    await createIntegrator(t.db, B);
    own = await seedTransactions(t.db, { integratorId: A, environment: "sandbox", market: MARKETS[0], count: 4, prefix: "ask" });
    ownUg = await seedTransactions(t.db, { integratorId: A, environment: "sandbox", market: MARKETS[1], count: 4, prefix: "asu" });
    ownProduction = await seedTransactions(t.db, { integratorId: A, environment: "production", market: MARKETS[0], count: 4, prefix: "apk" });
    other = await seedTransactions(t.db, { integratorId: B, environment: "sandbox", market: MARKETS[0], count: 4, prefix: "bsk" });
  });

  it("returns id, kind, status and error message, in the order asked", async () => {
    await t.db
      .update(transactions)
      .set({ status: "FAILED", errorCode: "INSUFFICIENT_FUNDS", errorMessage: "The subscriber has insufficient funds" })
      .where(eq(transactions.id, own[1]));
    const res = await getTransactionStatuses(t.db, scopeOf(A), [own[1], own[0]]);
    expect(res).toEqual([
      { id: own[1], kind: "payout", status: "FAILED", errorMessage: "The subscriber has insufficient funds" },
      { id: own[0], kind: "collection", status: "SUCCESSFUL", errorMessage: null },
    ]);
    const all = await getTransactionStatuses(t.db, scopeOf(A), own);
    expect(all.map((r) => r.kind)).toEqual(["collection", "payout", "onramp", "offramp"]);
  });

  it("does not return another integrator's transaction", async () => {
    const res = await getTransactionStatuses(t.db, scopeOf(A), [other[0], own[0], other[1]]);
    expect(res.map((r) => r.id)).toEqual([own[0]]);
    expect(await getTransactionStatuses(t.db, scopeOf(B), own)).toEqual([]);
  });

  it("does not return another environment's transaction", async () => {
    expect(await getTransactionStatuses(t.db, scopeOf(A), ownProduction)).toEqual([]);
    const prod = await getTransactionStatuses(t.db, scopeOf(A, { environment: "production" }), ownProduction);
    expect(prod.map((r) => r.id)).toEqual(ownProduction);
  });

  it("follows the tab across markets of the same integrator and environment", async () => {
    const res = await getTransactionStatuses(t.db, scopeOf(A), ownUg.slice(0, 2));
    expect(res.map((r) => r.id)).toEqual(ownUg.slice(0, 2));
  });

  it("returns only the kinds the member may read", async () => {
    const collectionsOnly = await getTransactionStatuses(t.db, scopeOf(A, { permissions: ["collections.read"] }), own);
    expect(collectionsOnly.map((r) => r.kind)).toEqual(["collection"]);
    const payoutsOnly = await getTransactionStatuses(t.db, scopeOf(A, { permissions: ["payouts.read"] }), own);
    expect(payoutsOnly.map((r) => r.kind)).toEqual(["payout"]);
    expect(await getTransactionStatuses(t.db, scopeOf(A, { permissions: ["wallets.read"] }), own)).toEqual([]);
  });

  it("ignores unknown and malformed ids", async () => {
    expect(await getTransactionStatuses(t.db, scopeOf(A), ["nope", "bad id", "x".repeat(65)])).toEqual([]);
    expect(await getTransactionStatuses(t.db, scopeOf(A), [])).toEqual([]);
  });
});
