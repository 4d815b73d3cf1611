import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { testEngines, withTestDb } from "@/test/db";
import { jobEffects } from "@/lib/db/schema";
import { purgeJobEffects, JOB_EFFECTS_RETENTION_DAYS } from "./jobs";
import { runOnce } from "./run-once";
import { createTestTables, effectsOf } from "./testing/jobs";

describe.each(testEngines())("runOnce on %s", (engine) => {
  const t = withTestDb(engine);

  const effect = (jobId: string, n: number) => async (tx: Parameters<Parameters<typeof runOnce>[2]>[0]) => {
    await tx.execute(sql`INSERT INTO jobs_test_effects (job_id, n) VALUES (${jobId}::uuid, ${n})`);
    return n;
  };

  it("runs the effect once per job and step, even when called concurrently", async () => {
    await createTestTables(t.db);
    const job = { id: randomUUID(), name: "test.effect" };
    // Ten runs of the same job at once (on PostgreSQL, ten connections racing on the row).
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => runOnce(t.db, job, effect(job.id, i))));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(await effectsOf(t.db, job.id)).toBe(1);
    // Another named step of the same job is its own effect.
    expect(await runOnce(t.db, job, effect(job.id, 99), "second")).toEqual({ ran: true, value: 99 });
    expect(await runOnce(t.db, job, effect(job.id, 100), "second")).toEqual({ ran: false });
    expect(await effectsOf(t.db, job.id)).toBe(2);
  });

  it("a failed effect leaves nothing behind, so the next run does it", async () => {
    const job = { id: randomUUID(), name: "test.effect" };
    await expect(
      runOnce(t.db, job, async (tx) => {
        await effect(job.id, 1)(tx);
        throw new Error("crash in the middle");
      }),
    ).rejects.toThrow("crash in the middle");
    expect(await effectsOf(t.db, job.id)).toBe(0);
    expect(await t.db.select().from(jobEffects).where(eq(jobEffects.jobId, job.id))).toEqual([]);
    expect(await runOnce(t.db, job, effect(job.id, 2))).toEqual({ ran: true, value: 2 });
    expect(await effectsOf(t.db, job.id)).toBe(1);
  });

  it("jobs.purge-effects forgets effects older than the retention", async () => {
    const now = new Date();
    const old = {
      jobId: randomUUID(),
      queue: "test.effect",
      createdAt: new Date(now.getTime() - (JOB_EFFECTS_RETENTION_DAYS + 1) * 86_400_000),
    };
    const recent = {
      jobId: randomUUID(),
      queue: "test.effect",
      createdAt: new Date(now.getTime() - (JOB_EFFECTS_RETENTION_DAYS - 1) * 86_400_000),
    };
    await t.db.insert(jobEffects).values([old, { ...old, step: "b" }, recent]);
    expect(await purgeJobEffects(t.db, now, { batchSize: 1 })).toBe(2);
    const left = await t.db
      .select({ jobId: jobEffects.jobId })
      .from(jobEffects)
      .where(eq(jobEffects.queue, "test.effect"));
    expect(left.map((r) => r.jobId)).toContain(recent.jobId);
    expect(left.map((r) => r.jobId)).not.toContain(old.jobId);
  });
});
