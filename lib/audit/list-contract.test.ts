import { describe, expect, it } from "vitest";
import { queryObject } from "@/lib/client/list-params";
import { auditExportUrl, auditListQuery } from "./list-contract";
import { auditListSchema, loadAuditSearchParams } from "./list-contract-schema";

const parse = (qs: string) => auditListSchema.safeParse(queryObject(qs));
const firstMessage = (qs: string) => {
  const r = parse(qs);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("audit log contract", () => {
  it("refuses bad input with clear messages", () => {
    expect(firstMessage("action=x';drop")).toBe("Unknown action");
    expect(firstMessage("outcome=maybe")).toBe("Outcome must be success, failure or denied");
    expect(firstMessage("from=yesterday")).toBe("Use a date like 2025-06-30");
    expect(firstMessage("from=2026-03-02&to=2026-03-01")).toBe("The end date must be on or after the start date");
    expect(firstMessage("sort=actor.desc")).toBe("Unknown sort column; use one of createdAt with .asc or .desc");
    expect(firstMessage("cursor=c12")).toBe("Malformed cursor");
    expect(firstMessage("size=10")).toBe("Page size must be one of 20, 50, 100");
    expect(firstMessage("tz=Mars/Olympus")).toBe("Unknown time zone");
  });

  it("what the serializer writes, the schema accepts as the same state", () => {
    const state = loadAuditSearchParams(
      "?q=198.51&actor=boss@alpha.test&action=auth.sign_in,role.created&outcome=failure&from=2026-03-01&to=2026-03-02&sort=createdAt.asc&cursor=a42&page=2&size=20&hide=details&m=KE-KES",
    );
    const qs = auditListQuery(state, "UTC");
    expect(new URLSearchParams(qs).has("hide")).toBe(false);
    expect(new URLSearchParams(qs).has("m")).toBe(false);
    expect(parse(qs).data).toMatchObject({
      q: "198.51",
      actor: "boss@alpha.test",
      action: ["auth.sign_in", "role.created"],
      outcome: ["failure"],
      from: "2026-03-01",
      to: "2026-03-02",
      tz: "UTC",
      sort: { column: "createdAt", dir: "asc" },
      cursor: { dir: "a", id: 42 },
      page: 2,
      size: 20,
    });
    // The export takes the filters, never the paging.
    const exported = new URL(auditExportUrl(state, "UTC"), "http://x").searchParams;
    expect(exported.has("cursor") || exported.has("page") || exported.has("sort")).toBe(false);
    expect(parse(exported.toString()).success).toBe(true);
    expect(auditListQuery(loadAuditSearchParams(""), "UTC")).toBe("tz=UTC");
  });
});
