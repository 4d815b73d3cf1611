import { env } from "@/lib/env";

/**
 * WORKERS: `on` (default) = this server process also works jobs and runs the cron schedules;
 * `off` = it serves only (it still enqueues). Any other value stops the start (lib/env.ts).
 */
export function workersEnabled(): boolean {
  return env().WORKERS === "on";
}
