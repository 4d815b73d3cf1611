import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { auditLogs, savedViewDefaults, savedViews } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { addTestMember, createTestOrg, scopeOf, type TestOrg } from "@/lib/team/testing";
import { listSavedViews } from "./list-saved-views";
import { createSavedView } from "./create-saved-view";
import { updateSavedView, ONLY_CREATOR_MESSAGE } from "./update-saved-view";
import { deleteSavedView, DELETE_REFUSED_MESSAGE } from "./delete-saved-view";
import { setDefaultSavedView } from "./set-default-saved-view";
import { createSavedViewSchema } from "./schemas";
import { savedViewListOfPath, viewKeysOf } from "./lists";

// The actions run through the real gate: only the session lookup and the database handle are replaced.
const state = vi.hoisted(() => ({ scope: null as Scope | null, db: null as unknown }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.30", "user-agent": "saved-views-test" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock("@/lib/auth/scope", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  requireScope: async () => state.scope,
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));

const FAILED_SORTED = "q=alice&status=FAILED%2CPENDING&sort=amount.desc";

describe("list ids and view keys", () => {
  it("each list page's path names its list; the home page and unknown paths none", () => {
    expect(savedViewListOfPath("/collections")).toBe("collections");
    expect(savedViewListOfPath("/customers")).toBe("customers");
    expect(savedViewListOfPath("/customers/abc")).toBe("customer-transactions");
    expect(savedViewListOfPath("/payment-links/abc")).toBe("link-payments");
    expect(savedViewListOfPath("/bulk-payments/abc")).toBe("bulk-items");
    expect(savedViewListOfPath("/wallets/abc")).toBe("balance-history");
    expect(savedViewListOfPath("/settings")).toBe("webhook-deliveries");
    expect(savedViewListOfPath("/audit")).toBe("audit");
    expect(savedViewListOfPath("/")).toBeNull();
    expect(savedViewListOfPath("/wallets")).toBeNull();
    expect(savedViewListOfPath("/link-payments")).toBeNull();
    expect(savedViewListOfPath("/payment-links/abc/receipts/x")).toBeNull();
  });

  it("a view holds filters, sort, size and hidden columns, never paging or an open detail", () => {
    const parsers = { q: 1, status: 1, sort: 1, size: 1, page: 1, cursor: 1, hide: 1, show: 1, tx: 1 };
    expect(viewKeysOf(parsers, ["q", "status"])).toEqual(["q", "status", "sort", "size", "hide", "show"]);
    expect(viewKeysOf({ q: 1, page: 1 }, ["q"])).toEqual(["q"]);
  });

  it("names are plain text: trimmed, not empty, no control characters, at most 60 characters", () => {
    const base = { list: "collections", params: "" };
    expect(createSavedViewSchema.parse({ ...base, name: "  Failed  " }).name).toBe("Failed");
    expect(createSavedViewSchema.safeParse({ ...base, name: "   " }).error?.issues[0]?.message).toBe("Enter a name");
    expect(createSavedViewSchema.safeParse({ ...base, name: "a\u0000b" }).error?.issues[0]?.message).toBe(
      "The name cannot contain control characters",
    );
    expect(createSavedViewSchema.safeParse({ ...base, name: "x".repeat(61) }).success).toBe(false);
    expect(createSavedViewSchema.safeParse({ ...base, name: "Ok", list: "nope" }).error?.issues[0]?.message).toBe("Unknown list");
    expect(createSavedViewSchema.safeParse({ ...base, name: "Ok", params: "q=".padEnd(2001, "x") }).success).toBe(false);
  });
});

