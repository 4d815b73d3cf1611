import { getOpenedDb, type OpenedDb } from "@/lib/db/client";
import { startJobs, type JobsRuntime, type StartJobsOptions } from "./runtime";

/**
 * One job runtime (one pg-boss) per process, kept on globalThis like getOpenedDb(): Next gives
 * route and page bundles separate module instances, and on PGlite a second boss would be a second
 * user of the one connection.
 *
 * - the server: instrumentation-node.ts calls startProcessJobs({ workers: workersEnabled() });
 * - `npm run worker`: scripts/worker.mts calls startProcessJobs({ workers: true });
 * - code that enqueues uses getJobs() (through enqueue()): it never starts a boss itself — on PGlite
 *   a boss started inside the caller's transaction would wait on that transaction forever.
 */
type GlobalWithJobs = typeof globalThis & { __kotaniJobs?: Promise<JobsRuntime> };
const g = globalThis as GlobalWithJobs;

export function startProcessJobs(opts: StartJobsOptions & { opened?: OpenedDb } = {}): Promise<JobsRuntime> {
  if (!g.__kotaniJobs) {
    g.__kotaniJobs = (async () => startJobs(opts.opened ?? (await getOpenedDb()), opts))().catch((e) => {
      g.__kotaniJobs = undefined;
      throw e;
    });
  }
  return g.__kotaniJobs;
}

export class JobsNotStartedError extends Error {
  constructor() {
    super(
      "The job queue is not started in this process (the server starts it at boot; a script calls startProcessJobs() first)",
    );
  }
}

/** The process's job runtime (rejects when none was started). */
export function getJobs(): Promise<JobsRuntime> {
  return g.__kotaniJobs ?? Promise.reject(new JobsNotStartedError());
}

/** Stops the process's runtime gracefully (running handlers get `timeoutMs`, default 10 s). */
export async function stopProcessJobs(opts: { timeoutMs?: number } = {}): Promise<void> {
  const current = g.__kotaniJobs;
  if (!current) return;
  const runtime = await current.catch(() => undefined);
  await runtime?.stop(opts);
  if (g.__kotaniJobs === current) g.__kotaniJobs = undefined;
}

/** Tests and benches: make `runtime` the process's runtime (undefined clears it). */
export function setProcessJobs(runtime: JobsRuntime | undefined): void {
  g.__kotaniJobs = runtime ? Promise.resolve(runtime) : undefined;
}

/**
 * SIGTERM / SIGINT stop the job runtime gracefully before anything else. Listeners already there
 * (Next's own: close the server, exit) run after it; without any, `then` runs (or the process
 * exits). A second signal is not caught: it ends the process at once.
 */
export function stopJobsOnSignals(
  opts: { timeoutMs?: number; then?: (signal: NodeJS.Signals) => void | Promise<void> } = {},
): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const previous = process.listeners(signal);
    process.removeAllListeners(signal);
    process.once(signal, () => {
      console.log(
        `[jobs] ${signal}: stopping the job queue (running jobs get ${Math.round((opts.timeoutMs ?? 10_000) / 1000)} s)`,
      );
      void stopProcessJobs({ timeoutMs: opts.timeoutMs })
        .catch((e) => console.error(`[jobs] stop failed: ${(e as Error).message}`))
        .then(async () => {
          if (opts.then) await opts.then(signal);
          else if (previous.length) for (const listener of previous) (listener as (s: NodeJS.Signals) => void)(signal);
          else process.exit(signal === "SIGINT" ? 130 : 143);
        });
    });
  }
}
