import { randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { memberships, otpCodes, users } from "@/lib/db/schema";
import { newId } from "@/lib/db/schema/ids";
import { writeAudit } from "@/lib/audit/write-audit";
import type { MailMessage } from "@/lib/mail/send-mail";
import { passwordResetMail, passwordChangedMail } from "@/lib/mail/templates";
import { hashCode, sameDigest } from "./crypto";
import { hashPassword } from "./password";
import { isPersonalPassword, newPasswordSchema, PASSWORD_MESSAGES } from "./password-policy";
import { failureLocksAccount, lockoutMetadata, lockState, normalizeEmail, recordAttempt, resetRequestCounts, THROTTLE, TOO_MANY_ATTEMPTS } from "./throttle";
import { RateLimitError, ValidationError } from "./errors";

/**
 * Forgot password / first password with a 6-digit code by email (target S5, A5 6.5.x):
 * - the code comes from a CSPRNG (crypto.randomInt), is stored only as HMAC-SHA256 with a server
 *   key bound to its row id, lasts 10 minutes, works once; a new code voids the older ones;
 *   5 wrong tries void it; at most 3 codes per account per hour (then requests are answered the
 *   same but send nothing);
 * - unknown and known emails get the same response and do the same work (the mail is sent after
 *   the response, through `ctx.deliver`);
 * - a reset sets the password, `password_changed_at`, and bumps `session_version` (every session
 *   of the user ends), then mails a notice (A5 6.3.7). It never signs anyone in: two-factor
 *   still applies at sign-in (A5 6.4.3).
 * A user with no password yet (new integrator, invited teammate) sets the first one the same way.
 */
export const OTP_TTL_MS = 10 * 60_000;
export const OTP_MAX_ATTEMPTS = 5;

export const RESET_MESSAGES = {
  sent: "If an account exists for that email, we've sent it a 6-digit code. It expires in 10 minutes.",
  invalidCode: "This code is invalid or has expired. Request a new one.",
  codeFormat: "Enter the 6-digit OTP from the email",
  email: "Enter a valid email address",
  tooManyRequests: "Too many requests from your network. Please wait a while and try again.",
} as const;

const emailSchema = z
  .string({ error: RESET_MESSAGES.email })
  .trim()
  .min(1, RESET_MESSAGES.email)
  .max(254, RESET_MESSAGES.email)
  .email(RESET_MESSAGES.email)
  .transform(normalizeEmail);

export const requestResetSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    email: emailSchema,
    code: z
      .string({ error: RESET_MESSAGES.codeFormat })
      .trim()
      .regex(/^\d{6}$/, RESET_MESSAGES.codeFormat),
    password: newPasswordSchema,
    confirmPassword: z.string({ error: PASSWORD_MESSAGES.confirm }).min(1, PASSWORD_MESSAGES.confirm).max(256),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: PASSWORD_MESSAGES.mismatch });
    if (isPersonalPassword(v.password, v.email)) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_MESSAGES.personal });
  });

export interface ResetContext {
  ip: string;
  userAgent?: string | null;
  now: Date;
  /** Sends a mail after the response (server action: next/server `after`; tests: collect). */
  deliver: (message: MailMessage) => void;
}

function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid input", fieldErrors);
}

async function findAccount(db: Db, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      integratorId: memberships.integratorId,
    })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.status, "active")))
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  return row ?? null;
}

/** Placeholder id for the unknown-email path: same queries, matching nothing. */
const NO_USER = "00000000-no-such-user";

/** "Send Reset OTP". Always the same answer for a well-formed email. */
export async function requestPasswordReset(db: Db, input: unknown, ctx: ResetContext): Promise<{ message: string }> {
  const { email } = parseOrThrow(requestResetSchema, input);
  const counts = await resetRequestCounts(db, { email, ip: ctx.ip, now: ctx.now });
  if (counts.ipRequests >= THROTTLE.resetRequestsPerIp) {
    throw new RateLimitError(RESET_MESSAGES.tooManyRequests, Math.ceil(THROTTLE.resetWindowMs / 1000));
  }
  const account = await findAccount(db, email);
  const allowed = account !== null && counts.codesIssued < THROTTLE.resetCodesPerAccount;
  const userId = allowed ? account.id : NO_USER;

  // The same statements on both paths; only the known, allowed one matches rows.
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(ctx.now.getTime() + OTP_TTL_MS);
  await db.transaction(async (tx) => {
    await tx
      .update(otpCodes)
      .set({ voidedAt: ctx.now })
      .where(and(eq(otpCodes.userId, userId), isNull(otpCodes.usedAt), isNull(otpCodes.voidedAt)));
    if (allowed) {
      const id = newId();
      await tx.insert(otpCodes).values({ id, userId, purpose: "password_reset", codeHash: hashCode("otp", id, code), expiresAt, createdAt: ctx.now });
    } else {
      hashCode("otp", newId(), code);
      await tx.select({ id: otpCodes.id }).from(otpCodes).where(eq(otpCodes.userId, userId)).limit(1);
    }
    await recordAttempt(tx, { kind: "reset_request", email, ip: ctx.ip, success: allowed, now: ctx.now });
    await writeAudit(tx, {
      integratorId: account?.integratorId ?? null,
      actorUserId: account?.id ?? null,
      actorEmail: email,
      action: "auth.otp_sent",
      targetType: "user",
      targetId: account?.id,
      outcome: allowed ? "success" : "denied",
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      metadata: allowed
        ? { purpose: account.hasPassword ? "password_reset" : "first_password", expiresAt: expiresAt.toISOString() }
        : { reason: account ? "hourly_limit" : "unknown_email" },
    });
  });
  if (allowed) ctx.deliver(passwordResetMail({ to: account.email, name: account.name, code, firstPassword: !account.hasPassword }));
  return { message: RESET_MESSAGES.sent };
}

