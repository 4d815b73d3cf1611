import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { openDb, type DbTarget, type OpenedDb } from "@/lib/db/client";
import { createTestDb, testEngines, type TestDb } from "@/test/db";
import { startJobs, type JobsRuntime } from "./runtime";
import { CRASH_JOBS, FAST_BOSS, FAST_WORK, createTestTables, effectsOf, jobIn, quietLog, runsOf } from "./testing/jobs";

const root = path.resolve(__dirname, "../..");
const children = new Set<ChildProcess>();

/** Starts the crash child on one queue; resolves with the job id it printed at its crash point, then SIGKILLs it. */
async function runUntilKilled(target: DbTarget, queue: string): Promise<string> {
  // node itself with tsx's loader: the tsx CLI would run the script in a grandchild the kill misses.
  // The server-only hook first: the registry reaches services marked `import "server-only"`.
  const child = spawn(process.execPath, ["--import", "tsx", "--import", path.join(root, "scripts/server-only-hook.mts"), path.join(root, "lib/jobs/testing/crash-worker.mts")], {
    cwd: root,
    env: { ...process.env, JOBS_TEST_TARGET: JSON.stringify(target), JOBS_TEST_QUEUE: queue },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  let err = "";
  child.stderr!.on("data", (d) => (err += String(d)));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on("exit", (code, signal) => resolve(signal ?? code)),
  );
  try {
    const jobId = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`crash child never reached its crash point:\n${out}\n${err}`)),
        60_000,
      );
      child.stdout!.on("data", (d) => {
        out += String(d);
        const m = /KILL_ME ([0-9a-f-]{36})/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`crash child exited (${code}) before its crash point:\n${out}\n${err}`));
      });
    });
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    return jobId;
  } finally {
    child.kill("SIGKILL");
    children.delete(child);
  }
}

afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

describe.each(testEngines())("a worker killed mid-job, on %s", (engine) => {
  it("runs the job again after it expires, and its effect happens once", async () => {
    const log = quietLog();
    let dir: string | undefined;
    let t: TestDb | undefined;
    let opened: OpenedDb | undefined;
    let target: DbTarget;
    let rt: JobsRuntime | undefined;
    try {
      // 1. Queue one job per crash point (committed), from a runtime that works nothing.
      t = await createTestDb(engine);
      opened = t.opened;
      await createTestTables(opened.db);
      const sender = await startJobs(opened, { jobs: CRASH_JOBS, workers: false, log });
      const afterId = await opened.db.transaction((tx) => sender.send(tx, "test.crash-after", { n: 1 }));
      const insideId = await opened.db.transaction((tx) => sender.send(tx, "test.crash-inside", { n: 2 }));
      await sender.stop({ timeoutMs: 1000 });
      if (opened.driver.engine === "pglite") {
        // The children need a folder: copy the in-memory database into one (faster than initdb on
        // disk), and let go of it: the folder belongs to one process at a time.
        const image = await opened.driver.client.dumpDataDir("none");
        await t.close();
        t = undefined;
        opened = undefined;
        dir = mkdtempSync(path.join(tmpdir(), "kb-jobs-crash-"));
        const seeded = await PGlite.create(path.join(dir, "pglite"), { loadDataDir: image });
        await seeded.close();
        target = { dataDir: dir };
      } else {
        target = { url: t.url! };
      }

      // 2. A worker process takes each job and is SIGKILLed in the middle of the handler:
      //    once after the effect committed, once inside the effect's transaction.
      expect(await runUntilKilled(target, "test.crash-after")).toBe(afterId);
      expect(await runUntilKilled(target, "test.crash-inside")).toBe(insideId);

      // 3. Restart: a new worker picks both up once they expire (expireInSeconds 2).
      if (engine === "pglite") opened = await openDb(target);
      if (!opened) throw new Error("no database");
      expect(await effectsOf(opened.db, afterId!)).toBe(1); // committed before the kill
      expect(await effectsOf(opened.db, insideId!)).toBe(0); // rolled back with the dead process
      rt = await startJobs(opened, { jobs: CRASH_JOBS, boss: FAST_BOSS, work: FAST_WORK, log });
      const after = await jobIn(rt.boss, "test.crash-after", afterId!, ["completed"], 30_000);
      const inside = await jobIn(rt.boss, "test.crash-inside", insideId!, ["completed"], 30_000);
      expect(after.retryCount).toBeGreaterThanOrEqual(1);
      expect(inside.retryCount).toBeGreaterThanOrEqual(1);

      // Each ran twice (child, then the new worker), and each effect happened exactly once.
      expect((await runsOf(opened.db, afterId!)).map((r) => r.tag)).toEqual(["child", "main"]);
      expect((await runsOf(opened.db, insideId!)).map((r) => r.tag)).toEqual(["child", "main"]);
      expect(await effectsOf(opened.db, afterId!)).toBe(1);
      expect(await effectsOf(opened.db, insideId!)).toBe(1);
    } finally {
      await rt?.stop({ timeoutMs: 1000 });
      if (t) await t.close();
      else await opened?.close().catch(() => {});
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
