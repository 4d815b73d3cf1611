import { sql } from "drizzle-orm";
import {
  PgBoss,
  fromDrizzle,
  fromPglite,
  type ConstructorOptions,
  type Db as BossDb,
  type DrizzleTransactionLike,
  type Job,
  type JobResult,
  type SendOptions,
} from "pg-boss";
import type { Db, OpenedDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { invalidPayloadMessage, queueOptionsOf, type JobDefinition, type JobWorkOptions } from "./define";
import { JOBS } from "./registry";

/** The PostgreSQL schema pg-boss installs into (in the app's database). */
export const JOBS_SCHEMA = "pgboss";

/** A job definition with its types erased (the runtime handles every queue alike). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJob = JobDefinition<string, any>;

/** What enqueue() passes through to pg-boss for one job. Retry/expiry options belong to the definition. */
export interface EnqueueOptions {
  singletonKey?: string;
  startAfter?: number | string | Date;
  priority?: number;
  /** Your own job id (a uuid), e.g. to make a retried request enqueue the same job. */
  id?: string;
}

/** Anything with drizzle's `execute`: the caller's transaction (or the db, outside one). */
export type SqlExecutor = Pick<Db, "execute">;

/** pg-boss statements through the caller's drizzle transaction (both drivers return `{ rows }`). */
export function inTransaction(tx: SqlExecutor): BossDb {
  return fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
}

export interface StartJobsOptions {
  /** Work jobs and run cron schedules (default true). false: a boss for enqueueing only. */
  workers?: boolean;
  /** The job definitions (default: the registry, lib/jobs/registry.ts). */
  jobs?: readonly AnyJob[];
  /** pg-boss constructor options on top of ours (tests: shorter intervals). */
  boss?: Partial<ConstructorOptions>;
  /** Worker options for every queue, over each definition's own (tests: pollingIntervalSeconds 0.5). */
  work?: JobWorkOptions;
  /** Name in pg-boss's instance registry. */
  instanceName?: string;
  /** PostgreSQL: size of pg-boss's own pool (default JOBS_POOL_SIZE, 4). */
  poolSize?: number;
  log?: Pick<Console, "log" | "warn" | "error">;
}

export interface JobsRuntime {
  boss: PgBoss;
  engine: "pglite" | "postgres";
  workers: boolean;
  definitions: ReadonlyMap<string, AnyJob>;
  /** Parses `data` with the job's schema, then inserts the job through `tx` (so it commits or rolls back with it). */
  send(tx: SqlExecutor, name: string, data: unknown, options?: EnqueueOptions): Promise<string | null>;
  /** Many jobs of one queue in one statement, through `tx` (each payload parsed first). Returns their ids. */
  sendMany(tx: SqlExecutor, name: string, data: unknown[]): Promise<string[]>;
  /** Graceful: running handlers get `timeoutMs` (default 10 s) to finish, then their jobs are failed (and retried later). */
  stop(opts?: { timeoutMs?: number }): Promise<void>;
}

/** A job output pg-boss can store (JSON); bigints become strings, anything unserialisable is dropped. */
function toOutput(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    const json = JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    if (json === undefined) return undefined;
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : { value: parsed };
  } catch {
    return undefined;
  }
}

