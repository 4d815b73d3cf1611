import "server-only";
import { cookies } from "next/headers";
import { eq } from "drizzle-orm";
import type { StepUpCredentials } from "./step-up-fields";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { verifyPassword } from "./password";
import { lockState, recordAttempt, TOO_MANY_ATTEMPTS } from "./throttle";
import { RateLimitError, ValidationError } from "./errors";
import { accountActor, verifySecondFactor } from "./two-factor";
import type { Scope } from "./principal";
import type { RequestMeta } from "./guard";
import { decodeSessionToken, encodeSessionToken, SESSION_COOKIE, sessionCookieOptions } from "./session-cookie";

/**
 * Step-up authentication (ASVS 5.0 7.5.1): a sensitive change (generating an API key, revealing or
 * rotating the webhook secret, two-factor, password) asks for the password, or a current TOTP
 * code, again, unless this session gave one in the last five minutes. The time is a claim of the
 * session's own JWT (`stepUpAt`), so it belongs to this session only and ends with it.
 */
export const STEP_UP_SECONDS = 5 * 60;
export const STEP_UP_NEEDED = "Enter your password to confirm it is you.";
export const STEP_UP_WRONG = "That password is not correct.";


/**
 * When this request's session last proved its member (seconds since epoch): a step-up, or the
 * sign-in itself (`authTime`: a password and second factor given moments ago count). Null outside a request.
 */
async function sessionStepUpAt(): Promise<number | null> {
  try {
    const token = await decodeSessionToken((await cookies()).get(SESSION_COOKIE)?.value);
    const times = [token?.stepUpAt, token?.authTime].filter((v): v is number => typeof v === "number");
    return times.length ? Math.max(...times) : null;
  } catch {
    return null;
  }
}

async function markSessionSteppedUp(now: Date): Promise<void> {
  try {
    const jar = await cookies();
    const token = await decodeSessionToken(jar.get(SESSION_COOKIE)?.value);
    if (token) jar.set(SESSION_COOKIE, await encodeSessionToken(token, { stepUpAt: Math.floor(now.getTime() / 1000) }), sessionCookieOptions());
  } catch {
    /* Outside a request (a service test): nothing to remember. */
  }
}

/** Whether this session confirmed its identity within the last STEP_UP_SECONDS. */
export async function hasRecentStepUp(now = new Date()): Promise<boolean> {
  const at = await sessionStepUpAt();
  return at !== null && now.getTime() / 1000 - at <= STEP_UP_SECONDS && at <= now.getTime() / 1000 + 5;
}

/**
 * Passes when this session stepped up recently or `creds` prove the member again; throws a
 * ValidationError on the `password` field otherwise. Wrong passwords count as sign-in failures
 * (same throttle and lockout); wrong TOTP codes as TOTP failures.
 */
export async function requireStepUp(db: Db, scope: Scope, creds: StepUpCredentials, now: Date, meta?: Partial<RequestMeta>): Promise<void> {
  if (await hasRecentStepUp(now)) return;
  const actor = accountActor(scope, meta);
  const password = creds.password ?? "";
  const totp = creds.totpCode?.trim() ?? "";
  if (!password && !totp) throw new ValidationError(STEP_UP_NEEDED, { password: [STEP_UP_NEEDED] });

  const kind = password ? "password" : "totp";
  const lock = await lockState(db, { kind, email: actor.email, ip: actor.ip, now });
  if (lock.locked) throw new RateLimitError(TOO_MANY_ATTEMPTS, lock.retryAfterSeconds);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, totpSecret: users.totpSecret, totpEnabledAt: users.totpEnabledAt, totpLastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, actor.userId))
    .limit(1);
  const ok = password
    ? await verifyPassword(user?.passwordHash, password)
    : Boolean(user?.totpEnabledAt) && (await verifySecondFactor(db, user!, { totp }, now)) === "totp";
  await recordAttempt(db, { kind, email: actor.email, ip: actor.ip, success: ok, now });
  if (!ok) {
    await writeAudit(db, { ...auditedBy(scope, meta), action: "auth.step_up", outcome: "failure", metadata: { via: kind } });
    const message = password ? STEP_UP_WRONG : "That code is not correct.";
    throw new ValidationError(message, { [password ? "password" : "totpCode"]: [message] });
  }
  await markSessionSteppedUp(now);
}
