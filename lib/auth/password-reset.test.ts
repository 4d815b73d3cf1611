/**
 * Forgot password / first password with an emailed 6-digit code (targets S5, S6, S12), on a real
 * database with an injected clock: 9:59 accepted / 10:01 refused, single use, a new code voids
 * the old one, 5 wrong tries void it, 3 codes per hour, identical answers and (near-)identical
 * timing for unknown emails, sessions ended by a reset.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLogs, otpCodes, users } from "@/lib/db/schema";
import type { MailMessage } from "@/lib/mail/send-mail";
import { withTestDb, testEngines } from "@/test/db";
import { AppError, RateLimitError, ValidationError } from "./errors";
import { requestPasswordReset, resetPassword, RESET_MESSAGES, type ResetContext } from "./password-reset";
import { verifyPassword } from "./password";
import { authenticate } from "./sign-in";
import { addMember, at, createSecurityOrg, minutes } from "./testing";

const T0 = new Date("2026-03-02T09:00:00Z");
const NEW_PASSWORD = "Purple-Giraffe-Orbit-77";

describe.each(testEngines())("password reset with an emailed code (%s)", (engine) => {
  const t = withTestDb(engine);
  const outbox: MailMessage[] = [];
  const ctx = (now: Date, ip = "203.0.113.5"): ResetContext => ({ ip, userAgent: "vitest", now, deliver: (m) => outbox.push(m) });

  async function member(email: string, opts: { password?: boolean } = {}) {
    const org = await createSecurityOrg(t.db);
    return addMember(t.db, org, { email, ...opts });
  }
  async function request(email: string, now: Date, ip?: string) {
    const before = outbox.length;
    const res = await requestPasswordReset(t.db, { email }, ctx(now, ip));
    const mail = outbox.slice(before).find((m) => m.to === email.trim().toLowerCase());
    return { res, code: mail ? /\b(\d{6})\b/.exec(mail.text)![1]! : null, mail };
  }
  const reset = (email: string, code: string, now: Date, password = NEW_PASSWORD, confirmPassword = password) =>
    resetPassword(t.db, { email, code, password, confirmPassword }, ctx(now));
  const errorOf = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof AppError) return { status: e.status, message: e.message, fieldErrors: e.fieldErrors };
      throw e;
    }
    throw new Error("expected a refusal");
  };

  it("mails a 6-digit code (text + HTML), stores only its hash, and a reset with it works once", async () => {
    const m = await member("reset@sec.test");
    const { res, code, mail } = await request("Reset@Sec.test ", T0);
    expect(res).toEqual({ message: RESET_MESSAGES.sent });
    expect(code).toMatch(/^\d{6}$/);
    expect(mail!.subject).toBe("Your Kotani Pay password reset code");
    expect(mail!.html).toContain(code);
    expect(mail!.html).toContain("Kotani Pay");
    expect(mail!.text).toContain("expires in 10 minutes");

    const rows = await t.db.select().from(otpCodes).where(eq(otpCodes.userId, m.userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(rows[0]!.expiresAt.getTime() - T0.getTime()).toBe(minutes(10));

    const [before] = await t.db.select().from(users).where(eq(users.id, m.userId));
    expect(await reset(m.email, code!, at(T0, minutes(2)))).toEqual({ email: m.email });
    const [after] = await t.db.select().from(users).where(eq(users.id, m.userId));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1); // every session ends
    expect(after!.passwordChangedAt).toEqual(at(T0, minutes(2)));
    expect(await verifyPassword(after!.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(outbox.at(-1)).toMatchObject({ to: m.email, subject: "Your Kotani Pay password was changed" });

    // Reused: refused, nothing changes.
    expect(await errorOf(reset(m.email, code!, at(T0, minutes(3)), "Another-Long-Passphrase-9"))).toMatchObject({
      status: 400,
      fieldErrors: { code: [RESET_MESSAGES.invalidCode] },
    });
    const [still] = await t.db.select().from(users).where(eq(users.id, m.userId));
    expect(still!.passwordHash).toBe(after!.passwordHash);

    const audit = (await t.db.select().from(auditLogs).where(eq(auditLogs.actorUserId, m.userId))).map((r) => `${r.action}:${r.outcome}`);
    expect(audit).toEqual(expect.arrayContaining(["auth.otp_sent:success", "auth.otp_used:success", "auth.password_changed:success", "auth.otp_used:failure"]));
    const allAudit = JSON.stringify(await t.db.select().from(auditLogs));
    expect(allAudit).not.toContain(code);
    expect(allAudit).not.toContain(NEW_PASSWORD);
  });

  it("accepts a code at 9:59 and refuses it at 10:01", async () => {
    const a = await member("ttl-a@sec.test");
    const { code: codeA } = await request(a.email, T0);
    expect(await reset(a.email, codeA!, at(T0, minutes(10) - 1000))).toEqual({ email: a.email });

    const b = await member("ttl-b@sec.test");
    const { code: codeB } = await request(b.email, T0);
    expect(await errorOf(reset(b.email, codeB!, at(T0, minutes(10) + 1000)))).toMatchObject({ fieldErrors: { code: [RESET_MESSAGES.invalidCode] } });
  });

  it("a new code voids the previous one", async () => {
    const m = await member("void@sec.test");
    const { code: first } = await request(m.email, T0);
    const { code: second } = await request(m.email, at(T0, minutes(1)));
    expect(await errorOf(reset(m.email, first!, at(T0, minutes(2))))).toMatchObject({ status: 400 });
    expect(await reset(m.email, second!, at(T0, minutes(2)))).toEqual({ email: m.email });
  });

  it("5 wrong tries void the code: the right one is refused afterwards", async () => {
    const m = await member("tries@sec.test");
    const { code } = await request(m.email, T0);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 5; i++) await errorOf(reset(m.email, wrong, at(T0, 1000 * (i + 1))));
    const [row] = await t.db.select().from(otpCodes).where(eq(otpCodes.userId, m.userId));
    expect(row).toMatchObject({ attempts: 5 });
    expect(row!.voidedAt).not.toBeNull();
    // (Also the account's "otp" throttle is now locked for 15 minutes.)
    const refused = await errorOf(reset(m.email, code!, at(T0, minutes(16))));
    expect(refused).toMatchObject({ status: 400, fieldErrors: { code: [RESET_MESSAGES.invalidCode] } });
  });

  it("5 wrong codes in 15 minutes answer 429, then the lock lifts by itself", async () => {
    const m = await member("otp-lock@sec.test");
    const { code } = await request(m.email, T0);
    const wrong = code === "999999" ? "888888" : "999999";
    for (let i = 0; i < 4; i++) await errorOf(reset(m.email, wrong, at(T0, 1000 * (i + 1))));
    // A new code (the 4 tries counted against the old one), then a 5th failure locks the account.
    const { code: fresh } = await request(m.email, at(T0, minutes(1)));
    await errorOf(reset(m.email, wrong, at(T0, minutes(1) + 1000)));
    const locked = await errorOf(reset(m.email, fresh!, at(T0, minutes(2))));
    expect(locked).toMatchObject({ status: 429, message: "Too many attempts. Please wait a few minutes and try again." });
    const { code: third } = await request(m.email, at(T0, minutes(16)));
    expect(await reset(m.email, third!, at(T0, minutes(17)))).toEqual({ email: m.email });
  });

  it("at most 3 codes per account per hour: the 4th request answers the same and sends nothing", async () => {
    const m = await member("hourly@sec.test");
    const codes: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const { res, code } = await request(m.email, at(T0, minutes(i * 5)));
      expect(res).toEqual({ message: RESET_MESSAGES.sent });
      codes.push(code);
    }
    expect(codes.slice(0, 3).every((c) => c && /^\d{6}$/.test(c))).toBe(true);
    expect(codes[3]).toBeNull();
    // The 3rd code is still the live one.
    expect(await reset(m.email, codes[2]!, at(T0, minutes(16)))).toEqual({ email: m.email });
    // An hour after the first, a code again.
    expect((await request(m.email, at(T0, minutes(61)))).code).toMatch(/^\d{6}$/);
  });

  it("an unknown email gets the same answer, sends nothing and can't be told apart by a reset try", async () => {
    await member("exists@sec.test");
    const known = await request("exists@sec.test", T0, "203.0.113.50");
    const unknown = await request("ghost@sec.test", T0, "203.0.113.51");
    expect(unknown.res).toEqual(known.res);
    expect(unknown.code).toBeNull();
    expect(await errorOf(reset("ghost@sec.test", "123456", at(T0, 1000)))).toEqual(
      await errorOf(reset("exists@sec.test", known.code === "123456" ? "654321" : "123456", at(T0, 1000))),
    );
  });

  it("a per-IP ceiling: the 21st request in an hour from one network is refused (429)", async () => {
    const spray = "192.0.2.77";
    for (let i = 0; i < 20; i++) await request(`spray${i}@sec.test`, at(T0, i * 1000), spray);
    const refused = await requestPasswordReset(t.db, { email: "spray-last@sec.test" }, ctx(at(T0, 30_000), spray)).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitError);
    expect(refused).toMatchObject({ status: 429, message: RESET_MESSAGES.tooManyRequests });
    expect((refused as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
    expect((await request("spray-last@sec.test", at(T0, minutes(61)), spray)).res).toEqual({ message: RESET_MESSAGES.sent });
  });

  it("a user without a password sets the first one the same way, then signs in", async () => {
    const m = await member("first@sec.test", { password: false });
    expect(await authenticate(t.db, { email: m.email, password: NEW_PASSWORD }, { ip: "203.0.113.9" }, T0)).toEqual({ ok: false, error: "CredentialsSignin" });
    const { code, mail } = await request(m.email, T0);
    expect(mail!.subject).toBe("Your Kotani Pay code to set your password");
    expect(await reset(m.email, code!, at(T0, minutes(1)))).toEqual({ email: m.email });
    expect(outbox.at(-1)!.subject).toBe("Your Kotani Pay password is set");
    expect(await authenticate(t.db, { email: m.email, password: NEW_PASSWORD }, { ip: "203.0.113.9" }, at(T0, minutes(2)))).toMatchObject({ ok: true });
    const audit = await t.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.actorUserId, m.userId), eq(auditLogs.action, "auth.password_changed")));
    expect(audit[0]!.metadata).toMatchObject({ via: "first_password" });
  });

  it("bad input: clear field errors, nothing changed, never a 500", async () => {
    const m = await member("badinput@sec.test");
    const { code } = await request(m.email, T0);
    const cases: [Record<string, unknown>, string][] = [
      [{ email: "not-an-email", code: "123456", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "email"],
      [{ email: m.email, code: "12345", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "code"],
      [{ email: m.email, code: "12a456", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "code"],
      [{ email: m.email, code: code!, password: "short", confirmPassword: "short" }, "password"],
      [{ email: m.email, code: code!, password: "password1234", confirmPassword: "password1234" }, "password"],
      [{ email: m.email, code: code!, password: "qwertyuiop123", confirmPassword: "qwertyuiop123" }, "password"],
      [{ email: m.email, code: code!, password: "x".repeat(129), confirmPassword: "x".repeat(129) }, "password"],
      [{ email: m.email, code: code!, password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }, "confirmPassword"],
      [{ email: m.email, code: code!, password: "my-name-is-badinput", confirmPassword: "my-name-is-badinput" }, "password"],
      [{ email: m.email, code: code!, password: "Kotani-Backoffice-Pass", confirmPassword: "Kotani-Backoffice-Pass" }, "password"],
      [{ email: "x".repeat(100_000) + "@a.test", code: code!, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, "email"],
    ];
    for (const [input, field] of cases) {
      const e = await errorOf(resetPassword(t.db, input, ctx(at(T0, 1000))));
      expect(e.status, JSON.stringify(input).slice(0, 80)).toBe(400);
      expect(Object.keys(e.fieldErrors ?? {}), JSON.stringify(input).slice(0, 80)).toContain(field);
    }
    for (const input of [null, 42, { email: 12 }, { email: "a@b" }, { email: "" }]) {
      await expect(requestPasswordReset(t.db, input, ctx(T0))).rejects.toBeInstanceOf(ValidationError);
    }
    // The code still works: none of those were a "try" against it.
    expect(await reset(m.email, code!, at(T0, minutes(1)))).toEqual({ email: m.email });
  });

  it("unknown and known emails take the same time to answer (median gap over 200 samples)", async () => {
    await member("timing@sec.test");
    const known: number[] = [];
    const unknown: number[] = [];
    const SAMPLES = 200;
    // Each pair an hour apart (so the known email always gets a code) and from a fresh IP.
    for (let i = 0; i < SAMPLES + 10; i++) {
      const now = at(T0, minutes(61) * (i + 1));
      const order = i % 2 === 0 ? (["timing@sec.test", "nobody-timing@sec.test"] as const) : (["nobody-timing@sec.test", "timing@sec.test"] as const);
      for (const email of order) {
        const started = performance.now();
        await requestPasswordReset(t.db, { email }, { ip: `10.1.${i % 250}.${email.startsWith("n") ? 1 : 2}`, now, deliver: () => {} });
        const ms = performance.now() - started;
        if (i >= 10) (email === "timing@sec.test" ? known : unknown).push(ms); // 10 warm-up pairs
      }
    }
    const median = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
    };
    const gap = Math.abs(median(known) - median(unknown));
    // Paired (each known sample with the unknown one taken right next to it): robust to load drift.
    const paired = Math.abs(median(known.map((k, i) => k - unknown[i]!)));
    console.log(
      `[timing ${engine}] reset request, ${SAMPLES} samples each: known median ${median(known).toFixed(2)} ms, ` +
        `unknown median ${median(unknown).toFixed(2)} ms, gap of medians ${gap.toFixed(2)} ms, median paired gap ${paired.toFixed(2)} ms`,
    );
    expect(gap).toBeLessThan(10);
    expect(paired).toBeLessThan(10);
  }, 180_000);
});
