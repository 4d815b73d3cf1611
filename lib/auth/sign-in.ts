import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { memberships, users } from "@/lib/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import type { AuditAction } from "@/lib/audit/actions";
import { verifyPassword } from "./password";
import { failureLocksAccount, lockoutMetadata, lockState, recordAttempt } from "./throttle";
import { verifySecondFactor } from "./two-factor";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(1024),
  /** Second step, when two-factor is on: a 6-digit code from the app, or a recovery code. */
  totp: z.string().max(32).optional(),
  recoveryCode: z.string().max(32).optional(),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
}

/**
 * The error codes the credentials provider reports (next-auth puts them in `?error=`):
 * - CredentialsSignin: unknown email, wrong password, no password yet, no active membership;
 * - TooManyAttempts: the account or IP is locked (the route answers 429);
 * - TwoFactorRequired: the password was right and the account has two-factor: ask for a code;
 * - TwoFactorInvalid: the password was right but the code was not.
 * The last two are only ever reached with the right password, so they tell nothing to someone
 * who doesn't have it.
 */
export type SignInError = "CredentialsSignin" | "TooManyAttempts" | "TwoFactorRequired" | "TwoFactorInvalid";
export type SignInOutcome = { ok: true; user: SignedInUser; secondFactor: "totp" | "recovery" | null } | { ok: false; error: SignInError };

interface Meta {
  ip: string;
  userAgent?: string | null;
}

/**
 * Sign-in, step by step: throttle (per account and per IP, before any password work), one
 * argon2 verification always (a dummy hash for unknown emails, so the timing tells nothing),
 * then the second factor when the account has one. Every outcome writes an audit row.
 */
export async function authenticate(db: Db, input: unknown, meta: Meta, now: Date = new Date()): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "CredentialsSignin" };
  const { email, password } = parsed.data;
  const audit = (e: { integratorId: string | null; userId: string | null; action?: AuditAction; outcome?: "success" | "failure" | "denied"; metadata?: Record<string, unknown> }) =>
    writeAudit(db, {
      integratorId: e.integratorId,
      actorUserId: e.userId,
      actorEmail: email,
      action: e.action ?? "auth.sign_in",
      outcome: e.outcome ?? "success",
      ip: meta.ip,
      userAgent: meta.userAgent,
      metadata: e.metadata,
    });

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      sessionVersion: users.sessionVersion,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
      integratorId: memberships.integratorId,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.status, "active")))
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  const integratorId = user?.integratorId ?? null;

  const lock = await lockState(db, { kind: "password", email, ip: meta.ip, now });
  if (lock.locked) {
    await audit({ integratorId, userId: user?.id ?? null, outcome: "denied", metadata: { reason: "locked", lock: lock.scope } });
    return { ok: false, error: "TooManyAttempts" };
  }

  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || !user.integratorId) {
    await recordAttempt(db, { kind: "password", email, ip: meta.ip, success: false, now });
    await audit({ integratorId, userId: user?.id ?? null, outcome: "failure" });
    if (failureLocksAccount(lock)) {
      await audit({ integratorId, userId: user?.id ?? null, action: "auth.lockout", outcome: "denied", metadata: lockoutMetadata("password") });
    }
    return { ok: false, error: "CredentialsSignin" };
  }
  await recordAttempt(db, { kind: "password", email, ip: meta.ip, success: true, now });

  let secondFactor: "totp" | "recovery" | null = null;
  if (user.totpEnabledAt) {
    const { totp, recoveryCode } = parsed.data;
    if (!totp?.trim() && !recoveryCode?.trim()) return { ok: false, error: "TwoFactorRequired" };
    const totpLock = await lockState(db, { kind: "totp", email, ip: meta.ip, now });
    if (totpLock.locked) {
      await audit({ integratorId, userId: user.id, outcome: "denied", metadata: { reason: "locked", lock: totpLock.scope, factor: "totp" } });
      return { ok: false, error: "TooManyAttempts" };
    }
    secondFactor = await verifySecondFactor(db, user, { totp, recoveryCode }, now);
    if (!secondFactor) {
      await recordAttempt(db, { kind: "totp", email, ip: meta.ip, success: false, now });
      await audit({ integratorId, userId: user.id, outcome: "failure", metadata: { factor: totp ? "totp" : "recovery" } });
      if (failureLocksAccount(totpLock)) {
        await audit({ integratorId, userId: user.id, action: "auth.lockout", outcome: "denied", metadata: lockoutMetadata("totp") });
      }
      return { ok: false, error: "TwoFactorInvalid" };
    }
    await recordAttempt(db, { kind: "totp", email, ip: meta.ip, success: true, now });
  }

  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await audit({ integratorId: user.integratorId, userId: user.id, metadata: secondFactor ? { secondFactor } : undefined });
  return {
    ok: true,
    secondFactor,
    user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion },
  };
}

/** Email + password only (no second factor): the user, or null. Kept for callers of the foundation API. */
export async function authenticatePassword(db: Db, input: unknown, meta: Meta): Promise<SignedInUser | null> {
  const outcome = await authenticate(db, input, meta);
  return outcome.ok ? outcome.user : null;
}
