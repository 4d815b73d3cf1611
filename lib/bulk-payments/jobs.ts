import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { bulkBatches, bulkItems } from "@/lib/db/schema";
import { defineJob } from "@/lib/jobs/define";
import { dispatchBatch, sendItem } from "./dispatch-batch";
import { purgeStaleDrafts } from "./validate-bulk-file";

const scoped = { integratorId: z.string().min(1).max(64) };

/**
 * Sends a processing batch's items one after another, a chunk per job (the next job is queued at
 * the end of a chunk). Re-run after a crash it resumes: every send is keyed by item and attempt.
 */
export const dispatchBatchJob = defineJob({
  name: "bulk.dispatch-batch",
  schema: z.object({ ...scoped, batchId: z.string().min(1).max(64) }),
  handler: async ({ db, data }) => dispatchBatch(db, data.batchId),
  // A chunk takes seconds; a worker killed mid-chunk has its job expired and retried within two minutes.
  options: { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
});

/** One item's delayed retry (its previous payout failed for a reason worth retrying). */
export const retryItemJob = defineJob({
  name: "bulk.retry-item",
  schema: z.object({ ...scoped, itemId: z.string().min(1).max(64) }),
  handler: async ({ db, data }) => {
    const [row] = await db
      .select({ item: bulkItems, batch: bulkBatches })
      .from(bulkItems)
      .innerJoin(bulkBatches, eq(bulkBatches.id, bulkItems.batchId))
      .where(and(eq(bulkItems.id, data.itemId), eq(bulkItems.status, "RETRY")))
      .limit(1);
    if (!row || row.batch.status !== "processing") return { skipped: true };
    return { outcome: await sendItem(db, row.batch, row.item) };
  },
  options: { retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 5 * 60 },
});

/** Daily: drafts (checked files nobody confirmed) older than a day. */
export const purgeDraftsJob = defineJob({
  name: "bulk.purge-drafts",
  schema: z.object({}),
  handler: async ({ db }) => ({ deleted: await purgeStaleDrafts(db, new Date()) }),
  options: { policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  cron: { expression: "23 4 * * *", data: {} },
});

export const bulkJobs = [dispatchBatchJob, retryItemJob, purgeDraftsJob] as const;
