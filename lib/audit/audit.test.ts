import type { AuditAction } from "./actions";
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { eq } from "drizzle-orm";
import { testEngines, withTestDb } from "@/test/db";
import { auditLogs, integrators } from "@/lib/db/schema";
import { addTestMember, createTestOrg, scopeOf, type TestOrg } from "@/lib/team/testing";
import { writeAudit } from "./write-audit";
import { exportAuditCsv, listAuditFacets, listAuditLogs, type AuditExport } from "./list-audit-logs";
import { csvResponse, neutralizeCell, toCsv } from "@/lib/csv";
import { auditListSchema } from "./list-contract-schema";

/** The export as the route streams it (lib/csv.ts csvResponse). */
function readExport(e: AuditExport): Promise<string> {
  return readStream(csvResponse(e.filename, e.header, e.lines).body!);
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let out = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out += decoder.decode(value, { stream: true });
  }
}

/** Drizzle wraps driver errors ("Failed query: …"); the database's message is in the cause. */
function appendOnlyRefusal(e: unknown): boolean {
  const err = e as { message?: string; cause?: { message?: string } };
  return /append-only/.test(`${err.message} ${err.cause?.message ?? ""}`);
}

describe("CSV cells", () => {
  it("neutralises cells starting with = + - @ tab or CR, multi-line ones too", () => {
    for (const bad of ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")\nsecond line']) {
      expect(neutralizeCell(bad)).toBe(`'${bad}`);
    }
    for (const ok of ["hello", "a=b", "", "team.invite_sent", "203.0.113.7"]) expect(neutralizeCell(ok)).toBe(ok);
    const csv = toCsv(["a", "b"], [["=1+1\nx", 'say "hi", ok']]);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed).toEqual([
      ["a", "b"],
      ["'=1+1\nx", 'say "hi", ok'],
    ]);
  });
});

describe("filters", () => {
  it("refuses bad dates, ranges and actions", () => {
    expect(auditListSchema.safeParse({ from: "2026-02-30" }).success).toBe(false);
    expect(auditListSchema.safeParse({ from: "2026-03-02", to: "2026-03-01" }).error?.issues[0]!.message).toBe(
      "The end date must be on or after the start date",
    );
    expect(auditListSchema.safeParse({ action: "x'; drop table" }).success).toBe(false);
    expect(auditListSchema.parse({ size: "20", cursor: "a7" })).toMatchObject({
      size: 20,
      cursor: { dir: "a", id: 7 },
    });
  });
});

describe.each(testEngines())("audit log is append-only (%s)", (engine) => {
  const t = withTestDb(engine);
  let a: TestOrg;

  beforeAll(async () => {
    a = await createTestOrg(t.db, "Alpha");
  });

  it("the database refuses UPDATE and DELETE of audit rows, whoever asks", async () => {
    await writeAudit(t.db, { integratorId: a.integratorId, action: "test.row" as AuditAction });
    await expect(
      t.db.update(auditLogs).set({ action: "tampered" }).where(eq(auditLogs.action, "test.row")),
    ).rejects.toSatisfy(appendOnlyRefusal);
    await expect(t.db.delete(auditLogs).where(eq(auditLogs.action, "test.row"))).rejects.toSatisfy(appendOnlyRefusal);
    await writeAudit(t.db, {
      integratorId: null,
      action: "auth.sign_in",
      actorEmail: "ghost@example.test",
      outcome: "failure",
    });
    await expect(t.db.delete(auditLogs).where(eq(auditLogs.actorEmail, "ghost@example.test"))).rejects.toSatisfy(
      appendOnlyRefusal,
    );
    const [row] = await t.db.select().from(auditLogs).where(eq(auditLogs.action, "test.row"));
    expect(row).toBeDefined();
  });

  it("deleting an organisation still takes its audit rows with it (cascade)", async () => {
    const gone = await createTestOrg(t.db, "Gone");
    await writeAudit(t.db, { integratorId: gone.integratorId, action: "team.invite_sent" });
    await t.db.delete(integrators).where(eq(integrators.id, gone.integratorId));
    expect(await t.db.select().from(auditLogs).where(eq(auditLogs.integratorId, gone.integratorId))).toEqual([]);
  });
});

