/**
 * next-auth's own session endpoint (`GET /api/auth/session`, what useSession() and
 * getServerSession() read) must refuse what the gate refuses (lib/auth/scope.ts): a cookie whose
 * session version was bumped (logout, "sign out other sessions", password change, disabled
 * member) or past the absolute lifetime gets no user data and no fresh cookie. Driven through
 * the real route handler; only `next/headers` (a cookie jar) and the database handle are replaced.
 */
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { users } from "@/lib/db/schema";
import { withTestDb, testEngines } from "@/test/db";
import type { Db } from "@/lib/db/client";

const state = vi.hoisted(() => ({ db: null as unknown, jar: new Map<string, string>() }));
const fakeHeaders = vi.hoisted(() => ({
  headers: async () =>
    new Headers({ host: "localhost:3000", "x-forwarded-for": "198.51.100.77", "user-agent": "next-auth-session-test" }),
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name)! } : undefined),
    getAll: () => [...state.jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => state.jar.has(name),
  }),
}));

vi.mock("next/headers", () => fakeHeaders);
// next-auth's route handler reads the request's cookies with a CommonJS require("next/headers"),
// which vi.mock does not reach: replace them on that module too.
Object.assign(createRequire(import.meta.url)("next/headers") as object, fakeHeaders);
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  getDb: async () => state.db,
}));

const { encodeSessionToken, decodeSessionToken, SESSION_COOKIE, ABSOLUTE_SESSION_SECONDS } =
  await import("./session-cookie");
const { GET } = await import("@/app/api/auth/[...nextauth]/route");
const { signOutEverywhere } = await import("./sign-out");
const { addMember, createSecurityOrg } = await import("./testing");

type Member = Awaited<ReturnType<typeof addMember>>;

async function cookieFor(db: Db, m: Member, authTime = Math.floor(Date.now() / 1000)): Promise<string> {
  const [u] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, m.userId));
  return encodeSessionToken({ name: m.name, email: m.email, sub: m.userId, uid: m.userId, sv: u!.sv, authTime });
}

/** GET /api/auth/session with this session cookie: the JSON body and the session cookie it sets. */
async function session(
  cookie: string,
): Promise<{ status: number; body: Record<string, unknown>; setCookie: string | null }> {
  state.jar.clear();
  state.jar.set(SESSION_COOKIE, cookie);
  const res = await GET(
    new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } }),
    {
      params: Promise.resolve({ nextauth: ["session"] }),
    },
  );
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`)) ?? null;
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, setCookie };
}
const cookieValue = (setCookie: string | null) => setCookie?.split(";")[0]!.slice(SESSION_COOKIE.length + 1) ?? "";

describe.each(testEngines())("next-auth's /api/auth/session (%s)", (engine) => {
  const t = withTestDb(engine);
  beforeAll(() => {
    state.db = t.db;
  });

  async function member() {
    const org = await createSecurityOrg(t.db);
    return addMember(t.db, org, { role: "Owner" });
  }

  it("a valid cookie answers with the user and a re-issued cookie", async () => {
    const m = await member();
    const res = await session(await cookieFor(t.db, m));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { id: m.userId, email: m.email, name: m.name } });
    expect(await decodeSessionToken(cookieValue(res.setCookie))).toMatchObject({ uid: m.userId });
  });

  it("a cookie captured before logout gets no user data, and its cookie is cleared", async () => {
    const m = await member();
    const cookie = await cookieFor(t.db, m);
    expect((await session(cookie)).body).toMatchObject({ user: { id: m.userId } });
    await signOutEverywhere(t.db, m.userId);
    const res = await session(cookie);
    expect(res.body).toEqual({});
    expect(JSON.stringify(res.body)).not.toContain(m.email);
    expect(await decodeSessionToken(cookieValue(res.setCookie))).toBeNull();
  });

  it("a cookie whose session version was bumped otherwise (sign out other sessions) gets nothing", async () => {
    const m = await member();
    const cookie = await cookieFor(t.db, m);
    await t.db.update(users).set({ sessionVersion: 7 }).where(eq(users.id, m.userId));
    expect((await session(cookie)).body).toEqual({});
  });

  it("a cookie past the absolute lifetime gets nothing; just inside it still works", async () => {
    const m = await member();
    const now = Math.floor(Date.now() / 1000);
    const inside = await session(await cookieFor(t.db, m, now - ABSOLUTE_SESSION_SECONDS + 60));
    expect(inside.body).toMatchObject({ user: { id: m.userId } });
    const past = await session(await cookieFor(t.db, m, now - ABSOLUTE_SESSION_SECONDS - 1));
    expect(past.body).toEqual({});
    expect(await decodeSessionToken(cookieValue(past.setCookie))).toBeNull();
  });

  it("a cookie without the claims the gate needs gets nothing", async () => {
    const m = await member();
    const res = await session(await encodeSessionToken({ name: m.name, email: m.email, sub: m.userId }));
    expect(res.body).toEqual({});
  });
});
