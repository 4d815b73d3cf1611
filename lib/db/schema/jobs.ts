import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Effects of background jobs that already happened (lib/jobs/run-once.ts): a row is written in the
 * same transaction as the effect, so a job that runs again (pg-boss is at-least-once: a worker
 * killed mid-run, an expired job) finds its effect done. Purged by the `jobs.purge-effects` job long
 * after pg-boss itself has forgotten the job.
 */
export const jobEffects = pgTable(
  "job_effects",
  {
    /** pg-boss job id. */
    jobId: uuid("job_id").notNull(),
    /** One job may have several effects, each named; "" when it has one. */
    step: text("step").notNull().default(""),
    queue: text("queue").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.step] }), index("job_effects_created_idx").on(t.createdAt)],
);
