import { randomInt } from "node:crypto";
import { and, eq, isNull, or, lt, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { integrators, memberships, recoveryCodes, users } from "@/lib/db/schema";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { requireMember, type Scope } from "./principal";
import type { RequestMeta } from "./guard";
import { decryptSecret, encryptSecret, hashCode } from "./crypto";
import { ConflictError, NotFoundError, RateLimitError, ValidationError } from "./errors";
import { lockState, recordAttempt, TOO_MANY_ATTEMPTS } from "./throttle";

/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s, ±1 step)
 * and ten one-time recovery codes.
 *
 * - The TOTP secret is stored AES-256-GCM encrypted (lib/auth/crypto.ts), bound to the user id.
 *   `totp_secret` set with `totp_enabled_at` null is a setup in progress (QR shown, not confirmed).
 * - A TOTP code is accepted once: the accepted time step is kept and older/equal steps refused.
 * - Recovery codes: 10 random codes of 10 characters (~49 bits) from a CSPRNG, stored as
 *   HMAC-SHA256 with a server key, shown once, each usable once.
 * - Wrong codes count as "totp" failures in the throttle (5 per 15 minutes per account).
 */
export const ISSUER = "Kotani Pay";
export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const TOTP_TOLERANCE_SECONDS = 30;

export const TWO_FACTOR_MESSAGES = {
  invalidCode: "That code is not valid. Check your authenticator app and try again.",
  codeFormat: "Enter the 6-digit code from your authenticator app",
  alreadyOn: "Two-factor authentication is already on.",
  notOn: "Two-factor authentication is not on.",
  noSetup: "Start the setup again: scan the new QR code.",
  requiredByTeam: "Your organisation requires two-factor authentication, so it can't be turned off.",
} as const;

export const totpCodeSchema = z
  .string({ error: TWO_FACTOR_MESSAGES.codeFormat })
  .trim()
  .regex(/^\d{6}$/, TWO_FACTOR_MESSAGES.codeFormat);

/** A TOTP code or a recovery code (dashes/spaces/case ignored). */
export const secondFactorSchema = z
  .string({ error: "Enter a code" })
  .trim()
  .min(1, "Enter a code")
  .max(32, "That code is not valid");

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

interface TotpUser {
  id: string;
  totpSecret: string | null;
  totpLastStep: number | null;
}

/** Verifies a TOTP code against the user's secret; the accepted time step, or null. */
export async function checkTotp(user: TotpUser, code: string, now: Date): Promise<number | null> {
  if (!user.totpSecret || !/^\d{6}$/.test(code)) return null;
  const secret = decryptSecret(user.totpSecret, user.id);
  if (!secret) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_TOLERANCE_SECONDS,
    ...(user.totpLastStep != null ? { afterTimeStep: user.totpLastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}

/** Marks a time step used; false when another request used it (or a later one) first. */
async function consumeStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

async function consumeRecoveryCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (!/^[a-z0-9]{10}$/.test(normalized)) return false;
  const digest = hashCode("recovery", userId, normalized);
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, digest), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

/**
 * The second factor: a 6-digit TOTP code, else a recovery code (consumed). Which one it was, or
 * null. Not throttled here: callers check and record "totp" attempts.
 */
export async function verifySecondFactor(
  db: Db,
  user: TotpUser,
  input: { totp?: string | null; recoveryCode?: string | null },
  now: Date,
): Promise<"totp" | "recovery" | null> {
  const totp = input.totp?.trim();
  if (totp) {
    const step = await checkTotp(user, totp, now);
    return step !== null && (await consumeStep(db, user.id, step)) ? "totp" : null;
  }
  const recovery = input.recoveryCode?.trim();
  if (recovery) return (await consumeRecoveryCode(db, user.id, recovery, now)) ? "recovery" : null;
  return null;
}

/** The member acting on their own account, and from where (throttling counts per email and IP). */
export function accountActor(scope: Scope, meta?: Partial<RequestMeta>) {
  const member = requireMember(scope);
  return { userId: member.userId, email: member.email, ip: meta?.ip ?? "unknown" };
}
type AccountActor = ReturnType<typeof accountActor>;

async function loadTotpUser(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw new NotFoundError();
  return row;
}

async function assertNotLocked(db: Db, actor: AccountActor, now: Date) {
  const lock = await lockState(db, { kind: "totp", email: actor.email, ip: actor.ip, now });
  if (lock.locked) throw new RateLimitError(TOO_MANY_ATTEMPTS, lock.retryAfterSeconds);
}

/** Step 1: a new secret (kept encrypted, pending), its otpauth:// URI and a QR code of it. */
export async function beginTwoFactorSetup(db: Db, scope: Scope): Promise<{ secret: string; uri: string; qrDataUrl: string }> {
  const user = await loadTotpUser(db, requireMember(scope).userId);
  if (user.totpEnabledAt) throw new ConflictError(TWO_FACTOR_MESSAGES.alreadyOn);
  const secret = generateSecret();
  await db
    .update(users)
    .set({ totpSecret: encryptSecret(secret, user.id), totpLastStep: null })
    .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)));
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: "M" });
  return { secret, uri, qrDataUrl };
}

