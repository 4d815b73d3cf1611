import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { integrators, users } from "@/lib/db/schema";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { hashPassword, verifyPassword } from "./password";
import { isPersonalPassword, newPasswordSchema, PASSWORD_MESSAGES } from "./password-policy";
import { lockState, recordAttempt, TOO_MANY_ATTEMPTS } from "./throttle";
import { RateLimitError, ValidationError } from "./errors";
import { accountActor } from "./two-factor";
import { requireMember, type Scope } from "./principal";
import type { RequestMeta } from "./guard";

/** The signed-in user's own account: password change, ending other sessions, the team's two-factor rule. */

export const CURRENT_PASSWORD_WRONG = "Your current password is not correct.";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: PASSWORD_MESSAGES.confirm }).min(1, PASSWORD_MESSAGES.confirm).max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: PASSWORD_MESSAGES.mismatch })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

/**
 * Changes the password (the current one is required and throttled like sign-in). Bumps the
 * session version: every other session ends; the caller re-issues its own cookie with the
 * returned version.
 */
export async function changePassword(
  db: Db,
  scope: Scope,
  input: z.infer<typeof changePasswordSchema>,
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<{ sessionVersion: number }> {
  const actor = accountActor(scope, meta);
  if (isPersonalPassword(input.newPassword, actor.email)) {
    throw new ValidationError(PASSWORD_MESSAGES.personal, { newPassword: [PASSWORD_MESSAGES.personal] });
  }
  const lock = await lockState(db, { kind: "password", email: actor.email, ip: actor.ip, now });
  if (lock.locked) throw new RateLimitError(TOO_MANY_ATTEMPTS, lock.retryAfterSeconds);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!(await verifyPassword(user?.passwordHash, input.currentPassword))) {
    await recordAttempt(db, { kind: "password", email: actor.email, ip: actor.ip, success: false, now });
    await writeAudit(db, {
      ...auditedBy(scope, meta),
      action: "auth.password_changed",
      outcome: "failure",
      metadata: { via: "account", reason: "wrong_current_password" },
    });
    throw new ValidationError(CURRENT_PASSWORD_WRONG, { currentPassword: [CURRENT_PASSWORD_WRONG] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await recordAttempt(tx, { kind: "password", email: actor.email, ip: actor.ip, success: true, now });
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "auth.password_changed",
      targetType: "user",
      targetId: actor.userId,
      metadata: { via: "account", otherSessionsEnded: true },
    });
    return { sessionVersion: row!.sessionVersion };
  });
}

/** Ends every session of the user (the caller keeps its own by re-issuing its cookie). */
export async function endOtherSessions(db: Db, scope: Scope, meta?: Partial<RequestMeta>): Promise<{ sessionVersion: number }> {
  const actor = accountActor(scope, meta);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "auth.sessions_ended",
      targetType: "user",
      targetId: actor.userId,
    });
    return { sessionVersion: row!.sessionVersion };
  });
}

export const TEAM_TWO_FACTOR_OWN_FIRST = "Turn on two-factor authentication for your own account first.";

/** The organisation's rule: every member must use two-factor (settings.manage). */
export async function setTeamTwoFactorRequirement(
  db: Db,
  scope: Scope,
  input: { required: boolean },
  meta?: Partial<RequestMeta>,
): Promise<{ required: boolean }> {
  if (input.required) {
    const [me] = await db.select({ totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, requireMember(scope).userId)).limit(1);
    if (!me?.totpEnabledAt) throw new ValidationError(TEAM_TWO_FACTOR_OWN_FIRST);
  }
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ required: integrators.requireTwoFactor })
      .from(integrators)
      .where(eq(integrators.id, scope.integratorId))
      .limit(1);
    await tx.update(integrators).set({ requireTwoFactor: input.required }).where(eq(integrators.id, scope.integratorId));
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "settings.two_factor_requirement",
      targetType: "integrator",
      targetId: scope.integratorId,
      metadata: { from: before?.required ?? false, to: input.required },
    });
    return { required: input.required };
  });
}

export interface AccountOverview {
  passwordChangedAt: Date | null;
  lastSignInAt: Date | null;
  preferredEnvironment: "sandbox" | "production" | null;
  twoFactorEnabledAt: Date | null;
  recoveryCodesLeft: number;
  teamRequiresTwoFactor: boolean;
}

/** What the account page shows about the signed-in user. */
export async function getAccountOverview(db: Db, scope: Scope): Promise<AccountOverview> {
  const [row] = await db
    .select({
      passwordChangedAt: users.passwordChangedAt,
      lastSignInAt: users.lastSignInAt,
      preferredEnvironment: users.preferredEnvironment,
      twoFactorEnabledAt: users.totpEnabledAt,
      teamRequiresTwoFactor: integrators.requireTwoFactor,
      recoveryCodesLeft: sql<number>`(select count(*)::int from recovery_codes rc where rc.user_id = ${users.id} and rc.used_at is null)`,
    })
    .from(users)
    .innerJoin(integrators, eq(integrators.id, scope.integratorId))
    .where(eq(users.id, requireMember(scope).userId))
    .limit(1);
  if (!row) throw new ValidationError("Your account was not found");
  return { ...row, recoveryCodesLeft: Number(row.recoveryCodesLeft) };
}
