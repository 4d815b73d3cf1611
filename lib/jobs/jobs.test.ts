import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testScope } from "@/lib/auth/test-scope";
import { eq, sql } from "drizzle-orm";
import { createTestDb, testEngines, type TestDb } from "@/test/db";
import { auditLogs, integrators } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/auth/errors";
import { setProcessJobs } from "./boss";
import { enqueue } from "./enqueue";
import { queueHealth, retryJob } from "./queue-health";
import { JOBS } from "./registry";
import { startJobs, type AnyJob, type JobsRuntime } from "./runtime";
import {
  effectJob,
  effectsOf,
  failingJob,
  FAST_BOSS,
  FAST_WORK,
  createTestTables,
  jobIn,
  jobOf,
  quietLog,
  rows,
  runsOf,
  waitFor,
} from "./testing/jobs";


describe.each(testEngines())("jobs on %s", (engine) => {
  let t: TestDb;
  let rt: JobsRuntime;
  let failingId: string | null;
  const log = quietLog();

  beforeAll(async () => {
    t = await createTestDb(engine);
    await createTestTables(t.db);
    rt = await startJobs(t.opened, {
      jobs: [...(JOBS as readonly AnyJob[]), effectJob(), failingJob],
      boss: FAST_BOSS,
      work: FAST_WORK,
      log,
    });
    setProcessJobs(rt);
    // The backoff test's job starts now: its ~10 s of retries overlap the tests before it.
    failingId = await t.db.transaction((tx) => rt.send(tx, "test.failing", { n: 7 }));
  });
  afterAll(async () => {
    setProcessJobs(undefined);
    await rt?.stop({ timeoutMs: 1000 });
    await t?.close();
  });

  it("a job enqueued in a rolled-back transaction never runs; a committed one runs exactly once", async () => {
    let rolledBackId: string | null = null;
    await expect(
      t.db.transaction(async (tx) => {
        rolledBackId = await rt.send(tx, "test.effect", { n: 1 });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(rolledBackId).toBeTruthy();

    const committedId = await t.db.transaction((tx) => rt.send(tx, "test.effect", { n: 2 }));
    expect(committedId).toBeTruthy();
    await jobIn(rt.boss, "test.effect", committedId!, ["completed"]);
    // A few more polls: nothing else may turn up.
    await new Promise((r) => setTimeout(r, 1500));

    expect(await jobOf(rt.boss, "test.effect", rolledBackId!)).toBeUndefined();
    expect(await runsOf(t.db, rolledBackId!)).toEqual([]);
    expect(await effectsOf(t.db, rolledBackId!)).toBe(0);
    expect((await runsOf(t.db, committedId!)).length).toBe(1);
    expect(await effectsOf(t.db, committedId!)).toBe(1);
    const [all] = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.effect'`,
    );
    expect(Number(all!.n)).toBe(1);
  });

  it("a batch (sendMany / enqueueMany) commits or rolls back with the transaction too", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        expect(await rt.send(tx, "test.effect", { n: 500 })).toBeTruthy();
        expect(await rt.sendMany(tx, "test.effect", [{ n: 501 }, { n: 502 }])).toHaveLength(2);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await expect(t.db.transaction((tx) => rt.sendMany(tx, "test.effect", [{ n: 1 }, { n: "x" }]))).rejects.toThrow(
      /^Invalid payload for test.effect/,
    );
    const ids = await t.db.transaction((tx) => rt.sendMany(tx, "test.effect", [{ n: 510 }, { n: 511 }, { n: 512 }]));
    expect(ids).toHaveLength(3);
    for (const id of ids) await jobIn(rt.boss, "test.effect", id, ["completed"]);
    const [r] = await rows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM jobs_test_effects WHERE n BETWEEN 500 AND 512`,
    );
    expect(Number(r!.n)).toBe(3);
  });

  it("enqueue() writes through the caller's transaction and checks the payload against the schema", async () => {
    // The registered job, through the process runtime.
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, "auth.purge-expired", {});
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await rt.boss.findJobs("auth.purge-expired")).toEqual([]);

    await expect(
      // @ts-expect-error: the payload type comes from the job's schema
      t.db.transaction((tx) => enqueue(tx, "auth.purge-expired", "not an object")),
    ).rejects.toThrow(/^Invalid payload for auth.purge-expired: /);
    await expect(t.db.transaction((tx) => rt.send(tx, "test.effect", { n: "two" }))).rejects.toThrow(
      /^Invalid payload for test.effect: n: /,
    );
    await expect(t.db.transaction((tx) => rt.send(tx, "no.such-job", {}))).rejects.toThrow(/Unknown job "no.such-job"/);

    const id = await t.db.transaction((tx) => enqueue(tx, "auth.purge-expired", {}));
    const done = await jobIn(rt.boss, "auth.purge-expired", id!, ["completed"]);
    expect(done.output).toEqual({ otpCodes: 0, authAttempts: 0 });
  });

  it("a payload that no longer parses fails at once, without retries, with a clear error", async () => {
    // As if the schema changed after the job was queued: straight through pg-boss, not enqueue().
    const id = await rt.boss.send("test.effect", { n: "seven" });
    const failed = await jobIn(rt.boss, "test.effect", id!, ["failed"]);
    expect(failed.retryCount).toBe(0);
    expect(failed.retryLimit).toBe(2);
    expect((failed.output as { message?: string }).message).toMatch(
      /^Invalid payload for test\.effect: n: .*expected number/,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await jobOf(rt.boss, "test.effect", id!))!.state).toBe("failed");
    expect(await runsOf(t.db, id!)).toEqual([]);
  });

  it("a throwing handler is retried with growing backoff, then kept failed with its error", async () => {
    const id = failingId;
    const failed = await jobIn(rt.boss, "test.failing", id!, ["failed"], 30_000);
    expect(failed.retryCount).toBe(3);
    expect((failed.output as { message?: string }).message).toBe("boom 7");

    const runs = await runsOf(t.db, id!);
    expect(runs.map((r) => r.attempt)).toEqual([0, 1, 2, 3]);
    const gaps = runs.slice(1).map((r, i) => (r.at.getTime() - runs[i]!.at.getTime()) / 1000);
    // retryDelay 1 s, exponential: retry n waits 2^(n-1)…2^n s (pg-boss adds jitter), plus a poll.
    expect(gaps[0]).toBeGreaterThanOrEqual(0.9);
    expect(gaps[1]).toBeGreaterThanOrEqual(1.9);
    expect(gaps[2]).toBeGreaterThanOrEqual(3.9);
    expect(gaps[2]).toBeGreaterThan(gaps[0]!);
    // No endless loop: nothing runs after the last retry.
    await new Promise((r) => setTimeout(r, 1200));
    expect((await runsOf(t.db, id!)).length).toBe(4);
    expect(log.lines.some((l) => l.includes(`test.failing ${id} failed (attempt 4): boom 7`))).toBe(true);
  }, 45_000);

  it("queue health counts per state, lists the last failures, and retries a failed job (audited)", async () => {
    const [org] = await t.db
      .insert(integrators)
      .values({ organization: "Jobs Org", email: "jobs@test.invalid", countryCode: "KE" })
      .returning({ id: integrators.id });
    const actor = testScope(org!.id, { userId: "u-jobs", email: "ops@test.invalid", name: "Ops" });
    const before = await queueHealth(actor, { runtime: rt });
    expect(before.map((q) => q.name)).toEqual([...rt.definitions.keys()]);

    const ok = await t.db.transaction((tx) => rt.send(tx, "test.effect", { n: 40 }));
    const bad = await rt.boss.send("test.failing", { n: 41 }, { retryLimit: 0 });
    await jobIn(rt.boss, "test.effect", ok!, ["completed"]);
    await jobIn(rt.boss, "test.failing", bad!, ["failed"]);
    // A job that waits: deferred an hour.
    await rt.boss.send("test.effect", { n: 42 }, { startAfter: 3600 });

    // Another integrator's failure: neither counted, listed nor retryable here.
    const theirs = await rt.boss.send("test.failing", { n: 43, integratorId: "another-integrator" }, { retryLimit: 0 });
    await jobIn(rt.boss, "test.failing", theirs!, ["failed"]);

    const health = await queueHealth(actor, { runtime: rt });
    const of = (name: string) => health.find((q) => q.name === name)!;
    const beforeOf = (name: string) => before.find((q) => q.name === name)!;
    expect(of("test.effect").completed).toBe(beforeOf("test.effect").completed + 1);
    expect(of("test.effect").queued).toBe(beforeOf("test.effect").queued + 1);
    expect(of("test.effect").active).toBe(0);
    expect(of("test.failing").failed).toBe(beforeOf("test.failing").failed + 1);
    const last = of("test.failing").lastFailed[0]!;
    expect(last).toMatchObject({ id: bad, error: "boom 41", attempts: 1 });
    expect(last.failedAt).toBeInstanceOf(Date);
    expect(of("test.failing").lastFailed.length).toBeLessThanOrEqual(10);
    expect(of("test.failing").lastFailed.map((j) => j.id)).not.toContain(theirs);
    await expect(retryJob(t.db, actor, { queue: "test.failing", id: theirs! }, { runtime: rt })).rejects.toBeInstanceOf(NotFoundError);

    await expect(retryJob(t.db, actor, { queue: "no.such-queue", id: bad! }, { runtime: rt })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(retryJob(t.db, actor, { queue: "test.effect", id: bad! }, { runtime: rt })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(retryJob(t.db, actor, { queue: "test.failing", id: ok! }, { runtime: rt })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const runsBefore = (await runsOf(t.db, bad!)).length;
    expect(
      await retryJob(t.db, actor, { queue: "test.failing", id: bad! }, { runtime: rt, meta: { ip: "127.0.0.1" } }),
    ).toEqual({
      queue: "test.failing",
      id: bad,
      retried: true,
    });
    // It runs again (and fails again: retryJob grants exactly one more attempt).
    await waitFor(async () => (await runsOf(t.db, bad!)).length > runsBefore, { what: "the retried job to run" });
    const again = await jobIn(rt.boss, "test.failing", bad!, ["failed"]);
    expect(again.retryCount).toBe(1);
    const audit = await t.db.select().from(auditLogs).where(eq(auditLogs.targetId, bad!));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "jobs.retried",
      targetType: "job",
      integratorId: org!.id,
      ip: "127.0.0.1",
    });
    expect(audit[0]!.metadata).toEqual({ queue: "test.failing" });
  });

  it.runIf(engine === "postgres")(
    "two workers with their own pools share the queue: every effect exactly once",
    async () => {
      const N = 200;
      const w1 = await startJobs(t.opened, {
        jobs: [effectJob("w1")],
        boss: FAST_BOSS,
        work: FAST_WORK,
        instanceName: "w1",
        log,
      });
      const w2 = await startJobs(t.opened, {
        jobs: [effectJob("w2")],
        boss: FAST_BOSS,
        work: FAST_WORK,
        instanceName: "w2",
        log,
      });
      // The suite's own runtime works test.effect too: stop its worker so only w1 and w2 compete.
      await rt.boss.offWork("test.effect");
      try {
        const ids = await t.db.transaction(async (tx) => {
          const out: string[] = [];
          for (let n = 0; n < N; n++) out.push((await rt.send(tx, "test.effect", { n: 1000 + n }))!);
          return out;
        });
        await waitFor(
          async () => {
            const [r] = await rows<{ n: number }>(
              t.db,
              sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.effect' AND state = 'completed' AND id = ANY(${sql.raw(`ARRAY['${ids.join("','")}']::uuid[]`)})`,
            );
            return Number(r!.n) === N;
          },
          { timeoutMs: 30_000, what: `${N} jobs to complete` },
        );
        const idList = sql.raw(`ARRAY['${ids.join("','")}']::uuid[]`);
        const [effects] = await rows<{ total: number; distinct: number }>(
          t.db,
          sql`SELECT count(*)::int AS total, count(DISTINCT job_id)::int AS distinct FROM jobs_test_effects WHERE job_id = ANY(${idList})`,
        );
        expect(effects).toEqual({ total: N, distinct: N });
        const byTag = await rows<{ tag: string; n: number }>(
          t.db,
          sql`SELECT tag, count(*)::int AS n FROM jobs_test_runs WHERE job_id = ANY(${idList}) GROUP BY tag ORDER BY tag`,
        );
        expect(byTag.reduce((s, r) => s + Number(r.n), 0)).toBe(N);
        expect(byTag.map((r) => r.tag)).toEqual(["w1", "w2"]);
      } finally {
        await Promise.all([w1.stop({ timeoutMs: 1000 }), w2.stop({ timeoutMs: 1000 })]);
      }
    },
  );
});
