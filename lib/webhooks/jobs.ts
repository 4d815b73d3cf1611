import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { deliverWebhook } from "./deliver-webhook";

/**
 * Webhook delivery: one job per attempt. HTTP failures are not job failures: the handler records
 * the attempt and enqueues the next one itself (its own backoff, up to 24 h, §4.3). pg-boss's own
 * retries only cover a crash mid-attempt.
 */
export const deliverJob = defineJob({
  name: "webhooks.deliver",
  schema: z.object({
    eventId: z.number().int().positive(),
    deliveryKey: z.string().min(1).max(100),
    attempt: z.number().int().min(1).max(100),
    firstAttemptAt: z.string().nullable(),
    resendOf: z.string().nullable(),
  }),
  options: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
  work: { batchSize: 5, localConcurrency: 2, pollingIntervalSeconds: 1 },
  handler: async ({ db, data }) => deliverWebhook(db, data),
});

export const webhookJobs = [deliverJob] as const;