/** "Reset Password": email + code + new password. */
export async function resetPassword(db: Db, input: unknown, ctx: ResetContext): Promise<{ email: string }> {
  const data = parseOrThrow(resetPasswordSchema, input);
  const { email } = data;
  const lock = await lockState(db, { kind: "otp", email, ip: ctx.ip, now: ctx.now });
  if (lock.locked) throw new RateLimitError(TOO_MANY_ATTEMPTS, lock.retryAfterSeconds);

  const account = await findAccount(db, email);
  const [current] = await db
    .select({ id: otpCodes.id, codeHash: otpCodes.codeHash, attempts: otpCodes.attempts, expiresAt: otpCodes.expiresAt })
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.userId, account?.id ?? NO_USER),
        eq(otpCodes.purpose, "password_reset"),
        isNull(otpCodes.usedAt),
        isNull(otpCodes.voidedAt),
      ),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  const digest = hashCode("otp", current?.id ?? NO_USER, data.code);
  const live = Boolean(current && current.expiresAt.getTime() > ctx.now.getTime() && current.attempts < OTP_MAX_ATTEMPTS);
  const matches = Boolean(current) && sameDigest(digest, current!.codeHash);

  if (!live || !matches) {
    // A wrong try on a live code counts against it; the 5th voids it.
    await db
      .update(otpCodes)
      .set({
        attempts: sql`${otpCodes.attempts} + 1`,
        voidedAt: sql`case when ${otpCodes.attempts} + 1 >= ${OTP_MAX_ATTEMPTS} then ${ctx.now.toISOString()}::timestamptz else null end`,
      })
      .where(and(eq(otpCodes.id, live && current ? current.id : NO_USER), isNull(otpCodes.voidedAt), isNull(otpCodes.usedAt)));
    await recordAttempt(db, { kind: "otp", email, ip: ctx.ip, success: false, now: ctx.now });
    await writeAudit(db, {
      integratorId: account?.integratorId ?? null,
      actorUserId: account?.id ?? null,
      actorEmail: email,
      action: "auth.otp_used",
      outcome: "failure",
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      metadata: { reason: !current ? "no_code" : !live ? "expired_or_void" : "wrong_code" },
    });
    if (failureLocksAccount(lock)) {
      await writeAudit(db, {
        integratorId: account?.integratorId ?? null,
        actorUserId: account?.id ?? null,
        actorEmail: email,
        action: "auth.lockout",
        outcome: "denied",
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        metadata: lockoutMetadata("otp"),
      });
    }
    throw new ValidationError(RESET_MESSAGES.invalidCode, { code: [RESET_MESSAGES.invalidCode] });
  }

  const passwordHash = await hashPassword(data.password);
  const firstPassword = !account!.hasPassword;
  await db.transaction(async (tx) => {
    const used = await tx
      .update(otpCodes)
      .set({ usedAt: ctx.now })
      .where(and(eq(otpCodes.id, current!.id), isNull(otpCodes.usedAt), isNull(otpCodes.voidedAt), gt(otpCodes.expiresAt, ctx.now)))
      .returning({ id: otpCodes.id });
    if (!used.length) throw new ValidationError(RESET_MESSAGES.invalidCode, { code: [RESET_MESSAGES.invalidCode] });
    await tx
      .update(otpCodes)
      .set({ voidedAt: ctx.now })
      .where(and(eq(otpCodes.userId, account!.id), ne(otpCodes.id, current!.id), isNull(otpCodes.usedAt), isNull(otpCodes.voidedAt)));
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.now, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, account!.id));
    await recordAttempt(tx, { kind: "otp", email, ip: ctx.ip, success: true, now: ctx.now });
    const base = { integratorId: account!.integratorId, actorUserId: account!.id, actorEmail: email, targetType: "user", targetId: account!.id, ip: ctx.ip, userAgent: ctx.userAgent };
    await writeAudit(tx, { ...base, action: "auth.otp_used", metadata: { purpose: firstPassword ? "first_password" : "password_reset" } });
    await writeAudit(tx, { ...base, action: "auth.password_changed", metadata: { via: firstPassword ? "first_password" : "reset", sessionsEnded: true } });
  });
  ctx.deliver(passwordChangedMail({ to: account!.email, name: account!.name, firstPassword, at: ctx.now }));
  return { email };
}
