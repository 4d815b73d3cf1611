import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { retryJob } from "@/lib/jobs/queue-health";

const retrySchema = z.object({
  queue: z.string().trim().min(1, "Choose a queue").max(100),
  id: z.uuid("Invalid job id"),
});

/** POST /api/system/jobs/retry {queue, id}: a failed job runs again. An unknown queue or job is a 404. */
export const POST = gatedRoute("settings.manage", retrySchema, async ({ db, scope, input, meta }) =>
  retryJob(db, scope, input, { meta }),
);
