/**
 * Revocable sessions through the real gate (target S7, S8): a real next-auth JWT in a cookie,
 * next-auth's own session handler decoding it, lib/auth/scope.ts checking it against the
 * database, and the real route handlers and server actions. Only `next/headers` (a cookie jar)
 * and the database handle are replaced.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { testScope } from "./test-scope";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { NextRequest } from "next/server";
import { auditLogs, integrators, users } from "@/lib/db/schema";
import { hashPassword } from "./password";
import { STEP_UP_NEEDED, STEP_UP_WRONG } from "./step-up";
import { withTestDb, testEngines } from "@/test/db";
import type { Db } from "@/lib/db/client";

const state = vi.hoisted(() => ({
  db: null as unknown,
  jar: new Map<string, string>(),
  set: [] as { name: string; value: string; options: Record<string, unknown> }[],
}));

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.77", "user-agent": "session-test" }),
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name)! } : undefined),
    getAll: () => [...state.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => state.jar.has(name),
    set: (name: string, value: string, options: Record<string, unknown> = {}) => {
      state.set.push({ name, value, options });
      state.jar.set(name, value);
    },
    delete: (name: string) => state.jar.delete(name),
  }),
}));
vi.mock("@/lib/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => state.db }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<object>()), after: () => {} }));
vi.mock("@/lib/mail/send-mail", () => ({ sendMail: async () => {}, MAIL_FROM: "test@example.test" }));

const { encodeSessionToken, decodeSessionToken, SESSION_COOKIE, ABSOLUTE_SESSION_SECONDS, IDLE_SESSION_SECONDS } = await import("./session-cookie");
const { authOptions } = await import("./options");
const { GET: contextRoute } = await import("@/app/api/context/route");
const actions = await import("./account-actions");
const { selectContext } = await import("./context-actions");
const { requirePageScope } = await import("./guard");
const { disableMember } = await import("@/lib/team/manage-member");
const { beginTwoFactorSetup, confirmTwoFactorSetup } = await import("./two-factor");
const { proxy } = await import("@/proxy");
const { addMember, createSecurityOrg, TEST_PASSWORD } = await import("./testing");
const { scopeOf } = await import("@/lib/team/testing");

type Member = Awaited<ReturnType<typeof addMember>>;

async function cookieFor(db: Db, m: Member, authTime = Math.floor(Date.now() / 1000)): Promise<string> {
  const [u] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, m.userId));
  return encodeSessionToken({ name: m.name, email: m.email, sub: m.userId, uid: m.userId, sv: u!.sv, authTime });
}
function setJar(value: string | null) {
  state.jar.clear();
  state.set.length = 0;
  if (value) state.jar.set(SESSION_COOKIE, value);
}
async function status(cookie: string | null): Promise<number> {
  setJar(cookie);
  const res = await contextRoute(new Request("http://localhost/api/context"), { params: Promise.resolve({}) });
  return res.status;
}
const reissued = () => state.set.find((c) => c.name === SESSION_COOKIE)?.value ?? null;

describe.each(testEngines())("revocable sessions through the gate (%s)", (engine) => {
  const t = withTestDb(engine);
  beforeAll(() => {
    state.db = t.db;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function setup(opts: { production?: boolean; preferredEnvironment?: "sandbox" | "production" | null } = {}) {
    const org = await createSecurityOrg(t.db, { production: opts.production });
    const m = await addMember(t.db, org, { role: "Owner", preferredEnvironment: opts.preferredEnvironment });
    return { org, m };
  }

  it("a valid cookie passes; without one, 401", async () => {
    const { m } = await setup();
    expect(await status(await cookieFor(t.db, m))).toBe(200);
    expect(await status(null)).toBe(401);
    expect(await status("garbage")).toBe(401);
  });

  it("a cookie captured before logout gets 401 after it", async () => {
    const { m } = await setup();
    const cookie = await cookieFor(t.db, m);
    expect(await status(cookie)).toBe(200);
    const token = await decodeSessionToken(cookie);
    await authOptions.events!.signOut!({ token: token!, session: null as never });
    expect(await status(cookie)).toBe(401);
    const audit = await t.db.select().from(auditLogs).where(eq(auditLogs.actorUserId, m.userId));
    expect(audit.map((a) => a.action)).toContain("auth.sign_out");
  });

  it("a password change ends every other session; the changing session carries on with a re-issued cookie", async () => {
    const { m } = await setup();
    const other = await cookieFor(t.db, m);
    const mine = await cookieFor(t.db, m);
    setJar(mine);
    const res = await actions.changeOwnPassword({ currentPassword: TEST_PASSWORD, newPassword: "Violet-Harbour-Lantern-8", confirmPassword: "Violet-Harbour-Lantern-8" });
    expect(res).toEqual({ ok: true, data: { changed: true } });
    const fresh = reissued();
    expect(fresh).toBeTruthy();
    const setCookie = state.set.find((c) => c.name === SESSION_COOKIE)!;
    expect(setCookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(await status(other)).toBe(401);
    expect(await status(mine)).toBe(401);
    expect(await status(fresh)).toBe(200);
    // The absolute timeout is not extended by the re-issue.
    expect((await decodeSessionToken(fresh))!.authTime).toBe((await decodeSessionToken(mine))!.authTime);
  });

  it("a wrong current password changes nothing (and counts as a failed attempt)", async () => {
    const { m } = await setup();
    const cookie = await cookieFor(t.db, m);
    setJar(cookie);
    const res = await actions.changeOwnPassword({ currentPassword: "not-my-password", newPassword: "Violet-Harbour-Lantern-8", confirmPassword: "Violet-Harbour-Lantern-8" });
    expect(res).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Your current password is not correct."] } });
    expect(await status(cookie)).toBe(200);
    setJar(cookie);
    expect(await actions.changeOwnPassword({ currentPassword: TEST_PASSWORD, newPassword: "password1234", confirmPassword: "password1234" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["This password is too common. Choose one that is harder to guess."] },
    });
  });

  it("turning two-factor off (and on) ends the other sessions", async () => {
    const { org, m } = await setup();
    const actor = testScope(org.integratorId, { userId: m.userId, email: m.email });
    const meta = { ip: "198.51.100.1" };
    const { secret } = await beginTwoFactorSetup(t.db, actor);
    const beforeOn = await cookieFor(t.db, m);
    await confirmTwoFactorSetup(t.db, actor, { code: await generate({ secret }) }, new Date(), meta);
    expect(await status(beforeOn)).toBe(401);

    const other = await cookieFor(t.db, m);
    const mine = await cookieFor(t.db, m);
    setJar(mine);
    const later = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 30_000 });
    const res = await actions.disableOwnTwoFactor({ code: later });
    expect(res).toEqual({ ok: true, data: { disabled: true } });
    const fresh = reissued();
    expect(await status(other)).toBe(401);
    expect(await status(fresh)).toBe(200);
  });

  it("disabling the member (team) kills their cookie at once", async () => {
    const { org, m } = await setup();
    const owner = await addMember(t.db, org, { role: "Owner" });
    const viewer = await addMember(t.db, org, { role: "Viewer" });
    const cookie = await cookieFor(t.db, viewer);
    expect(await status(cookie)).toBe(200);
    await disableMember(t.db, scopeOf(org, owner), { memberId: viewer.memberId });
    expect(await status(cookie)).toBe(401);
    void m;
  });

  it("'sign out other sessions' keeps only this one", async () => {
    const { m } = await setup();
    const other = await cookieFor(t.db, m);
    setJar(await cookieFor(t.db, m));
    expect(await actions.signOutOtherSessions({})).toEqual({ ok: true, data: { ended: true } });
    const fresh = reissued();
    expect(await status(other)).toBe(401);
    expect(await status(fresh)).toBe(200);
  });

  it("absolute timeout: 11:59 after sign-in passes, 12:00:01 is refused", async () => {
    const { m } = await setup();
    const now = Math.floor(Date.now() / 1000);
    expect(await status(await cookieFor(t.db, m, now - ABSOLUTE_SESSION_SECONDS + 60))).toBe(200);
    expect(await status(await cookieFor(t.db, m, now - ABSOLUTE_SESSION_SECONDS - 1))).toBe(401);
  });

  it("idle timeout: the JWT dies 30 minutes after it was issued, and the proxy slides it on use", async () => {
    const { m } = await setup();
    const issued = Date.now();
    const cookie = await cookieFor(t.db, m);
    vi.useFakeTimers({ toFake: ["Date"], now: issued + (IDLE_SESSION_SECONDS - 60) * 1000 });
    expect(await status(cookie)).toBe(200);

    // A page view through the proxy 29 minutes in re-issues the cookie for another 30 minutes…
    const res = await proxy(new NextRequest("http://localhost/collections", { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }));
    const slid = res.cookies.get(SESSION_COOKIE);
    expect(slid?.value).toBeTruthy();
    expect(slid).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    const token = await decodeSessionToken(slid!.value);
    expect(token!.exp).toBeGreaterThan(Math.floor(Date.now() / 1000) + IDLE_SESSION_SECONDS - 5);

    // …so 31 minutes after the first issue the slid cookie works and the original does not.
    vi.setSystemTime(issued + (IDLE_SESSION_SECONDS + 60) * 1000);
    expect(await status(cookie)).toBe(401);
    expect(await status(slid!.value)).toBe(200);
  });

  it("the proxy never slides past the absolute timeout, nor on a POST", async () => {
    const { m } = await setup();
    const now = Math.floor(Date.now() / 1000);
    const old = await cookieFor(t.db, m, now - ABSOLUTE_SESSION_SECONDS - 1);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 120_000 });
    const res = await proxy(new NextRequest("http://localhost/", { headers: { cookie: `${SESSION_COOKIE}=${old}` } }));
    expect(res.cookies.get(SESSION_COOKIE)).toBeUndefined();
    const fresh = await cookieFor(t.db, m);
    vi.setSystemTime(Date.now() + 120_000);
    const post = await proxy(new NextRequest("http://localhost/account", { method: "POST", headers: { cookie: `${SESSION_COOKIE}=${fresh}` } }));
    expect(post.cookies.get(SESSION_COOKIE)).toBeUndefined();
  });

  it("the environment gate: first sign-in (no preference) is sent to /environment; Production is refused server-side when not provisioned", async () => {
    const { m, org } = await setup({ preferredEnvironment: null });
    setJar(await cookieFor(t.db, m));
    await expect(requirePageScope()).rejects.toMatchObject({ digest: expect.stringContaining("/environment") });

    const refused = await selectContext({ environment: "production", remember: true });
    expect(refused).toEqual({ ok: false, error: "Production is not enabled for your organisation yet. Request go-live from Settings." });
    const [u1] = await t.db.select({ env: users.preferredEnvironment }).from(users).where(eq(users.id, m.userId));
    expect(u1!.env).toBeNull();

    expect(await selectContext({ environment: "sandbox", remember: true })).toMatchObject({ ok: true, data: { environment: "sandbox" } });
    const [u2] = await t.db.select({ env: users.preferredEnvironment }).from(users).where(eq(users.id, m.userId));
    expect(u2!.env).toBe("sandbox");
    await expect(requirePageScope()).resolves.toMatchObject({ environment: "sandbox", needsEnvironmentChoice: false });
    void org;
  });

  it("a provisioned integrator can switch to Production (remembered, audited) and back", async () => {
    const { m } = await setup({ production: true });
    setJar(await cookieFor(t.db, m));
    expect(await selectContext({ environment: "production", remember: true })).toMatchObject({ ok: true, data: { environment: "production" } });
    const [u] = await t.db.select({ env: users.preferredEnvironment }).from(users).where(eq(users.id, m.userId));
    expect(u!.env).toBe("production");
    const audit = await t.db.select().from(auditLogs).where(eq(auditLogs.actorUserId, m.userId));
    expect(audit.find((a) => a.action === "context.environment_switched")?.metadata).toEqual({ from: "sandbox", to: "production" });
  });

  it("when the organisation requires two-factor, a member without it may only set it up", async () => {
    const { org, m } = await setup();
    const viewer = await addMember(t.db, org, { role: "Viewer" });
    // Only with two-factor of one's own can an owner require it.
    setJar(await cookieFor(t.db, m));
    expect(await actions.setTeamTwoFactor({ required: true })).toEqual({ ok: false, error: "Turn on two-factor authentication for your own account first." });
    // It takes settings.manage.
    setJar(await cookieFor(t.db, viewer));
    expect(await actions.setTeamTwoFactor({ required: true })).toEqual({ ok: false, error: "You do not have permission to do this" });
    const actor = testScope(org.integratorId, { userId: m.userId, email: m.email });
    const meta = { ip: "198.51.100.1" };
    const { secret } = await beginTwoFactorSetup(t.db, actor);
    await confirmTwoFactorSetup(t.db, actor, { code: await generate({ secret }) }, new Date(), meta);
    setJar(await cookieFor(t.db, m));
    expect(await actions.setTeamTwoFactor({ required: true })).toEqual({ ok: true, data: { required: true } });
    const [i] = await t.db.select({ r: integrators.requireTwoFactor }).from(integrators).where(eq(integrators.id, org.integratorId));
    expect(i!.r).toBe(true);

    const cookie = await cookieFor(t.db, viewer);
    setJar(cookie);
    await expect(requirePageScope()).rejects.toMatchObject({ digest: expect.stringContaining("/two-factor") });
    setJar(cookie);
    const res = await contextRoute(new Request("http://localhost/api/context"), { params: Promise.resolve({}) });
    expect(res.status).toBe(403);
    setJar(cookie);
    expect(await selectContext({ environment: "sandbox" })).toMatchObject({ ok: false, error: expect.stringContaining("requires two-factor") });
    setJar(cookie);
    const begun = await actions.beginTwoFactor({});
    expect(begun).toMatchObject({ ok: true, data: { qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/) } });
    const setupSecret = (begun as { ok: true; data: { secret: string } }).data.secret;
    setJar(cookie);
    const enabled = await actions.enableTwoFactor({ code: await generate({ secret: setupSecret }) });
    expect(enabled).toMatchObject({ ok: true, data: { recoveryCodes: expect.any(Array) } });
    expect(await status(reissued())).toBe(200);
    // And a member with two-factor under a requirement can't turn it off.
    setJar(await cookieFor(t.db, viewer));
    expect(await actions.disableOwnTwoFactor({ code: "abcde-fghij" })).toEqual({
      ok: false,
      error: "Your organisation requires two-factor authentication, so it can't be turned off.",
    });
  });

  it("step-up: turning two-factor on asks for the password again when sign-in was over 5 minutes ago, then not for 5 minutes", async () => {
    const { m } = await setup();
    await t.db.update(users).set({ passwordHash: await hashPassword("Step-Up-Password-7") }).where(eq(users.id, m.userId));
    const stale = await cookieFor(t.db, m, Math.floor(Date.now() / 1000) - 10 * 60);
    setJar(stale);
    const begun = (await actions.beginTwoFactor({})) as { ok: true; data: { secret: string } };
    setJar(stale);
    const code = await generate({ secret: begun.data.secret });
    expect(await actions.enableTwoFactor({ code })).toMatchObject({ ok: false, fieldErrors: { password: [STEP_UP_NEEDED] } });
    setJar(stale);
    expect(await actions.enableTwoFactor({ code, password: "wrong-password" })).toMatchObject({ ok: false, fieldErrors: { password: [STEP_UP_WRONG] } });
    const [u] = await t.db.select({ on: users.totpEnabledAt }).from(users).where(eq(users.id, m.userId));
    expect(u!.on).toBeNull();
    setJar(stale);
    expect(await actions.enableTwoFactor({ code, password: "Step-Up-Password-7" })).toMatchObject({ ok: true });
    // The step-up is remembered in this session's cookie (stepUpAt), not the account.
    const after = reissued()!;
    expect((await decodeSessionToken(after))?.stepUpAt).toEqual(expect.any(Number));
  });

  it("every account action answers 'Sign in to continue' without a session", async () => {
    setJar(null);
    for (const [name, action] of Object.entries(actions)) {
      expect(await (action as (i: unknown) => Promise<unknown>)({}), name).toEqual({ ok: false, error: "Sign in to continue" });
    }
  });
});

describe("cookie flags", () => {
  it("over https the session cookie is __Secure- prefixed and Secure; always HttpOnly and SameSite=Lax", async () => {
    vi.resetModules();
    vi.stubEnv("NEXTAUTH_URL", "https://backoffice.example.test");
    const mod = await import("./session-cookie");
    const opts = await import("./options");
    expect(mod.SESSION_COOKIE).toBe("__Secure-kotani.session");
    expect(mod.sessionCookieOptions()).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
    expect(opts.authOptions.cookies!.sessionToken).toMatchObject({
      name: "__Secure-kotani.session",
      options: { httpOnly: true, sameSite: "lax", secure: true, path: "/" },
    });
    vi.unstubAllEnvs();
  });
});
