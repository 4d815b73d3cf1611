import { getJobs } from "./boss";
import type { JobInput, JobName } from "./registry";
import type { EnqueueOptions, SqlExecutor } from "./runtime";

export type { EnqueueOptions } from "./runtime";

/**
 * Enqueues a registered job INSIDE the caller's transaction: a rollback leaves no job, a commit
 * always has it. `data` is checked against the job's schema (types here, zod at run time) before
 * the insert. Returns the job id (null when a singletonKey found the job already queued).
 *
 *   await db.transaction(async (tx) => {
 *     await tx.insert(payouts).values(row);
 *     await enqueue(tx, "payouts.notify", { payoutId: row.id });
 *   });
 */
export async function enqueue<N extends JobName>(
  tx: SqlExecutor,
  name: N,
  data: JobInput<N>,
  options?: EnqueueOptions,
): Promise<string | null> {
  return (await getJobs()).send(tx, name, data, options);
}

/** Many jobs of one queue in one insert, inside the caller's transaction. Returns their ids. */
export async function enqueueMany<N extends JobName>(tx: SqlExecutor, name: N, data: JobInput<N>[]): Promise<string[]> {
  return (await getJobs()).sendMany(tx, name, data);
}
