import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { authAttempts } from "@/lib/db/schema";

/**
 * Throttling counted in the database (auth_attempts), so it holds across app instances and
 * restarts (targets S4/S5). Every figure lives here.
 *
 * - Per account (the email as typed, lower-cased, so unknown emails behave exactly like known
 *   ones): 5 failures of one kind within 15 minutes lock that kind for the account, whatever the
 *   IP. A success of that kind starts the count again. Refused attempts are not recorded, so a
 *   lock lifts by itself 15 minutes after the 5th-last failure, and an account can never see
 *   more than 20 failures an hour (A4 2.2.1: at most 100).
 * - Per IP: 50 failures (all kinds) within 15 minutes lock the IP.
 * - Reset codes: at most 3 issued per account per hour; 20 requests per IP per hour.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  accountFailures: 5,
  ipFailures: 50,
  resetWindowMs: 60 * 60_000,
  resetCodesPerAccount: 3,
  resetRequestsPerIp: 20,
} as const;

export type AttemptKind = "password" | "otp" | "totp" | "reset_request";
const FAILURE_KINDS: AttemptKind[] = ["password", "otp", "totp"];

export const TOO_MANY_ATTEMPTS = "Too many attempts. Please wait a few minutes and try again.";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

export async function recordAttempt(
  db: Pick<Db, "insert">,
  a: { kind: AttemptKind; email: string; ip: string; success: boolean; now: Date },
): Promise<void> {
  await db.insert(authAttempts).values({
    kind: a.kind,
    email: normalizeEmail(a.email),
    ip: a.ip.slice(0, 64),
    success: a.success,
    createdAt: a.now,
  });
}

export interface LockState {
  locked: boolean;
  /** What is locked: the account (this email) or the client's IP. */
  scope?: "account" | "ip";
  /** Seconds until the lock lifts by itself. */
  retryAfterSeconds: number;
  /** Failures counted for the account in the window (after its last success). */
  accountFailures: number;
}

/** Is this kind of attempt locked for this email or IP at `now`? */
export async function lockState(db: Db, q: { kind: AttemptKind; email: string; ip: string; now: Date }): Promise<LockState> {
  const email = normalizeEmail(q.email);
  const since = new Date(q.now.getTime() - THROTTLE.windowMs);
  const lastSuccess = db
    .select({ at: sql`max(${authAttempts.createdAt})` })
    .from(authAttempts)
    .where(and(eq(authAttempts.kind, q.kind), eq(authAttempts.email, email), eq(authAttempts.success, true)));
  const accountRows = await db
    .select({ at: authAttempts.createdAt })
    .from(authAttempts)
    .where(
      and(
        eq(authAttempts.kind, q.kind),
        eq(authAttempts.email, email),
        eq(authAttempts.success, false),
        gt(authAttempts.createdAt, since),
        sql`${authAttempts.createdAt} <= ${q.now.toISOString()}`,
        sql`${authAttempts.createdAt} > coalesce((${lastSuccess}), '-infinity'::timestamptz)`,
      ),
    )
    .orderBy(desc(authAttempts.createdAt))
    .limit(THROTTLE.accountFailures);
  if (accountRows.length >= THROTTLE.accountFailures) {
    const oldest = accountRows[THROTTLE.accountFailures - 1]!.at;
    return { locked: true, scope: "account", retryAfterSeconds: secondsUntil(oldest, q.now), accountFailures: accountRows.length };
  }
  const ipRows = await db
    .select({ at: authAttempts.createdAt })
    .from(authAttempts)
    .where(
      and(
        inArray(authAttempts.kind, FAILURE_KINDS),
        eq(authAttempts.ip, q.ip.slice(0, 64)),
        eq(authAttempts.success, false),
        gt(authAttempts.createdAt, since),
        sql`${authAttempts.createdAt} <= ${q.now.toISOString()}`,
      ),
    )
    .orderBy(desc(authAttempts.createdAt))
    .limit(THROTTLE.ipFailures);
  if (ipRows.length >= THROTTLE.ipFailures) {
    const oldest = ipRows[THROTTLE.ipFailures - 1]!.at;
    return { locked: true, scope: "ip", retryAfterSeconds: secondsUntil(oldest, q.now), accountFailures: accountRows.length };
  }
  return { locked: false, retryAfterSeconds: 0, accountFailures: accountRows.length };
}

function secondsUntil(oldestCounted: Date, now: Date): number {
  return Math.max(1, Math.ceil((oldestCounted.getTime() + THROTTLE.windowMs - now.getTime()) / 1000));
}

/** Reset-code requests: how many codes this email got, and how many requests this IP made, in the last hour. */
export async function resetRequestCounts(db: Db, q: { email: string; ip: string; now: Date }): Promise<{ codesIssued: number; ipRequests: number }> {
  const since = new Date(q.now.getTime() - THROTTLE.resetWindowMs);
  const window = and(
    eq(authAttempts.kind, "reset_request"),
    gt(authAttempts.createdAt, since),
    sql`${authAttempts.createdAt} <= ${q.now.toISOString()}`,
  );
  const [row] = await db
    .select({
      codesIssued: sql<number>`count(*) filter (where ${authAttempts.email} = ${normalizeEmail(q.email)} and ${authAttempts.success})::int`,
      ipRequests: sql<number>`count(*) filter (where ${authAttempts.ip} = ${q.ip.slice(0, 64)})::int`,
    })
    .from(authAttempts)
    .where(window);
  return { codesIssued: Number(row?.codesIssued ?? 0), ipRequests: Number(row?.ipRequests ?? 0) };
}

/**
 * Whether the failure about to be recorded is the one that locks the account (the lock state was
 * read before it): the moment every caller writes its `auth.lockout` audit row.
 */
export function failureLocksAccount(lock: Pick<LockState, "accountFailures">): boolean {
  return lock.accountFailures + 1 >= THROTTLE.accountFailures;
}

/** What an `auth.lockout` audit row says: which kind of attempt is locked, and for how long. */
export function lockoutMetadata(kind: AttemptKind): { kind: AttemptKind; minutes: number } {
  return { kind, minutes: THROTTLE.windowMs / 60_000 };
}
