import { describe, expect, it } from "vitest";
import { ANY_TRANSACTION_READ, listPermission } from "./list-route";
import { txExportUrl, txFilterQuery, txListQuery, txQueryKeys } from "./list-contract";
import { listQuerySchema, loadTxSearchParams } from "./list-contract-schema";
import { queryObject } from "@/lib/client/list-params";

/** What the route's schema makes of a query string, as the gate hands it over (repeated keys grouped). */
const parse = (qs: string) => listQuerySchema.safeParse(queryObject(qs));
const firstMessage = (qs: string) => {
  const r = parse(qs);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("transaction list contract", () => {
  it("refuses bad input with messages a person can act on", () => {
    expect(firstMessage("sort=secret.desc")).toMatch(/^Unknown sort column; use one of createdAt, /);
    expect(firstMessage("size=7")).toBe("Page size must be one of 10, 20, 50, 100");
    expect(firstMessage("page=0")).toBe("Page must be 1 or more");
    expect(firstMessage("page=1.5")).toBe("Page must be a whole number");
    expect(firstMessage("from=2026-02-30")).toBe("Use a date like 2025-06-30");
    expect(firstMessage("from=2026-03-02&to=2026-03-01")).toBe("The end date must be on or after the start date");
    expect(firstMessage("cursor=%25%25")).toBe("Malformed cursor");
    expect(firstMessage(`q=${"x".repeat(101)}`)).toBe("Search is limited to 100 characters");
    expect(firstMessage("status=FAILED'--")).toBe("Unknown value");
    expect(firstMessage("ids=../etc")).toBe("Malformed id");
  });

  it("what the serializer writes for a URL state, the schema reads back as the same state", () => {
    const url =
      "?q=REF%2012&status=FAILED,EXPIRED&method=MOBILE_MONEY&from=2026-01-01&to=2026-01-31&min=10&max=1,000.50&sort=amount.asc&size=50&page=3&hide=fee&tx=abc&m=KE-KES&env=sandbox";
    const state = loadTxSearchParams(url);
    const qs = txListQuery(state, "Africa/Nairobi");
    // UI-only keys (hidden columns, the open detail) and the market / environment keys stay out of the API query.
    for (const key of ["hide", "tx", "m", "env"]) expect(new URLSearchParams(qs).has(key)).toBe(false);
    const parsed = parse(qs);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      q: "REF 12",
      status: ["FAILED", "EXPIRED"],
      method: ["MOBILE_MONEY"],
      from: "2026-01-01",
      to: "2026-01-31",
      min: "10",
      max: "1,000.50",
      sort: "amount.asc",
      size: 50,
      page: 3,
      tz: "Africa/Nairobi",
    });
    // Defaults are left out, so the default view's key is short and stable.
    expect(txListQuery(loadTxSearchParams(""), "UTC")).toBe("tz=UTC");
    // Stats and export: filters only.
    const filters = new URLSearchParams(txFilterQuery(state, "UTC"));
    expect([...filters.keys()].sort()).toEqual(["from", "max", "method", "min", "q", "status", "to", "tz"]);
    expect(parse(filters.toString()).success).toBe(true);
    expect(parse(new URL(txExportUrl("collections", state, "UTC", ["a1", "b2"]), "http://x").search).data?.ids).toEqual(
      ["a1", "b2"],
    );
  });

  it("the same view asks the API the same query, whatever the URL's key order and view-only keys", () => {
    const a = txListQuery(loadTxSearchParams("?status=FAILED&page=2&cursor=x"), "UTC");
    const b = txListQuery(loadTxSearchParams(new URLSearchParams("status=FAILED&cursor=x&page=2&hide=fee&tx=abc")), "UTC");
    expect(a).toBe(b);
    expect(a).toBe("status=FAILED&page=2&cursor=x&tz=UTC");
    expect(txQueryKeys.detail(["sandbox", "KE", "KES"], "payouts", "abc")).toEqual([
      "sandbox", "KE", "KES", "transactions", "payouts", "detail", "abc",
    ]);
  });

  it("recent transactions need any one of the kind permissions", () => {
    expect(listPermission({ kind: "recent" })).toEqual(ANY_TRANSACTION_READ);
    expect(ANY_TRANSACTION_READ).toEqual(
      expect.arrayContaining(["collections.read", "payouts.read", "onramp.read", "offramp.read"]),
    );
  });
});
