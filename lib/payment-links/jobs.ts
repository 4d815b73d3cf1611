import { inArray, lt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { checkoutAttempts } from "@/lib/db/schema";
import { defineJob } from "@/lib/jobs/define";
import { CHECKOUT_THROTTLE } from "./checkout-throttle";

/** Deletes checkout attempts older than the throttle keeps them (a day, far past its windows); in batches. */
export async function purgeCheckoutAttempts(db: Db, now: Date, opts: { batchSize?: number } = {}): Promise<number> {
  const cutoff = new Date(now.getTime() - CHECKOUT_THROTTLE.keepMs);
  const batch = opts.batchSize ?? 5000;
  let deleted = 0;
  for (;;) {
    const gone = await db
      .delete(checkoutAttempts)
      .where(inArray(checkoutAttempts.id, db.select({ id: checkoutAttempts.id }).from(checkoutAttempts).where(lt(checkoutAttempts.createdAt, cutoff)).limit(batch)))
      .returning({ id: checkoutAttempts.id });
    deleted += gone.length;
    if (gone.length < batch) return deleted;
  }
}

/** Hourly. Deleting is idempotent: a re-run after a crash finds less to delete. */
export const purgeCheckoutAttemptsJob = defineJob({
  name: "payment-links.purge-attempts",
  schema: z.object({}),
  handler: async ({ db }) => ({ deleted: await purgeCheckoutAttempts(db, new Date()) }),
  options: { policy: "singleton", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 10 * 60 },
  cron: { expression: "41 * * * *", data: {} },
});

export const paymentLinkJobs = [purgeCheckoutAttemptsJob] as const;
