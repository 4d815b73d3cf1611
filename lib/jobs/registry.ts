import type { z } from "zod";
import { authJobs } from "@/lib/auth/jobs";
import { systemJobs } from "./jobs";
import { dbJobs } from "@/lib/db/statistics";
import { engineJobs } from "@/lib/engine/jobs";
import { paymentLinkJobs } from "@/lib/payment-links/jobs";
import { bulkJobs } from "@/lib/bulk-payments/jobs";
import { webhookJobs } from "@/lib/webhooks/jobs";
import { apiKeyJobs } from "@/lib/api-keys/jobs";

/**
 * Every job of the app. Each area defines its jobs in lib/<area>/jobs.ts and adds its list here;
 * the worker creates a queue for each (and nothing else: the queue-health routes only accept
 * these names).
 */
export const JOBS = [...authJobs, ...systemJobs, ...dbJobs, ...engineJobs, ...paymentLinkJobs, ...bulkJobs, ...webhookJobs, ...apiKeyJobs] as const;

export type RegisteredJob = (typeof JOBS)[number];
export type JobName = RegisteredJob["name"];
export type JobByName<N extends JobName> = Extract<RegisteredJob, { name: N }>;
/** What enqueue() accepts for a job: its schema's input. */
export type JobInput<N extends JobName> = z.input<JobByName<N>["schema"]>;

