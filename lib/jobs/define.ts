import type { z } from "zod";
import type { Job, QueuePolicy } from "pg-boss";
import type { Db } from "@/lib/db/client";

/** What a handler gets: the app's database, the parsed payload, and the pg-boss job (id, retryCount, signal…). */
export interface JobContext<T> {
  db: Db;
  data: T;
  job: Job<unknown>;
}

/**
 * pg-boss options of a job, set on its queue (every job of the queue inherits them).
 * Defaults (JOB_DEFAULTS): 5 retries with exponential backoff from 10 s (capped at 1 h), 15 min to run.
 */
export interface JobOptions<T> {
  /** Retries after the first attempt (0–20); then the job stays `failed` with its error. */
  retryLimit?: number;
  /** Seconds before the first retry (whole seconds). */
  retryDelay?: number;
  /** Exponential backoff: about retryDelay × 2^n (with jitter) before retry n. */
  retryBackoff?: boolean;
  /** Cap on the backoff, seconds. */
  retryDelayMax?: number;
  /** Seconds an attempt may run; past it the attempt counts as failed (and is retried). Also how long a job held by a crashed worker waits before it runs again. */
  expireInSeconds?: number;
  /** Seconds a job may wait queued before pg-boss drops it (default 14 days). */
  retentionSeconds?: number;
  /** Seconds a finished (completed / failed) job is kept (default 7 days). Keep under JOB_EFFECTS_RETENTION_DAYS. */
  deleteAfterSeconds?: number;
  /** pg-boss queue policy; "singleton" = at most one job of the queue runs at a time. */
  policy?: QueuePolicy;
  /** Deduplication: with a key, pg-boss keeps one queued job per key (per the queue policy). */
  singletonKey?: string | ((data: T) => string | undefined);
}

export interface JobWorkOptions {
  /** Jobs fetched per poll (default 1). */
  batchSize?: number;
  /** Parallel fetch loops in this process (default 1). */
  localConcurrency?: number;
  /** Seconds between polls when idle (default 2; at least 0.5). */
  pollingIntervalSeconds?: number;
  /** Fetch again at once while batches come back full (large backlogs). */
  burstWhenBatchFull?: boolean;
}

export interface JobDefinition<N extends string = string, S extends z.ZodType = z.ZodType> {
  /** Queue name, `<area>.<verb>` in kebab case, e.g. "auth.purge-expired". */
  name: N;
  /** The payload. Describe JSON (no transforms, no Date objects): it is parsed when enqueued and again when run. */
  schema: S;
  handler: (ctx: JobContext<z.output<S>>) => Promise<unknown>;
  options?: JobOptions<z.output<S>>;
  work?: JobWorkOptions;
  /** A recurring job, sent by pg-boss's scheduler (only in processes that work jobs). */
  cron?: { expression: string; data?: z.input<S>; tz?: string };
}

export const JOB_DEFAULTS = {
  retryLimit: 5,
  retryDelay: 10,
  retryBackoff: true,
  retryDelayMax: 3600,
  expireInSeconds: 15 * 60,
} as const;

const NAME = /^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/;

/** Defines a job once: name, payload schema, handler and pg-boss options. Register it in lib/jobs/registry.ts. */
export function defineJob<const N extends string, S extends z.ZodType>(def: JobDefinition<N, S>): JobDefinition<N, S> {
  if (!NAME.test(def.name))
    throw new Error(`Job name "${def.name}" must look like "<area>.<verb>" (lower case, digits, dashes)`);
  const o = def.options ?? {};
  const retryLimit = o.retryLimit ?? JOB_DEFAULTS.retryLimit;
  if (!Number.isInteger(retryLimit) || retryLimit < 0 || retryLimit > 20)
    throw new Error(`${def.name}: retryLimit must be a whole number from 0 to 20`);
  if (o.retryDelay !== undefined && (!Number.isInteger(o.retryDelay) || o.retryDelay < 0))
    throw new Error(`${def.name}: retryDelay must be whole seconds`);
  return def;
}

/** The queue options pg-boss stores for a job (createQueue / updateQueue). */
export function queueOptionsOf(def: JobDefinition) {
  const o = def.options ?? {};
  const retryBackoff = o.retryBackoff ?? JOB_DEFAULTS.retryBackoff;
  return {
    retryLimit: o.retryLimit ?? JOB_DEFAULTS.retryLimit,
    retryDelay: o.retryDelay ?? JOB_DEFAULTS.retryDelay,
    retryBackoff,
    // pg-boss only takes a cap with backoff (null clears it on updateQueue).
    retryDelayMax: retryBackoff ? (o.retryDelayMax ?? JOB_DEFAULTS.retryDelayMax) : null,
    expireInSeconds: o.expireInSeconds ?? JOB_DEFAULTS.expireInSeconds,
    ...(o.retentionSeconds !== undefined ? { retentionSeconds: o.retentionSeconds } : {}),
    ...(o.deleteAfterSeconds !== undefined ? { deleteAfterSeconds: o.deleteAfterSeconds } : {}),
  };
}

/** "Invalid payload for <queue>: <what zod says>" — one line. */
export function invalidPayloadMessage(name: string, error: z.ZodError): string {
  const detail = error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  return `Invalid payload for ${name}: ${detail || "does not match its schema"}`;
}
