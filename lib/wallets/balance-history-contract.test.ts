import { describe, expect, it } from "vitest";
import { queryObject } from "@/lib/client/list-params";
import { balanceHistoryExportUrl, balanceHistoryListQuery } from "./balance-history-contract";
import { balanceHistorySchema, loadBalanceHistorySearchParams } from "./balance-history-contract-schema";

const message = (qs: string) => {
  const r = balanceHistorySchema.safeParse(queryObject(qs));
  return r.success ? null : r.error.issues[0]!.message;
};

describe("balance history contract", () => {
  it("refuses bad input with clear messages", () => {
    expect(message("kind=DROP TABLE")).toBe("Unknown kind");
    expect(message("size=5")).toBe("Page size must be one of 10, 20, 50, 100");
    expect(message("sort=amount.desc")).toBe("Unknown sort column; use one of createdAt with .asc or .desc");
    expect(message("from=2026-13-01")).toBe("Use a date like 2025-06-30");
    expect(message("from=2026-03-02&to=2026-03-01")).toBe("The end date must be on or after the start date");
  });

  it("what the serializer writes, the schema accepts (as the service's input)", () => {
    const state = loadBalanceHistorySearchParams(
      "?kind=transfer&q=TRF&from=2026-01-01&sort=createdAt.asc&page=2&size=50&hide=balancesAfter",
    );
    const qs = balanceHistoryListQuery(state, "Africa/Nairobi");
    expect(balanceHistorySchema.parse(queryObject(qs))).toEqual({
      q: "TRF",
      kind: "transfer",
      from: "2026-01-01",
      to: undefined,
      tz: "Africa/Nairobi",
      sort: { column: "createdAt", dir: "asc" },
      page: 2,
      pageSize: 50,
    });
    // The export link the wallet page hands out (what the e2e wallet spec requests: ?kind=transfer) parses too.
    const exported = new URL(balanceHistoryExportUrl("w1", state, "UTC"), "http://x").searchParams;
    expect(exported.get("kind")).toBe("transfer");
    expect(exported.has("page")).toBe(false);
    expect(balanceHistorySchema.safeParse(queryObject("kind=transfer")).success).toBe(true);
  });
});
