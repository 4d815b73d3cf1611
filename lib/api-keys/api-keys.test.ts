/**
 * API keys on both engines: generated once and stored only as a hash, step-up before generating or
 * rolling, user-bound keys limited to their user's role (and losing what the user loses), Revoke
 * at once, Roll with a grace period, and the key as the public API's principal.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { apiKeys, auditLogs, memberships } from "@/lib/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/auth/errors";
import { STEP_UP_NEEDED } from "@/lib/auth/step-up";
import { addTestMember, createTestOrg, scopeOf } from "@/lib/team/testing";
import { generateApiKey } from "./generate-api-key";
import { revokeApiKey } from "./revoke-api-key";
import { rollApiKey } from "./roll-api-key";
import { setKeyPermissions } from "./set-key-permissions";
import { listApiKeys } from "./list-api-keys";
import { authenticateApiKey, INVALID_API_KEY } from "./authenticate-api-key";
import { generateKeySchema, rollKeySchema } from "./schemas";
import { hashApiKey } from "./key-material";

const PASSWORD = "Correct-Horse-Battery-9";
const meta = { ip: "198.51.100.7", userAgent: "vitest" };

describe.each(testEngines())("API keys on %s", (engine) => {
  const t = withTestDb(engine);

  async function setup() {
    const org = await createTestOrg(t.db);
    const owner = await addTestMember(t.db, org, { role: "Owner", passwordHash: await hashPassword(PASSWORD) });
    const finance = await addTestMember(t.db, org, { role: "Finance" });
    return { org, owner, finance, scope: scopeOf(org, owner) };
  }
  const now = () => new Date();
  const gen = (input: Record<string, unknown>) => generateKeySchema.parse({ name: "Server", owner: "integrator", password: PASSWORD, ...input });

  it("shows the key once, stores only its SHA-256, and authenticates with it (integrator-level: every API permission)", async () => {
    const { scope } = await setup();
    const made = await generateApiKey(t.db, scope, gen({}), now(), meta);
    expect(made.secretKey).toMatch(/^kp_test_[A-Za-z0-9_-]{43}$/);
    expect(made.signingSecret).toBeNull();
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, made.key.id));
    expect(row!.keyHash).toBe(hashApiKey(made.secretKey));
    expect(JSON.stringify(row)).not.toContain(made.secretKey);
    expect(made.key).toMatchObject({ prefix: made.secretKey.slice(0, 12), permissions: "*", status: "active", owner: { kind: "integrator" } });
    expect(JSON.stringify(await listApiKeys(t.db, scope, { owner: "all" }))).not.toContain(made.secretKey);

    const auth = await authenticateApiKey(t.db, `Bearer ${made.secretKey}`, { now: now(), ip: "203.0.113.9" });
    expect(auth.scope.integratorId).toBe(scope.integratorId);
    expect(auth.scope.principal).toMatchObject({ kind: "api_key", keyId: made.key.id });
    expect(auth.scope.permissions.has("collections.create")).toBe(true);
    expect(auth.scope.permissions.has("users.manage")).toBe(false);
    const [used] = await t.db.select({ at: apiKeys.lastUsedAt, ip: apiKeys.lastUsedIp }).from(apiKeys).where(eq(apiKeys.id, made.key.id));
    expect(used!.ip).toBe("203.0.113.9");
    const audits = await t.db.select().from(auditLogs).where(and(eq(auditLogs.integratorId, scope.integratorId), eq(auditLogs.action, "api_key.created")));
    expect(audits).toHaveLength(1);
  });

  it("asks for the password again; a wrong one is refused and nothing is created", async () => {
    const { scope } = await setup();
    await expect(generateApiKey(t.db, scope, gen({ password: undefined }), now(), meta)).rejects.toThrow(STEP_UP_NEEDED);
    await expect(generateApiKey(t.db, scope, gen({ password: "nope" }), now(), meta)).rejects.toBeInstanceOf(ValidationError);
    expect(await t.db.select().from(apiKeys).where(eq(apiKeys.integratorId, scope.integratorId))).toHaveLength(0);
  });

  it("a secure key also gets a 64-hex signing secret, shown once", async () => {
    const { scope } = await setup();
    const made = await generateApiKey(t.db, scope, gen({ secure: true }), now(), meta);
    expect(made.signingSecret).toMatch(/^[0-9a-f]{64}$/);
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, made.key.id));
    expect(row!.secretEncrypted).toBeTruthy();
    expect(row!.secretEncrypted).not.toContain(made.signingSecret!);
  });

  it("user-bound keys start with no permissions, get only what their user's role has, and lose it with the user", async () => {
    const { org, scope, finance } = await setup();
    const made = await generateApiKey(t.db, scope, gen({ owner: "user", userId: finance.userId }), now(), meta);
    expect(made.key.permissions).toEqual([]);
    let auth = await authenticateApiKey(t.db, `Bearer ${made.secretKey}`, { now: now() });
    expect(auth.scope.permissions.size).toBe(0);

    await expect(setKeyPermissions(t.db, scope, { keyId: made.key.id, permissions: ["roles.manage"] }, now())).rejects.toBeInstanceOf(ValidationError);
    await setKeyPermissions(t.db, scope, { keyId: made.key.id, permissions: ["collections.create", "payouts.read"] }, now());
    auth = await authenticateApiKey(t.db, `Bearer ${made.secretKey}`, { now: now() });
    expect([...auth.scope.permissions].sort()).toEqual(["collections.create", "payouts.read"]);

    // The user becomes a Viewer: the key keeps its grants on paper but can only use what the role still has.
    await t.db.update(memberships).set({ roleId: org.roles.Viewer! }).where(eq(memberships.userId, finance.userId));
    auth = await authenticateApiKey(t.db, `Bearer ${made.secretKey}`, { now: now() });
    expect([...auth.scope.permissions]).toEqual(["payouts.read"]);

    // Disabled: the key stops working.
    await t.db.update(memberships).set({ status: "disabled" }).where(eq(memberships.userId, finance.userId));
    await expect(authenticateApiKey(t.db, `Bearer ${made.secretKey}`, { now: now() })).rejects.toThrow(INVALID_API_KEY);
  });

  it("a member cannot grant a key more than they have themselves", async () => {
    const { org, finance } = await setup();
    const viewer = await addTestMember(t.db, org, { role: "Viewer", passwordHash: await hashPassword(PASSWORD) });
    const viewerScope = scopeOf(org, viewer, [...viewer.permissions, "api_keys.manage"]);
    await expect(
      generateApiKey(t.db, viewerScope, gen({ owner: "user", userId: finance.userId, permissions: ["payouts.create"] }), now(), meta),
    ).rejects.toThrow(/cannot have payouts.create/);
  });

  it("Revoke works at once; Roll keeps the old key until the chosen time", async () => {
    const { scope } = await setup();
    const a = await generateApiKey(t.db, scope, gen({ name: "A" }), now(), meta);
    await revokeApiKey(t.db, scope, { keyId: a.key.id }, now(), meta);
    await expect(authenticateApiKey(t.db, `Bearer ${a.secretKey}`, { now: now() })).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(rollApiKey(t.db, scope, rollKeySchema.parse({ keyId: a.key.id, oldKeyExpiresAt: new Date(Date.now() + 3600_000).toISOString(), password: PASSWORD }), now(), meta)).rejects.toBeInstanceOf(ConflictError);

    const b = await generateApiKey(t.db, scope, gen({ name: "B", secure: true }), now(), meta);
    const until = new Date(Date.now() + 3600_000);
    const rolled = await rollApiKey(t.db, scope, rollKeySchema.parse({ keyId: b.key.id, oldKeyExpiresAt: until.toISOString(), password: PASSWORD }), now(), meta);
    expect(rolled.key).toMatchObject({ name: "B", secure: true, rolledFrom: b.key.id });
    expect(rolled.signingSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(rolled.old.status).toBe("expiring");
    await authenticateApiKey(t.db, `Bearer ${b.secretKey}`, { now: now() });
    await authenticateApiKey(t.db, `Bearer ${rolled.secretKey}`, { now: now() });
    await expect(authenticateApiKey(t.db, `Bearer ${b.secretKey}`, { now: new Date(until.getTime() + 1000) })).rejects.toThrow(INVALID_API_KEY);

    const tooLate = new Date(Date.now() + 8 * 24 * 3600_000).toISOString();
    await expect(rollApiKey(t.db, scope, rollKeySchema.parse({ keyId: rolled.key.id, oldKeyExpiresAt: tooLate, password: PASSWORD }), now(), meta)).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses malformed, unknown, expired and other-environment keys alike", async () => {
    const { scope } = await setup();
    const sandbox = await generateApiKey(t.db, scope, gen({ expiresAt: new Date(Date.now() + 60_000).toISOString() }), now(), meta);
    for (const header of [null, "", "Bearer", "Basic abc", "Bearer kp_test_short", `Bearer ${sandbox.secretKey}x`, `Bearer ${"kp_live_" + "A".repeat(43)}`, `Bearer ${sandbox.secretKey}\u0000`]) {
      await expect(authenticateApiKey(t.db, header, { now: now() })).rejects.toThrow(INVALID_API_KEY);
    }
    await expect(authenticateApiKey(t.db, `Bearer ${sandbox.secretKey}`, { now: now(), environment: "production" })).rejects.toThrow(INVALID_API_KEY);
    await expect(authenticateApiKey(t.db, `Bearer ${sandbox.secretKey}`, { now: new Date(Date.now() + 120_000) })).rejects.toThrow(INVALID_API_KEY);
  });

  it("another integrator's keys are not found and not listed", async () => {
    const a = await setup();
    const b = await setup();
    const made = await generateApiKey(t.db, a.scope, gen({}), now(), meta);
    await expect(revokeApiKey(t.db, b.scope, { keyId: made.key.id }, now(), meta)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setKeyPermissions(t.db, b.scope, { keyId: made.key.id, permissions: [] }, now())).rejects.toBeInstanceOf(NotFoundError);
    expect((await listApiKeys(t.db, b.scope, { owner: "all" })).keys).toHaveLength(0);
    const [row] = await t.db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, made.key.id));
    expect(row!.revokedAt).toBeNull();
  });

  it("the owner filter lists integrator-level or one member's keys", async () => {
    const { scope, owner } = await setup();
    await generateApiKey(t.db, scope, gen({ name: "Org" }), now(), meta);
    await generateApiKey(t.db, scope, gen({ name: "Mine", owner: "user" }), now(), meta);
    expect((await listApiKeys(t.db, scope, { owner: "integrator" })).keys.map((k) => k.name)).toEqual(["Org"]);
    expect((await listApiKeys(t.db, scope, { owner: owner.userId })).keys.map((k) => k.name)).toEqual(["Mine"]);
    expect((await listApiKeys(t.db, scope, { owner: "all" })).keys).toHaveLength(2);
  });
});
