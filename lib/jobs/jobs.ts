import { inArray, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { jobEffects } from "@/lib/db/schema";
import { defineJob } from "./define";

/**
 * job_effects rows only matter while pg-boss may still run their job again: while it is queued
 * (retentionSeconds, 14 days by default), running, or failed and retryable by hand (kept
 * deleteAfterSeconds, 7 days by default, after it ended). Sixty days is well past that.
 */
export const JOB_EFFECTS_RETENTION_DAYS = 60;

export async function purgeJobEffects(db: Db, now: Date, opts: { batchSize?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - JOB_EFFECTS_RETENTION_DAYS * 86_400_000);
  const batch = opts.batchSize ?? 5000;
  let total = 0;
  for (;;) {
    const old = db
      .select({ id: jobEffects.jobId })
      .from(jobEffects)
      .where(lt(jobEffects.createdAt, cutoff))
      .limit(batch);
    const gone = await db.delete(jobEffects).where(inArray(jobEffects.jobId, old)).returning({ id: jobEffects.jobId });
    total += gone.length;
    if (gone.length < batch) return total;
  }
}

/** Daily at 03:47 UTC. */
export const purgeJobEffectsJob = defineJob({
  name: "jobs.purge-effects",
  schema: z.object({}),
  handler: async ({ db }) => ({ deleted: await purgeJobEffects(db, new Date()) }),
  options: { policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  cron: { expression: "47 3 * * *", data: {} },
});

export const systemJobs = [purgeJobEffectsJob] as const;
