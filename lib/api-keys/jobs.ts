import { lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { apiKeyNonces, apiRateCounters } from "@/lib/db/schema";
import { defineJob } from "@/lib/jobs/define";
import { SIGNATURE_WINDOW_SECONDS } from "./request-signature";

/**
 * Deletes spent nonces once their timestamp window has passed (a replay that old is refused by its
 * timestamp anyway) and rate-limit windows older than an hour.
 */
export async function purgeApiCounters(db: Db, now: Date): Promise<{ nonces: number; counters: number }> {
  const nonceCutoff = new Date(now.getTime() - 2 * SIGNATURE_WINDOW_SECONDS * 1000);
  const counterCutoff = new Date(now.getTime() - 3600 * 1000);
  const nonces = await db.delete(apiKeyNonces).where(lt(apiKeyNonces.createdAt, nonceCutoff)).returning({ n: apiKeyNonces.nonce });
  const counters = await db.delete(apiRateCounters).where(lt(apiRateCounters.windowStart, counterCutoff)).returning({ n: apiRateCounters.count });
  return { nonces: nonces.length, counters: counters.length };
}

/** Every 10 minutes; idempotent. */
export const purgeApiCountersJob = defineJob({
  name: "api-keys.purge-counters",
  schema: z.object({}),
  handler: async ({ db }) => purgeApiCounters(db, new Date()),
  options: { policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  cron: { expression: "*/10 * * * *", data: {} },
});

export const apiKeyJobs = [purgeApiCountersJob] as const;
