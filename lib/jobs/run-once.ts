import type { Db } from "@/lib/db/client";
import { jobEffects } from "@/lib/db/schema";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type RunOnceResult<T> = { ran: true; value: T } | { ran: false };

/**
 * Makes a job's effect happen once although pg-boss may run the job more than once (a worker
 * killed mid-run, an attempt that outlived expireInSeconds): the effect runs in a transaction that
 * also records (job id, step) in job_effects. A later run of the same job finds the row and skips
 * the effect; a run that died before committing left nothing, so the next one does it. Two runs at
 * the same time (PostgreSQL) serialise on the row: the second waits, then skips.
 *
 *   handler: async ({ db, data, job }) => {
 *     await runOnce(db, job, async (tx) => { await tx.update(wallets)…; await writeAudit(tx, …) });
 *   }
 *
 * Everything the effect writes must go through `tx`. Effects outside the database (a mail, an
 * HTTP call) cannot be made exactly-once this way: send them after runOnce returns `ran: true`, or
 * make them idempotent on the far side (an idempotency key = the job id).
 */
export async function runOnce<T>(
  db: Db,
  job: { id: string; name: string },
  effect: (tx: Tx) => Promise<T>,
  step = "",
): Promise<RunOnceResult<T>> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(jobEffects)
      .values({ jobId: job.id, step, queue: job.name })
      .onConflictDoNothing()
      .returning({ jobId: jobEffects.jobId });
    if (claimed.length === 0) return { ran: false } as const;
    return { ran: true, value: await effect(tx) } as const;
  });
}