describe.each(testEngines())("audit log listing (%s)", (engine) => {
  const t = withTestDb(engine);
  let a: TestOrg;
  let b: TestOrg;
  let scopeA: ReturnType<typeof scopeOf>;

  beforeAll(async () => {
    a = await createTestOrg(t.db, "Alpha");
    b = await createTestOrg(t.db, "Beta");
    const owner = await addTestMember(t.db, a, { role: "Owner", email: "boss@alpha.test", name: "Boss" });
    scopeA = scopeOf(a, owner);
    // created_at is the database's now(): insert with explicit timestamps (the app never does).
    const rows: {
      action: string;
      at: string;
      email: string;
      user: string | null;
      outcome?: string;
      target?: string;
    }[] = [
      // 23:30 on 1 March in Nairobi (UTC+3) = 20:30 UTC; 01:00 on 2 March in Nairobi = 22:00 UTC on 1 March.
      { action: "team.invite_sent", at: "2026-03-01T20:30:00Z", email: "boss@alpha.test", user: owner.userId },
      { action: "team.invite_sent", at: "2026-03-01T22:00:00Z", email: "boss@alpha.test", user: owner.userId },
      { action: "auth.sign_in", at: "2026-03-02T08:00:00Z", email: "Other@Alpha.test", user: null, outcome: "failure" },
      {
        action: "role.created",
        at: "2026-03-03T08:00:00Z",
        email: "boss@alpha.test",
        user: owner.userId,
        target: "=cmd|' /C calc'!A0",
      },
    ];
    for (const r of rows) {
      await t.db.insert(auditLogs).values({
        integratorId: a.integratorId,
        environment: "sandbox",
        action: r.action,
        actorEmail: r.email,
        actorUserId: r.user,
        outcome: r.outcome ?? "success",
        targetType: "x",
        targetId: r.target ?? "t1",
        ip: "198.51.100.1",
        metadata: { note: "@risky" },
        createdAt: new Date(r.at),
      });
    }
    await t.db.insert(auditLogs).values({
      integratorId: b.integratorId,
      action: "team.invite_sent",
      actorEmail: "spy@beta.test",
      createdAt: new Date("2026-03-01T21:00:00Z"),
    });
  });

  it("newest first, only this organisation's rows, with the actor's name", async () => {
    const { rows, nextCursor, hasPrev } = await listAuditLogs(t.db, scopeA, auditListSchema.parse({}));
    expect(rows.map((r) => r.action)).toEqual(["role.created", "auth.sign_in", "team.invite_sent", "team.invite_sent"]);
    expect(rows[0]).toMatchObject({
      actorName: "Boss",
      actorEmail: "boss@alpha.test",
      ip: "198.51.100.1",
      outcome: "success",
      environment: "sandbox",
    });
    expect(nextCursor).toBeNull();
    expect(hasPrev).toBe(false);
    expect(rows.some((r) => r.actorEmail === "spy@beta.test")).toBe(false);
  });

  it("filters by actor (any case), action, outcome and whole days in the organisation's time zone", async () => {
    const q = (f: Record<string, string | string[]>) =>
      listAuditLogs(t.db, scopeA, auditListSchema.parse(f)).then((r) =>
        r.rows.map((x) => `${x.action}@${x.createdAt}`),
      );
    expect(await q({ actor: "OTHER@alpha.test" })).toEqual(["auth.sign_in@2026-03-02T08:00:00.000Z"]);
    expect(await q({ action: "role.created" })).toEqual(["role.created@2026-03-03T08:00:00.000Z"]);
    expect(await q({ outcome: "failure" })).toEqual(["auth.sign_in@2026-03-02T08:00:00.000Z"]);
    // 1 March in Nairobi: only the 20:30 UTC row (23:30 local); 22:00 UTC is already 2 March there.
    expect(await q({ from: "2026-03-01", to: "2026-03-01" })).toEqual(["team.invite_sent@2026-03-01T20:30:00.000Z"]);
    expect(await q({ from: "2026-03-02", to: "2026-03-02" })).toEqual([
      "auth.sign_in@2026-03-02T08:00:00.000Z",
      "team.invite_sent@2026-03-01T22:00:00.000Z",
    ]);
    expect(await q({ from: "2026-03-03" })).toEqual(["role.created@2026-03-03T08:00:00.000Z"]);
    // The same days in UTC: 22:00 UTC on 1 March is 1 March there.
    expect(await q({ from: "2026-03-01", to: "2026-03-01", tz: "UTC" })).toEqual([
      "team.invite_sent@2026-03-01T22:00:00.000Z",
      "team.invite_sent@2026-03-01T20:30:00.000Z",
    ]);
    // Several actions or outcomes at once; search over actor, target, action and IP.
    expect(await q({ action: "role.created,auth.sign_in" })).toHaveLength(2);
    expect(await q({ outcome: ["failure", "success"] })).toHaveLength(4);
    expect(await q({ q: "calc" })).toEqual(["role.created@2026-03-03T08:00:00.000Z"]);
    expect(await q({ q: "%" })).toEqual([]);
  });

  it("pages both ways with keyset cursors, in either order", async () => {
    const firstAll = await listAuditLogs(t.db, scopeA, auditListSchema.parse({ size: "100" }));
    const ids = firstAll.rows.map((r) => r.id);
    // A page size of 20 over 4 rows: build the pages by hand with the cursors the service hands out.
    const page = (params: Record<string, string>) =>
      listAuditLogs(t.db, scopeA, auditListSchema.parse({ size: "20", ...params }));
    const first = await page({});
    expect(first).toMatchObject({ page: 1, hasPrev: false, hasNext: false, prevCursor: null, nextCursor: null });
    expect(first.rows.map((r) => r.id)).toEqual(ids);
    // Cursors relative to a row: after the second row (older ones), before the third (newer ones).
    const after = await page({ cursor: `a${ids[1]}`, page: "2" });
    expect(after.rows.map((r) => r.id)).toEqual(ids.slice(2));
    expect(after).toMatchObject({ page: 2, hasPrev: true, hasNext: false, prevCursor: `b${ids[2]}` });
    const before = await page({ cursor: `b${ids[2]}`, page: "2" });
    expect(before.rows.map((r) => r.id)).toEqual(ids.slice(0, 2));
    expect(before).toMatchObject({ page: 1, hasPrev: false, hasNext: true, nextCursor: `a${ids[1]}` });
    // Oldest first.
    const oldest = await page({ sort: "createdAt.asc" });
    expect(oldest.rows.map((r) => r.id)).toEqual([...ids].reverse());
    const olderThan = await page({ sort: "createdAt.asc", cursor: `a${ids[2]}`, page: "2" });
    expect(olderThan.rows.map((r) => r.id)).toEqual([ids[1], ids[0]]);
  });

  it("facets list this organisation's actions and actors only", async () => {
    expect(await listAuditFacets(t.db, scopeA)).toEqual({
      actions: ["auth.sign_in", "role.created", "team.invite_sent"],
      actors: ["boss@alpha.test", "other@alpha.test"],
    });
  });

  it("exports the filtered rows as CSV with formula cells neutralised", async () => {
    const csv = await readExport(exportAuditCsv(t.db, scopeA, auditListSchema.parse({ actor: "boss@alpha.test" }), 10));
    expect(csv.startsWith("\uFEFFtime_utc,actor_email,actor_name")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trim()).data;
    expect(parsed).toHaveLength(4);
    expect(parsed[1]!.slice(0, 7)).toEqual([
      "2026-03-03T08:00:00.000Z",
      "boss@alpha.test",
      "Boss",
      expect.any(String),
      "role.created",
      "x",
      "'=cmd|' /C calc'!A0",
    ]);
    expect(parsed[1]![11]).toBe('{"note":"@risky"}');
    expect(csv).not.toContain("spy@beta.test");
    // The row cap holds.
    const capped = await readExport(exportAuditCsv(t.db, scopeA, auditListSchema.parse({}), 2));
    expect(Papa.parse(capped.replace(/^\uFEFF/, "").trim()).data).toHaveLength(3);
  });
});
