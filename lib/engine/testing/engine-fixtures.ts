/**
 * Fixtures for the engine's tests and benchmarks: a job runtime on the test database, waiting for
 * a transaction's final status, and a fake pg-boss job for calling a handler directly (what a
 * second delivery of the same job looks like). Not for the app.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { OpenedDb } from "@/lib/db/client";
import { transactions } from "@/lib/db/schema";
import { setProcessJobs } from "@/lib/jobs/boss";
import { startJobs, type AnyJob, type JobsRuntime } from "@/lib/jobs/runtime";
import { FAST_BOSS, FAST_WORK, quietLog } from "@/lib/jobs/testing/jobs";
import { engineJobs } from "../jobs";
import { webhookJobs } from "@/lib/webhooks/jobs";
import { isOpenStatus } from "../statuses";

/** Fast simulator and a long expiry unless a test says otherwise (read when env() first loads). */
export function fastSandbox(): void {
  process.env.SANDBOX_SETTLE_SECONDS ??= "1";
  process.env.SANDBOX_SLOW_SETTLE_SECONDS ??= "3";
  process.env.PAYMENT_EXPIRY_SECONDS ??= "600";
}

/** The engine's jobs on the test database, as the process runtime (enqueue() uses it). */
export async function startEngineJobs(opened: OpenedDb, opts: { workers?: boolean; also?: readonly AnyJob[] } = {}): Promise<JobsRuntime> {
  const rt = await startJobs(opened, {
    // The engine's outbox events enqueue their webhook deliveries: the deliverer comes with it.
    jobs: [...(engineJobs as unknown as readonly AnyJob[]), ...(webhookJobs as unknown as readonly AnyJob[]), ...(opts.also ?? [])],
    boss: FAST_BOSS,
    work: { ...FAST_WORK, batchSize: 20, localConcurrency: 2 } as typeof FAST_WORK,
    workers: opts.workers ?? true,
    log: quietLog(),
  });
  setProcessJobs(rt);
  return rt;
}

export async function stopEngineJobs(rt: JobsRuntime | undefined): Promise<void> {
  setProcessJobs(undefined);
  await rt?.stop({ timeoutMs: 2000 });
}

export async function statusOf(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ status: transactions.status }).from(transactions).where(eq(transactions.id, id));
  return row?.status ?? "MISSING";
}

/** Waits until every id has left the open statuses (or `status` when given). */
export async function waitForFinal(db: Db, ids: string[], timeoutMs = 30_000): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db
      .select({ id: transactions.id, status: transactions.status })
      .from(transactions)
      .where(and(sql`${transactions.id} in ${ids}`));
    const map = new Map(rows.map((r) => [r.id, r.status]));
    if (ids.every((id) => map.has(id) && !isOpenStatus(map.get(id)!))) return map;
    if (Date.now() > deadline) throw new Error(`not final in ${timeoutMs} ms: ${JSON.stringify(Object.fromEntries(map))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What a (re)delivered pg-boss job looks like to a handler. */
export function fakeJob(name: string, id: string = randomUUID()) {
  return { id, name, data: {}, signal: new AbortController().signal } as never;
}
