/**
 * Sign-in throttling and two-factor sign-in, on a real database (target S4, S12):
 * 5 failures in 15 minutes lock the account (also from other IPs, also for unknown emails),
 * the lock lifts by itself, the per-IP ceiling, and the second factor (TOTP once, recovery codes once).
 */
import { describe, expect, it } from "vitest";
import { testScope } from "./test-scope";
import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { auditLogs, authAttempts, users } from "@/lib/db/schema";
import { withTestDb, testEngines } from "@/test/db";
import { authenticate } from "./sign-in";
import { THROTTLE } from "./throttle";
import { beginTwoFactorSetup, confirmTwoFactorSetup } from "./two-factor";
import { addMember, at, createSecurityOrg, minutes, TEST_PASSWORD } from "./testing";

const T0 = new Date("2026-03-02T09:00:00Z");
const ip = (n: number) => `198.51.100.${n}`;

describe.each(testEngines())("sign-in throttling and two-factor (%s)", (engine) => {
  const t = withTestDb(engine);

  async function member(email: string) {
    const org = await createSecurityOrg(t.db);
    return { org, m: await addMember(t.db, org, { email }) };
  }
  const signIn = (email: string, password: string, now: Date, from = ip(1), extra: Record<string, string> = {}) =>
    authenticate(t.db, { email, password, ...extra }, { ip: from, userAgent: "vitest" }, now);

  it("the right password signs in, writes an audit row and never stores the password", async () => {
    const { m } = await member("ok@sec.test");
    const res = await signIn("OK@sec.test", TEST_PASSWORD, T0);
    expect(res).toMatchObject({ ok: true, user: { id: m.userId, email: "ok@sec.test" } });
    const rows = await t.db.select().from(auditLogs).where(eq(auditLogs.actorUserId, m.userId));
    expect(rows.map((r) => `${r.action}:${r.outcome}`)).toContain("auth.sign_in:success");
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
  });

  it("locks an account after 5 failures in 15 minutes, across IPs, with the same answer; the lock lifts by itself", async () => {
    const { m } = await member("lock@sec.test");
    for (let i = 0; i < THROTTLE.accountFailures; i++) {
      // A different IP each time: the count is per account.
      expect(await signIn("lock@sec.test", `wrong-${i}`, at(T0, minutes(i)), ip(10 + i))).toEqual({ ok: false, error: "CredentialsSignin" });
    }
    // Locked: even the right password, from yet another IP.
    expect(await signIn("lock@sec.test", TEST_PASSWORD, at(T0, minutes(5)), ip(99))).toEqual({ ok: false, error: "TooManyAttempts" });
    // Still locked 14:59 after the first failure…
    expect(await signIn("lock@sec.test", TEST_PASSWORD, at(T0, minutes(15) - 1000), ip(99))).toEqual({ ok: false, error: "TooManyAttempts" });
    // …free 15:01 after it (only 4 failures left in the window).
    expect(await signIn("lock@sec.test", TEST_PASSWORD, at(T0, minutes(15) + 1000), ip(99))).toMatchObject({ ok: true });

    const audit = await t.db.select().from(auditLogs).where(eq(auditLogs.actorUserId, m.userId));
    const actions = audit.map((r) => `${r.action}:${r.outcome}`);
    expect(actions.filter((a) => a === "auth.sign_in:failure")).toHaveLength(5);
    expect(actions).toContain("auth.lockout:denied");
    expect(actions.filter((a) => a === "auth.sign_in:denied")).toHaveLength(2);
    // Refused attempts are not counted (so the lock can't be extended forever, and ≤ 20 failures/hour).
    const failures = await t.db
      .select()
      .from(authAttempts)
      .where(and(eq(authAttempts.email, "lock@sec.test"), eq(authAttempts.success, false)));
    expect(failures).toHaveLength(5);
  });

  it("an unknown email behaves exactly like a known one: same answers, same lock", async () => {
    await member("known@sec.test");
    const outcomes = async (email: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 6; i++) out.push(await signIn(email, "not-it", at(T0, minutes(i)), ip(40 + i)));
      return out;
    };
    expect(await outcomes("nobody@sec.test")).toEqual(await outcomes("known@sec.test"));
  });

  it("a success starts the count again", async () => {
    await member("reset-count@sec.test");
    for (let i = 0; i < 4; i++) await signIn("reset-count@sec.test", "nope", at(T0, minutes(i)));
    expect(await signIn("reset-count@sec.test", TEST_PASSWORD, at(T0, minutes(4)))).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await signIn("reset-count@sec.test", "nope", at(T0, minutes(5 + i)));
    expect(await signIn("reset-count@sec.test", TEST_PASSWORD, at(T0, minutes(9)))).toMatchObject({ ok: true });
  });

  it("an IP with 50 failures in 15 minutes is locked for every account, then freed", async () => {
    const { m } = await member("victim@sec.test");
    const bad = ip(200);
    for (let i = 0; i < THROTTLE.ipFailures; i++) {
      await signIn(`spray-${i}@sec.test`, "Password123!", at(T0, i * 1000), bad);
    }
    expect(await signIn(m.email, TEST_PASSWORD, at(T0, minutes(1)), bad)).toEqual({ ok: false, error: "TooManyAttempts" });
    expect(await signIn(m.email, TEST_PASSWORD, at(T0, minutes(1)), ip(201))).toMatchObject({ ok: true });
    expect(await signIn(m.email, TEST_PASSWORD, at(T0, minutes(16)), bad)).toMatchObject({ ok: true });
  });

  it("malformed input is a plain refusal, never an exception", async () => {
    for (const input of [null, {}, { email: "not-an-email", password: "x" }, { email: "a@b.test", password: "x".repeat(5000) }, { email: ["a"], password: 1 }]) {
      expect(await authenticate(t.db, input, { ip: ip(3) }, T0)).toEqual({ ok: false, error: "CredentialsSignin" });
    }
  });

  it("a wrong password for a known email and any password for an unknown one take the same time (median gap, 200 samples)", async () => {
    await member("timing-login@sec.test");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 210; i++) {
      const now = at(T0, minutes(16) * (i + 1)); // outside each other's throttle window
      const pair = i % 2 ? (["timing-login@sec.test", "ghost-login@sec.test"] as const) : (["ghost-login@sec.test", "timing-login@sec.test"] as const);
      for (const email of pair) {
        const started = performance.now();
        const res = await signIn(email, "Wrong-Password-123", now, `10.2.${i % 250}.${email.startsWith("g") ? 1 : 2}`);
        const ms = performance.now() - started;
        expect(res).toEqual({ ok: false, error: "CredentialsSignin" });
        if (i >= 10) (email.startsWith("g") ? unknown : known).push(ms);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const gap = Math.abs(median(known) - median(unknown));
    // Paired (each known sample with the unknown one taken right next to it): robust to load drift.
    const paired = Math.abs(median(known.map((k, i) => k - unknown[i]!)));
    console.log(
      `[timing ${engine}] sign-in, 200 samples each: known ${median(known).toFixed(2)} ms, unknown ${median(unknown).toFixed(2)} ms, ` +
        `gap of medians ${gap.toFixed(2)} ms, median paired gap ${paired.toFixed(2)} ms`,
    );
    // The figure (target < 10 ms) goes into the issue note; the assertion is the structural one,
    // robust to a loaded machine: skipping the dummy argon2 for unknown emails would make the gap
    // about the whole verification time (~50 ms), far above a quarter of it.
    expect(paired).toBeLessThan(median(known) / 4);
  }, 300_000); // 420 argon2id verifications

  describe("two-factor", () => {
    async function withTwoFactor(email: string) {
      const { org, m } = await member(email);
      const actor = testScope(org.integratorId, { userId: m.userId, email: m.email });
      const meta = { ip: ip(7) };
      const { secret } = await beginTwoFactorSetup(t.db, actor);
      const { recoveryCodes } = await confirmTwoFactorSetup(t.db, actor, { code: await generate({ secret, epoch: T0.getTime() / 1000 - 60 }) }, at(T0, -minutes(1)), meta);
      return { m, secret, recoveryCodes };
    }
    const code = (secret: string, now: Date) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

    it("asks for the code only after a correct password", async () => {
      const { m, secret } = await withTwoFactor("tf@sec.test");
      expect(await signIn(m.email, "wrong-password", T0)).toEqual({ ok: false, error: "CredentialsSignin" });
      // A wrong password with a (valid) code: still the generic answer.
      expect(await signIn(m.email, "wrong-password", T0, ip(1), { totp: await code(secret, T0) })).toEqual({ ok: false, error: "CredentialsSignin" });
      expect(await signIn(m.email, TEST_PASSWORD, T0)).toEqual({ ok: false, error: "TwoFactorRequired" });
      expect(await signIn(m.email, TEST_PASSWORD, T0, ip(1), { totp: "000000" })).toEqual({ ok: false, error: "TwoFactorInvalid" });
      expect(await signIn(m.email, TEST_PASSWORD, T0, ip(1), { totp: await code(secret, T0) })).toMatchObject({ ok: true, secondFactor: "totp" });
    });

    it("a TOTP code works once (replay refused), the next period's works", async () => {
      const { m, secret } = await withTwoFactor("replay@sec.test");
      const c = await code(secret, T0);
      expect(await signIn(m.email, TEST_PASSWORD, T0, ip(1), { totp: c })).toMatchObject({ ok: true });
      expect(await signIn(m.email, TEST_PASSWORD, at(T0, 5000), ip(1), { totp: c })).toEqual({ ok: false, error: "TwoFactorInvalid" });
      const later = at(T0, 30_000);
      expect(await signIn(m.email, TEST_PASSWORD, later, ip(1), { totp: await code(secret, later) })).toMatchObject({ ok: true });
    });

    it("a recovery code signs in once", async () => {
      const { m, recoveryCodes } = await withTwoFactor("recovery@sec.test");
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      const rc = recoveryCodes[3]!;
      expect(await signIn(m.email, TEST_PASSWORD, T0, ip(1), { recoveryCode: rc.toUpperCase() })).toMatchObject({ ok: true, secondFactor: "recovery" });
      expect(await signIn(m.email, TEST_PASSWORD, at(T0, 1000), ip(1), { recoveryCode: rc })).toEqual({ ok: false, error: "TwoFactorInvalid" });
      expect(await signIn(m.email, TEST_PASSWORD, at(T0, 2000), ip(1), { recoveryCode: recoveryCodes[4]! })).toMatchObject({ ok: true });
    });

    it("5 wrong codes lock the second step like passwords", async () => {
      const { m, secret } = await withTwoFactor("tf-lock@sec.test");
      for (let i = 0; i < 5; i++) {
        expect(await signIn(m.email, TEST_PASSWORD, at(T0, i * 1000), ip(20 + i), { totp: "123456" })).toEqual({ ok: false, error: "TwoFactorInvalid" });
      }
      expect(await signIn(m.email, TEST_PASSWORD, at(T0, 6000), ip(30), { totp: await code(secret, at(T0, 6000)) })).toEqual({
        ok: false,
        error: "TooManyAttempts",
      });
      const later = at(T0, minutes(16));
      expect(await signIn(m.email, TEST_PASSWORD, later, ip(30), { totp: await code(secret, later) })).toMatchObject({ ok: true });
    });

    it("the TOTP secret is encrypted at rest", async () => {
      const { m, secret } = await withTwoFactor("atrest@sec.test");
      const [row] = await t.db.select({ s: users.totpSecret }).from(users).where(eq(users.id, m.userId));
      expect(row!.s).toMatch(/^v1\./);
      expect(row!.s).not.toContain(secret);
    });
  });
});
