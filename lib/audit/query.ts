/** The audit log's filters: shared by the page (URL state), the list route and the CSV export. Client-safe. */
import { z } from "zod";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const day = z.iso.date({ error: "Use a date like 2026-01-31" });

export const auditFiltersSchema = z
  .object({
    /** The actor's email (case-insensitive). */
    actor: z.string().trim().max(254).optional(),
    /** An exact action, e.g. "team.invite_sent". */
    action: z
      .string()
      .trim()
      .max(100)
      .regex(/^[a-z0-9_.]+$/, "Unknown action")
      .optional(),
    outcome: z.enum(["success", "failure", "denied"]).optional(),
    /** First and last day included, in the organisation's time zone. */
    from: day.optional(),
    to: day.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ["to"],
    message: "The end date is before the start date",
  });

export const auditListSchema = auditFiltersSchema.and(
  z.object({
    /** Keyset cursor: rows older than this id. */
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  }),
);

export type AuditFilters = z.infer<typeof auditFiltersSchema>;
export type AuditListQuery = z.infer<typeof auditListSchema>;