/** Runs one job: a payload that no longer parses fails for good (no retry); a throw fails the attempt (pg-boss retries per the queue). */
export async function runJob(
  def: AnyJob,
  db: Db,
  job: Job<unknown>,
  log: Pick<Console, "error"> = console,
): Promise<JobResult> {
  const parsed = def.schema.safeParse(job.data);
  if (!parsed.success) {
    const message = invalidPayloadMessage(def.name, parsed.error);
    log.error(`[jobs] ${def.name} ${job.id}: ${message} (not retried)`);
    // "deadletter" = failed now, whatever retries are left (there is no dead-letter queue).
    return { id: job.id, status: "deadletter", output: { name: "InvalidPayload", message } };
  }
  try {
    const value = await def.handler({ db, data: parsed.data, job });
    return { id: job.id, status: "completed", output: toOutput(value) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    log.error(`[jobs] ${def.name} ${job.id} failed (attempt ${job.retryCount + 1}): ${err.message}`);
    return { id: job.id, status: "failed", output: err };
  }
}

/**
 * Starts pg-boss on an opened database: PostgreSQL through its own pool (the URL), PGlite through
 * the app's own instance (fromPglite: one process owns the folder). Creates (and updates) a queue
 * per job; with workers, works every queue and schedules the cron jobs.
 */
export async function startJobs(opened: OpenedDb, opts: StartJobsOptions = {}): Promise<JobsRuntime> {
  const log = opts.log ?? console;
  const workers = opts.workers ?? true;
  const jobs = opts.jobs ?? (JOBS as readonly AnyJob[]);
  const definitions = new Map(jobs.map((j) => [j.name, j] as const));
  if (definitions.size !== jobs.length) throw new Error("Two jobs share a name");

  const common: ConstructorOptions = {
    schema: JOBS_SCHEMA,
    // A process that only enqueues leaves the cron and the maintenance (expiry, retention) to the workers.
    schedule: workers,
    supervise: workers,
    instanceName: opts.instanceName ?? (workers ? "kotani-worker" : "kotani-web"),
    ...opts.boss,
  };
  if (common.schema !== JOBS_SCHEMA)
    throw new Error(`pg-boss lives in the schema ${JOBS_SCHEMA} (queue health reads it)`);
  const boss =
    opened.driver.engine === "pglite"
      ? new PgBoss({ ...common, db: fromPglite(opened.driver.client), backend: "pglite" })
      : new PgBoss({
          ...common,
          connectionString: opened.driver.url,
          max: opts.poolSize ?? env().JOBS_POOL_SIZE,
          application_name: "kotani-jobs",
        });
  // pg-boss reports background failures (a poll, maintenance) here; unhandled, an "error" event would crash the process.
  boss.on("error", (e) => log.error(`[jobs] pg-boss: ${e.message}`));
  boss.on("warning", (w) => log.warn(`[jobs] pg-boss warning: ${w.message}`));

  await boss.start();
  try {
    for (const def of jobs) {
      const options = queueOptionsOf(def);
      const { retryDelayMax, ...rest } = options;
      await boss.createQueue(def.name, {
        ...rest,
        ...(retryDelayMax !== null ? { retryDelayMax } : {}),
        ...(def.options?.policy ? { policy: def.options.policy } : {}),
      });
      // createQueue keeps an existing queue as it is: bring its options up to date with the code.
      await boss.updateQueue(def.name, options);
    }
    if (workers) {
      for (const def of jobs) {
        const work = { batchSize: 1, ...def.work, ...opts.work, perJobResults: true } as const;
        await boss.work(def.name, work, async (batch: Job<unknown>[]) =>
          Promise.all(batch.map((job) => runJob(def, opened.db, job, log))),
        );
      }
      for (const def of jobs) {
        if (def.cron) {
          await boss.schedule(def.name, def.cron.expression, def.schema.parse(def.cron.data ?? {}) as object, {
            tz: def.cron.tz ?? "UTC",
          });
        } else if (await boss.getSchedule(def.name)) {
          await boss.unschedule(def.name); // the definition dropped its cron
        }
      }
    }
  } catch (e) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw e;
  }

  const definitionOf = (name: string): AnyJob => {
    const def = definitions.get(name);
    if (!def) throw new Error(`Unknown job "${name}": define it with defineJob and add it to lib/jobs/registry.ts`);
    return def;
  };
  const parsePayload = (def: AnyJob, data: unknown): unknown => {
    const parsed = def.schema.safeParse(data);
    if (!parsed.success) throw new Error(invalidPayloadMessage(def.name, parsed.error));
    return parsed.data;
  };

  let stopping: Promise<void> | undefined;
  return {
    boss,
    engine: opened.engine,
    workers,
    definitions,
    async send(tx, name, data, options = {}) {
      const def = definitionOf(name);
      const payload = parsePayload(def, data);
      const key = def.options?.singletonKey;
      const singletonKey = options.singletonKey ?? (typeof key === "function" ? key(payload) : key);
      const send: SendOptions = { ...options, ...(singletonKey ? { singletonKey } : {}), db: inTransaction(tx) };
      return boss.send(name, (payload ?? {}) as object, send);
    },
    async sendMany(tx, name, data) {
      const def = definitionOf(name);
      const key = def.options?.singletonKey;
      const jobs = data.map((d) => {
        const payload = parsePayload(def, d);
        const singletonKey = typeof key === "function" ? key(payload) : key;
        return { data: (payload ?? {}) as object, ...(singletonKey ? { singletonKey } : {}) };
      });
      return (await boss.insert(name, jobs, { db: inTransaction(tx), returnId: true })) ?? [];
    },
    stop(o = {}) {
      stopping ??= boss.stop({ graceful: true, timeout: o.timeoutMs ?? 10_000 });
      return stopping;
    },
  };
}