describe.each(testEngines())("saved views on %s", (engine) => {
  const t = withTestDb(engine);
  let org: TestOrg;
  let owner: Scope;
  let finance: Scope;
  let admin: Scope;
  let viewer: Scope;

  beforeAll(async () => {
    org = await createTestOrg(t.db, "Views Org");
    const member = async (role: string) => scopeOf(org, await addTestMember(t.db, org, { role }));
    owner = await member("Owner");
    finance = await member("Finance");
    admin = await member("Admin");
    viewer = await member("Viewer");
  });

  const create = (scope: Scope, name: string, extra: Partial<{ params: string; shared: boolean; makeDefault: boolean; list: "collections" | "audit" }> = {}) =>
    createSavedView(t.db, scope, { list: "collections", name, params: FAILED_SORTED, shared: false, makeDefault: false, ...extra });

  const auditRows = (viewId: string) =>
    t.db.select().from(auditLogs).where(and(eq(auditLogs.integratorId, org.integratorId), eq(auditLogs.targetId, viewId)));

  it("a private view is its creator's alone; a shared one the team's, the default marked per member", async () => {
    const mine = await create(finance, "My failed", { makeDefault: true });
    const team = await create(finance, "Team failed", { shared: true });

    const own = await listSavedViews(t.db, finance, { list: "collections" });
    expect(own.map((v) => [v.name, v.visibility, v.mine, v.isDefault])).toEqual([
      ["My failed", "private", true, true],
      ["Team failed", "shared", true, false],
    ]);
    expect(own[0]).toMatchObject({ params: FAILED_SORTED, createdBy: { id: finance.principal.kind === "session" ? finance.principal.userId : "" } });

    const theirs = await listSavedViews(t.db, viewer, { list: "collections" });
    expect(theirs.map((v) => [v.id, v.mine, v.isDefault, v.canDelete])).toEqual([[team.id, false, false, false]]);
    // Another list, another environment: nothing.
    expect(await listSavedViews(t.db, finance, { list: "payouts" })).toEqual([]);
    expect(await listSavedViews(t.db, { ...finance, environment: "production" }, { list: "collections" })).toEqual([]);

    // A shared view may be a member's default; one default per list, replaced.
    await setDefaultSavedView(t.db, viewer, { list: "collections", viewId: team.id });
    expect((await listSavedViews(t.db, viewer, { list: "collections" }))[0]!.isDefault).toBe(true);
    expect((await listSavedViews(t.db, finance, { list: "collections" })).find((v) => v.id === team.id)!.isDefault).toBe(false);
    await setDefaultSavedView(t.db, finance, { list: "collections", viewId: team.id });
    expect((await listSavedViews(t.db, finance, { list: "collections" })).filter((v) => v.isDefault).map((v) => v.id)).toEqual([team.id]);
    await setDefaultSavedView(t.db, finance, { list: "collections", viewId: null });
    expect((await listSavedViews(t.db, finance, { list: "collections" })).some((v) => v.isDefault)).toBe(false);
    // Another member's private view cannot be a default: it does not exist for them.
    await expect(setDefaultSavedView(t.db, viewer, { list: "collections", viewId: mine.id })).rejects.toThrow(NotFoundError);
    // Nor a view of another list.
    await expect(setDefaultSavedView(t.db, finance, { list: "payouts", viewId: mine.id })).rejects.toThrow(NotFoundError);

    // Only the shared view's creation is audited (a member's own views are preferences).
    expect(await auditRows(mine.id)).toEqual([]);
    expect((await auditRows(team.id)).map((r) => [r.action, r.outcome])).toEqual([["saved_view.created", "success"]]);
  });

  it("params: only the list's view keys, each once, with a value its parser accepts; stored re-serialised", async () => {
    const ok = await create(owner, "Keys", { params: "?status=FAILED,PENDING&size=50&hide=fee&sort=createdAt.asc" });
    const [row] = await t.db.select().from(savedViews).where(eq(savedViews.id, ok.id));
    expect(row!.params).toBe("status=FAILED%2CPENDING&size=50&hide=fee&sort=createdAt.asc");
    for (const [params, message] of [
      ["page=2", '"page" is not a filter, sort or column setting of this list'],
      ["cursor=abc", '"cursor" is not a filter, sort or column setting of this list'],
      ["tx=abc", '"tx" is not a filter, sort or column setting of this list'],
      ["m=KE-KES", '"m" is not a filter, sort or column setting of this list'],
      ["size=lots", '"size" has a value this list does not accept'],
      ["q=a&q=b", '"q" is given twice'],
      ["q=a%00b", '"q" cannot contain control characters'],
    ] as const) {
      await expect(create(owner, `Bad ${params}`, { params }), params).rejects.toThrow(message);
    }
    // The audit list has its own keys: `actor` is one of them, `status` is not.
    await create(owner, "Denied", { list: "audit", params: "outcome=denied&actor=someone" });
    await expect(create(owner, "Status", { list: "audit", params: "status=FAILED" })).rejects.toThrow(ValidationError);
  });

  it("names are unique per member among private views and per team among shared ones (any case)", async () => {
    await create(owner, "Daily");
    await expect(create(owner, "daily")).rejects.toThrow(ConflictError);
    await expect(create(owner, "DAILY")).rejects.toMatchObject({ fieldErrors: { name: ['You already have a view named "DAILY"'] } });
    await create(viewer, "Daily"); // another member's private view may share the name
    await create(owner, "Daily", { shared: true }); // so may a shared view
    await expect(create(viewer, "daily", { shared: true })).rejects.toThrow('The team already has a shared view named "daily"');
    // Concurrent saves of one name: exactly one wins.
    const results = await Promise.allSettled([1, 2, 3].map(() => create(admin, "Race")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
  });

  it("update: the creator renames, re-saves and (un)shares; unsharing drops the others' defaults; shared changes audited", async () => {
    const v = await create(owner, "Weekly");
    await updateSavedView(t.db, owner, { list: "collections", viewId: v.id, name: "Weekly failed", params: "status=FAILED" });
    expect(await auditRows(v.id)).toEqual([]); // private: no audit row
    await updateSavedView(t.db, owner, { list: "collections", viewId: v.id, shared: true });
    await setDefaultSavedView(t.db, viewer, { list: "collections", viewId: v.id });
    await setDefaultSavedView(t.db, owner, { list: "collections", viewId: v.id });

    // Another member may not change it, even one who manages the team; nothing changes.
    await expect(updateSavedView(t.db, admin, { list: "collections", viewId: v.id, name: "Hijacked" })).rejects.toThrow(ONLY_CREATOR_MESSAGE);
    await expect(updateSavedView(t.db, viewer, { list: "collections", viewId: v.id, shared: false })).rejects.toThrow(ForbiddenError);
    // A clash with another shared name is a 409 and leaves the view as it was.
    await create(finance, "Taken", { shared: true });
    await expect(updateSavedView(t.db, owner, { list: "collections", viewId: v.id, name: "taken" })).rejects.toThrow(ConflictError);
    const [row] = await t.db.select().from(savedViews).where(eq(savedViews.id, v.id));
    expect(row).toMatchObject({ name: "Weekly failed", params: "status=FAILED", visibility: "shared" });

    await updateSavedView(t.db, owner, { list: "collections", viewId: v.id, shared: false });
    expect(await listSavedViews(t.db, viewer, { list: "collections" })).not.toContainEqual(expect.objectContaining({ id: v.id }));
    const defaults = await t.db.select().from(savedViewDefaults).where(eq(savedViewDefaults.viewId, v.id));
    expect(defaults.map((d) => d.userId)).toEqual([owner.principal.kind === "session" ? owner.principal.userId : ""]);
    expect((await auditRows(v.id)).map((r) => r.action)).toEqual(["saved_view.shared", "saved_view.unshared"]);
  });

  it("delete: the creator, or for a shared view a member who manages the team; defaults go with it", async () => {
    const own = await create(finance, "Temporary");
    await expect(deleteSavedView(t.db, admin, { list: "collections", viewId: own.id })).rejects.toThrow(NotFoundError);
    await deleteSavedView(t.db, finance, { list: "collections", viewId: own.id });
    expect(await t.db.select().from(savedViews).where(eq(savedViews.id, own.id))).toEqual([]);

    const shared = await create(finance, "Everyone's", { shared: true });
    await setDefaultSavedView(t.db, viewer, { list: "collections", viewId: shared.id });
    await expect(deleteSavedView(t.db, viewer, { list: "collections", viewId: shared.id })).rejects.toThrow(DELETE_REFUSED_MESSAGE);
    expect((await listSavedViews(t.db, admin, { list: "collections" })).find((v) => v.id === shared.id)!.canDelete).toBe(true);
    await deleteSavedView(t.db, admin, { list: "collections", viewId: shared.id });
    expect(await t.db.select().from(savedViewDefaults).where(eq(savedViewDefaults.viewId, shared.id))).toEqual([]);
    const rows = await auditRows(shared.id);
    expect(rows.map((r) => r.action)).toEqual(["saved_view.created", "saved_view.deleted"]);
    expect(rows[1]).toMatchObject({ actorUserId: admin.principal.kind === "session" ? admin.principal.userId : "" });
  });

  it("another organisation's view is not found, and its lists do not show it", async () => {
    const other = await createTestOrg(t.db, "Other Views Org");
    const stranger = scopeOf(other, await addTestMember(t.db, other, { role: "Owner" }));
    const v = await create(owner, "Ours", { shared: true });
    expect(await listSavedViews(t.db, stranger, { list: "collections" })).toEqual([]);
    await expect(updateSavedView(t.db, stranger, { list: "collections", viewId: v.id, name: "Theirs" })).rejects.toThrow(NotFoundError);
    await expect(deleteSavedView(t.db, stranger, { list: "collections", viewId: v.id })).rejects.toThrow(NotFoundError);
    await expect(setDefaultSavedView(t.db, stranger, { list: "collections", viewId: v.id })).rejects.toThrow(NotFoundError);
    const [row] = await t.db.select().from(savedViews).where(eq(savedViews.id, v.id));
    expect(row!.name).toBe("Ours");
  });

  it("actions: a member saves views only of lists they may read; a refusal is an access.denied row", async () => {
    const { createSavedViewAction, updateSavedViewAction } = await import("./actions");
    state.db = t.db;
    state.scope = viewer;
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(savedViews))[0]!.n;
    const before = await count();
    const refused = await createSavedViewAction({ list: "audit", name: "Denied", params: "" });
    expect(refused).toEqual({ ok: false, error: "You do not have permission to do this" });
    expect(await count()).toBe(before);
    const [denied] = await t.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "access.denied"), eq(auditLogs.targetId, "action saved_views.create")));
    expect(denied).toMatchObject({ outcome: "denied", metadata: { permission: "audit.read" } });

    const made = await createSavedViewAction({ list: "collections", name: "Viewer's", params: "status=FAILED", shared: true });
    expect(made).toMatchObject({ ok: true });
    // Another member's attempt to change it: refused, recorded as denied.
    state.scope = finance;
    const id = made.ok ? made.data.id : "";
    expect(await updateSavedViewAction({ list: "collections", viewId: id, name: "Mine now" })).toEqual({ ok: false, error: ONLY_CREATOR_MESSAGE });
    expect((await auditRows(id)).map((r) => [r.action, r.outcome])).toEqual([
      ["saved_view.created", "success"],
      ["saved_view.updated", "denied"],
    ]);
    state.scope = null;
  });
});
