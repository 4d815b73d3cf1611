import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { runOnce } from "@/lib/jobs/run-once";
import { advanceTransaction } from "./advance-transaction";
import { submitToProvider } from "./process-transaction";
import { completeOfframpRefund } from "./retry-offramp-refund";

/**
 * The engine's jobs. Each effect runs through runOnce (exactly once per job) and advanceTransaction
 * (exactly once per transition), so a job delivered twice, or retried after a crash, changes
 * nothing the second time.
 */
const ref = z.object({ integratorId: z.string().min(1), transactionId: z.string().min(1) });

/** Settlements are what people watch on screen: poll every second, several at a time. */
const work = { batchSize: 10, localConcurrency: 2, pollingIntervalSeconds: 1 };

export const submitJob = defineJob({
  name: "engine.submit",
  schema: ref,
  options: { retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  work,
  handler: async ({ db, data, job }) => runOnce(db, job, (tx) => submitToProvider(tx, data)),
});

export const settleJob = defineJob({
  name: "engine.settle",
  schema: ref.extend({
    status: z.enum(["SUCCESSFUL", "FAILED", "CANCELLED"]),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    telcoId: z.string().nullable(),
  }),
  options: { retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  work,
  handler: async ({ db, data, job }) =>
    runOnce(db, job, async (tx) => {
      const row = await advanceTransaction(tx, {
        integratorId: data.integratorId,
        transactionId: data.transactionId,
        to: data.status,
        errorCode: data.errorCode,
        errorMessage: data.errorMessage,
        telcoId: data.telcoId,
        note: data.status === "SUCCESSFUL" ? `Confirmed by the network${data.telcoId ? ` (receipt ${data.telcoId})` : ""}` : data.errorMessage,
      });
      return { applied: row !== null };
    }),
});

export const expireJob = defineJob({
  name: "engine.expire",
  schema: ref,
  options: { retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 },
  handler: async ({ db, data, job }) =>
    runOnce(db, job, async (tx) => {
      const row = await advanceTransaction(tx, {
        ...data,
        to: "EXPIRED",
        errorCode: "EXPIRED",
        errorMessage: "No final answer from the network in time",
      });
      return { applied: row !== null };
    }),
});

export const refundJob = defineJob({
  name: "engine.offramp-refund",
  schema: ref,
  options: { retryLimit: 10, retryDelay: 2, retryBackoff: true, retryDelayMax: 300 },
  handler: async ({ db, data, job }) => runOnce(db, job, (tx) => completeOfframpRefund(tx, data)),
});

export const engineJobs = [submitJob, settleJob, expireJob, refundJob] as const;
