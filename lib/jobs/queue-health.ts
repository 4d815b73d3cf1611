import "server-only";
import type { Db } from "@/lib/db/client";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { NotFoundError, ValidationError } from "@/lib/auth/errors";
import type { Scope } from "@/lib/auth/scope";
import { getJobs } from "./boss";
import { inTransaction, JOBS_SCHEMA, type JobsRuntime } from "./runtime";

export interface FailedJob {
  id: string;
  /** The error message the last attempt ended with (no stack, no payload). */
  error: string;
  failedAt: Date | null;
  /** Attempts made (1 + retries). */
  attempts: number;
}

export interface QueueHealth {
  name: string;
  /** Waiting to run: created, or retry (waiting out its backoff). */
  queued: number;
  active: number;
  failed: number;
  completed: number;
  /** The 10 most recent failures still kept (pg-boss deletes finished jobs after deleteAfterSeconds). */
  lastFailed: FailedJob[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function errorText(output: unknown): string {
  if (output && typeof output === "object") {
    const message = (output as { message?: unknown }).message;
    if (typeof message === "string" && message) return message.slice(0, 1000);
    return JSON.stringify(output).slice(0, 1000);
  }
  return output == null ? "(no error recorded)" : String(output).slice(0, 1000);
}

/**
 * The tenant filter of pg-boss's job table: a job whose payload names an integrator
 * (`data.integratorId`, the convention for tenant work) is that integrator's; one that names none
 * is the platform's (clean-ups), visible to every owner. $N is the scope's integrator.
 */
const visibleTo = (param: string) => `(data->>'integratorId' IS NULL OR data->>'integratorId' = ${param})`;

/**
 * Counts per state and the last failures of every queue the runtime knows (in the app: the
 * registry, lib/jobs/registry.ts), of the jobs this integrator may see. Reads pg-boss's job table
 * directly: pg-boss's own getQueues() has no completed count and serves cached counts. Queue names
 * are bound parameters, never SQL text.
 */
export async function queueHealth(scope: Pick<Scope, "integratorId">, opts: { runtime?: JobsRuntime } = {}): Promise<QueueHealth[]> {
  const runtime = opts.runtime ?? (await getJobs());
  const names = [...runtime.definitions.keys()];
  const db = runtime.boss.getDb();
  const { rows: counts } = await db.executeSql(
    `SELECT name, state::text AS state, count(*)::int AS count FROM ${JOBS_SCHEMA}.job
      WHERE name = ANY($1::text[]) AND ${visibleTo("$2")} GROUP BY name, state`,
    [names, scope.integratorId],
  );
  const result: QueueHealth[] = [];
  for (const name of names) {
    const of = (...states: string[]) =>
      counts.filter((r) => r.name === name && states.includes(r.state)).reduce((n, r) => n + Number(r.count), 0);
    const { rows: failed } = await db.executeSql(
      `SELECT id::text AS id, output, completed_on AS "failedAt", retry_count AS "retryCount"
         FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state = 'failed' AND ${visibleTo("$2")}
        ORDER BY completed_on DESC NULLS LAST LIMIT 10`,
      [name, scope.integratorId],
    );
    result.push({
      name,
      queued: of("created", "retry"),
      active: of("active"),
      failed: of("failed"),
      completed: of("completed"),
      lastFailed: failed.map((r) => ({
        id: r.id,
        error: errorText(r.output),
        failedAt: r.failedAt ? new Date(r.failedAt) : null,
        attempts: Number(r.retryCount) + 1,
      })),
    });
  }
  return result;
}

/**
 * Puts a failed job back in its queue (one more attempt). Audited (`jobs.retried`) in the same
 * transaction. An unknown queue, or no failed job with that id in it, is a NotFoundError.
 */
export async function retryJob(
  db: Db,
  actor: Parameters<typeof auditedBy>[0],
  input: { queue: string; id: string },
  opts: { runtime?: JobsRuntime; meta?: Parameters<typeof auditedBy>[1] } = {},
): Promise<{ queue: string; id: string; retried: true }> {
  const runtime = opts.runtime ?? (await getJobs());
  // Only a registered queue reaches pg-boss: a name typed by a user never becomes a query.
  if (!runtime.definitions.has(input.queue)) throw new NotFoundError("Unknown queue");
  if (!UUID.test(input.id)) throw new ValidationError("Invalid job id", { id: ["Invalid job id"] });
  // Another integrator's job is "not found", like any other of its rows.
  const { rows: visible } = await runtime.boss
    .getDb()
    .executeSql(`SELECT 1 FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2::uuid AND ${visibleTo("$3")}`, [input.queue, input.id, actor.integratorId]);
  if (!visible.length) throw new NotFoundError("No failed job with this id in this queue");
  await db.transaction(async (tx) => {
    const res = await runtime.boss.retry(input.queue, input.id, { db: inTransaction(tx) });
    if (!(res as { affected?: number }).affected) throw new NotFoundError("No failed job with this id in this queue");
    await writeAudit(tx, {
      ...auditedBy(actor, opts.meta),
      action: "jobs.retried",
      targetType: "job",
      targetId: input.id,
      metadata: { queue: input.queue },
    });
  });
  return { queue: input.queue, id: input.id, retried: true };
}
