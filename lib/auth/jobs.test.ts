import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { createTestDb, testEngines, type TestDb } from "@/test/db";
import { authAttempts, otpCodes, users } from "@/lib/db/schema";
import { startJobs, type JobsRuntime } from "@/lib/jobs/runtime";
import { FAST_BOSS, FAST_WORK, jobIn, quietLog } from "@/lib/jobs/testing/jobs";
import { AUTH_RETENTION_DAYS, purgeExpiredAuth, purgeExpiredAuthJob } from "./jobs";
import { lockState, recordAttempt } from "./throttle";

const DAY = 86_400_000;

describe.each(testEngines())("auth.purge-expired on %s", (engine) => {
  let t: TestDb;
  let rt: JobsRuntime | undefined;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(async () => {
    await rt?.stop({ timeoutMs: 1000 });
    await t?.close();
  });

  async function fixture(now: Date, email: string) {
    const [user] = await t.db.insert(users).values({ email, name: "Purge Test" }).returning({ id: users.id });
    const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY - ms);
    const codes = await t.db
      .insert(otpCodes)
      .values([
        // expired 31 days ago (used), and unused: both gone
        { userId: user!.id, codeHash: "a", expiresAt: ago(31), usedAt: ago(31, 60_000), createdAt: ago(31, 600_000) },
        {
          userId: user!.id,
          codeHash: "b",
          expiresAt: ago(AUTH_RETENTION_DAYS, 1000),
          createdAt: ago(AUTH_RETENTION_DAYS, 601_000),
        },
        // expired 29 days ago, and a live one: kept
        { userId: user!.id, codeHash: "c", expiresAt: ago(29), voidedAt: ago(29, 1), createdAt: ago(29, 600_000) },
        { userId: user!.id, codeHash: "d", expiresAt: new Date(now.getTime() + 600_000), createdAt: now },
      ])
      .returning({ id: otpCodes.id, codeHash: otpCodes.codeHash });
    const attempt = (days: number, success: boolean, ms = 0) => ({
      kind: "password",
      email,
      ip: "10.0.0.1",
      success,
      createdAt: ago(days, ms),
    });
    await t.db
      .insert(authAttempts)
      .values([
        attempt(45, true),
        attempt(31, false),
        attempt(AUTH_RETENTION_DAYS, false, 1000),
        attempt(29, false),
        attempt(0, false, 60_000),
      ]);
    return { userId: user!.id, codes };
  }

  it("deletes only otp codes expired, and attempts made, more than 30 days ago (in batches)", async () => {
    const now = new Date();
    const email = `purge-${engine}@test.invalid`;
    const { codes } = await fixture(now, email);
    // Four recent failures: one more locks the account; the purge must not change that.
    for (let i = 0; i < 3; i++)
      await recordAttempt(t.db, {
        kind: "password",
        email,
        ip: "10.0.0.2",
        success: false,
        now: new Date(now.getTime() - 1000 * (i + 2)),
      });
    const lockBefore = await lockState(t.db, { kind: "password", email, ip: "10.0.0.3", now });

    expect(await purgeExpiredAuth(t.db, now, { batchSize: 1 })).toEqual({ otpCodes: 2, authAttempts: 3 });

    const left = await t.db
      .select({ codeHash: otpCodes.codeHash })
      .from(otpCodes)
      .where(
        inArray(
          otpCodes.id,
          codes.map((c) => c.id),
        ),
      );
    expect(left.map((c) => c.codeHash).sort()).toEqual(["c", "d"]);
    const attempts = await t.db
      .select({ createdAt: authAttempts.createdAt })
      .from(authAttempts)
      .where(eq(authAttempts.email, email));
    expect(attempts).toHaveLength(2 + 3);
    for (const a of attempts) expect(now.getTime() - a.createdAt.getTime()).toBeLessThan(AUTH_RETENTION_DAYS * DAY);
    expect(await lockState(t.db, { kind: "password", email, ip: "10.0.0.3", now })).toEqual(lockBefore);

    // Nothing left to delete: a re-run is a no-op.
    expect(await purgeExpiredAuth(t.db, now)).toEqual({ otpCodes: 0, authAttempts: 0 });
  });

  it("runs as a job, and is scheduled daily by pg-boss", async () => {
    const now = new Date();
    await fixture(now, `purge-job-${engine}@test.invalid`);
    rt = await startJobs(t.opened, { jobs: [purgeExpiredAuthJob], boss: FAST_BOSS, work: FAST_WORK, log: quietLog() });
    const schedule = await rt.boss.getSchedule("auth.purge-expired");
    expect(schedule).toMatchObject({ cron: "17 3 * * *", timezone: "UTC" });

    const id = await t.db.transaction((tx) => rt!.send(tx, "auth.purge-expired", {}));
    const done = await jobIn(rt.boss, "auth.purge-expired", id!, ["completed"]);
    expect(done.output).toEqual({ otpCodes: 2, authAttempts: 3 });
    const queue = await rt.boss.getQueue("auth.purge-expired");
    expect(queue).toMatchObject({ policy: "singleton", retryLimit: 3, retryBackoff: true, expireInSeconds: 600 });
  });
});