/** Step 2: a code from the app confirms the secret; two-factor is on; ten recovery codes, shown once. */
export async function confirmTwoFactorSetup(
  db: Db,
  scope: Scope,
  input: { code: string },
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<{ recoveryCodes: string[]; sessionVersion: number }> {
  const actor = accountActor(scope, meta);
  await assertNotLocked(db, actor, now);
  const user = await loadTotpUser(db, actor.userId);
  if (user.totpEnabledAt) throw new ConflictError(TWO_FACTOR_MESSAGES.alreadyOn);
  if (!user.totpSecret) throw new ValidationError(TWO_FACTOR_MESSAGES.noSetup);
  const step = await checkTotp(user, input.code, now);
  if (step === null) {
    await recordAttempt(db, { kind: "totp", email: actor.email, ip: actor.ip, success: false, now });
    throw new ValidationError(TWO_FACTOR_MESSAGES.invalidCode, { code: [TWO_FACTOR_MESSAGES.invalidCode] });
  }
  const codes = newRecoveryCodes();
  const sessionVersion = await db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: step, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt), eq(users.totpSecret, user.totpSecret!)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!updated.length) throw new ConflictError(TWO_FACTOR_MESSAGES.noSetup);
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(
      codes.map((c) => ({ userId: user.id, codeHash: hashCode("recovery", user.id, normalizeRecoveryCode(c)), createdAt: now })),
    );
    await recordAttempt(tx, { kind: "totp", email: actor.email, ip: actor.ip, success: true, now });
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "auth.two_factor_enabled",
      targetType: "user",
      targetId: actor.userId,
      metadata: { method: "totp", recoveryCodes: RECOVERY_CODE_COUNT },
    });
    return updated[0]!.sessionVersion;
  });
  return { recoveryCodes: codes, sessionVersion };
}

async function requireCurrentFactor(db: Db, actor: AccountActor, code: string, now: Date) {
  await assertNotLocked(db, actor, now);
  const user = await loadTotpUser(db, actor.userId);
  if (!user.totpEnabledAt) throw new ConflictError(TWO_FACTOR_MESSAGES.notOn);
  const isTotp = /^\d{6}$/.test(code.trim());
  const method = await verifySecondFactor(db, user, isTotp ? { totp: code } : { recoveryCode: code }, now);
  if (!method) {
    await recordAttempt(db, { kind: "totp", email: actor.email, ip: actor.ip, success: false, now });
    throw new ValidationError(TWO_FACTOR_MESSAGES.invalidCode, { code: [TWO_FACTOR_MESSAGES.invalidCode] });
  }
  await recordAttempt(db, { kind: "totp", email: actor.email, ip: actor.ip, success: true, now });
  return { user, method };
}

/** Turns two-factor off (a current TOTP or recovery code is required); ends every session. */
export async function disableTwoFactor(
  db: Db,
  scope: Scope,
  input: { code: string },
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<{ sessionVersion: number }> {
  const actor = accountActor(scope, meta);
  const [team] = await db
    .select({ required: integrators.requireTwoFactor })
    .from(memberships)
    .innerJoin(integrators, eq(integrators.id, memberships.integratorId))
    .where(and(eq(memberships.userId, actor.userId), eq(memberships.status, "active")))
    .limit(1);
  if (team?.required) throw new ConflictError(TWO_FACTOR_MESSAGES.requiredByTeam);
  const { method } = await requireCurrentFactor(db, actor, input.code, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId))
      .returning({ sessionVersion: users.sessionVersion });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "auth.two_factor_disabled",
      targetType: "user",
      targetId: actor.userId,
      metadata: { confirmedWith: method },
    });
    return { sessionVersion: row!.sessionVersion };
  });
}

/** New recovery codes (the old ones stop working); needs a current code. */
export async function regenerateRecoveryCodes(
  db: Db,
  scope: Scope,
  input: { code: string },
  now: Date,
  meta?: Partial<RequestMeta>,
): Promise<{ recoveryCodes: string[] }> {
  const actor = accountActor(scope, meta);
  const { method } = await requireCurrentFactor(db, actor, input.code, now);
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await tx.insert(recoveryCodes).values(
      codes.map((c) => ({ userId: actor.userId, codeHash: hashCode("recovery", actor.userId, normalizeRecoveryCode(c)), createdAt: now })),
    );
    await writeAudit(tx, {
      ...auditedBy(scope, meta),
      action: "auth.recovery_codes_regenerated",
      targetType: "user",
      targetId: actor.userId,
      metadata: { confirmedWith: method },
    });
  });
  return { recoveryCodes: codes };
}
