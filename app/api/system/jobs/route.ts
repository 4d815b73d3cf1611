import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { queueHealth } from "@/lib/jobs/queue-health";

/** GET /api/system/jobs: per registered queue, queued / active / failed / completed counts and the last 10 failures (this integrator's and the platform's jobs). */
export const GET = gatedRoute("settings.manage", z.object({}), async ({ scope }) => ({ queues: await queueHealth(scope) }));
