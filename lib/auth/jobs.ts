import { inArray, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { authAttempts, otpCodes } from "@/lib/db/schema";
import { defineJob } from "@/lib/jobs/define";
import { THROTTLE } from "./throttle";

/**
 * How long the auth area keeps rows nobody reads any more. The code only looks at
 * - auth_attempts within THROTTLE.windowMs (15 min) / resetWindowMs (1 h); the "last success"
 *   subquery of lockState only matters while it is newer than the 15-minute window, so deleting
 *   older rows never changes a lock decision;
 * - otp_codes until expires_at (10 minutes after issue): after that a code is refused whether it
 *   was used, voided or neither.
 * Thirty days is far past both, and keeps a month for investigating an incident.
 */
export const AUTH_RETENTION_DAYS = 30;
const RETENTION_MS = AUTH_RETENTION_DAYS * 86_400_000;
if (RETENTION_MS <= Math.max(THROTTLE.windowMs, THROTTLE.resetWindowMs) * 10) {
  throw new Error("AUTH_RETENTION_DAYS must stay far beyond the throttle windows");
}

/** Deletes otp codes expired, and auth attempts made, more than AUTH_RETENTION_DAYS before `now`; in batches, so no long lock. */
export async function purgeExpiredAuth(
  db: Db,
  now: Date,
  opts: { batchSize?: number } = {},
): Promise<{ otpCodes: number; authAttempts: number }> {
  const cutoff = new Date(now.getTime() - RETENTION_MS);
  const batch = opts.batchSize ?? 5000;
  let codes = 0;
  for (;;) {
    const gone = await db
      .delete(otpCodes)
      .where(
        inArray(
          otpCodes.id,
          db.select({ id: otpCodes.id }).from(otpCodes).where(lt(otpCodes.expiresAt, cutoff)).limit(batch),
        ),
      )
      .returning({ id: otpCodes.id });
    codes += gone.length;
    if (gone.length < batch) break;
  }
  let attempts = 0;
  for (;;) {
    const gone = await db
      .delete(authAttempts)
      .where(
        inArray(
          authAttempts.id,
          db.select({ id: authAttempts.id }).from(authAttempts).where(lt(authAttempts.createdAt, cutoff)).limit(batch),
        ),
      )
      .returning({ id: authAttempts.id });
    attempts += gone.length;
    if (gone.length < batch) break;
  }
  return { otpCodes: codes, authAttempts: attempts };
}

/** Daily at 03:17 UTC. Deleting is idempotent: a re-run after a crash just finds less to delete. */
export const purgeExpiredAuthJob = defineJob({
  name: "auth.purge-expired",
  schema: z.object({}),
  handler: async ({ db }) => {
    const deleted = await purgeExpiredAuth(db, new Date());
    if (deleted.otpCodes || deleted.authAttempts) {
      console.log(
        `[jobs] auth.purge-expired: deleted ${deleted.otpCodes} otp codes, ${deleted.authAttempts} auth attempts`,
      );
    }
    return deleted;
  },
  options: { policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  cron: { expression: "17 3 * * *", data: {} },
});

export const authJobs = [purgeExpiredAuthJob] as const;
