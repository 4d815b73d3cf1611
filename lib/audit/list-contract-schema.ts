/**
 * The audit log list's params schema (zod): what GET /api/team/audit and its export parse (the one
 * validation), and the server page through readForPage. Kept apart from list-contract.ts, which
 * client components import, so zod stays on the server.
 */
import { z } from "zod";
import {
  checkDateRange,
  dayParam,
  listParam,
  pageParam,
  pageSizeParam,
  searchParam,
  single,
  sortParam,
  textParam,
  tzParam,
} from "@/lib/client/list-params-schema";
import { AUDIT_DEFAULT_SORT, AUDIT_OUTCOMES, AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZES, AUDIT_SORT_COLUMNS, parseAuditCursor, auditSearchParams } from "./list-contract";
import { createLoader } from "nuqs/server";

const actionCode = z
  .string()
  .max(100)
  .regex(/^[a-z0-9_.]+$/, "Unknown action");

/** What GET /api/team/audit and /api/team/audit/export accept (the export ignores sort and paging). */
export const auditListSchema = z
  .object({
    /** Actor email, target id, action or IP contains this. */
    q: searchParam(100),
    /** The actor's email (case-insensitive). */
    actor: textParam(254, "The actor", "Unknown actor"),
    /** Exact action codes, e.g. "team.invite_sent". */
    action: listParam(50, actionCode),
    outcome: listParam(3, z.enum(AUDIT_OUTCOMES, { error: "Outcome must be success, failure or denied" })),
    /** First and last day included, in `tz` (the organisation's zone or UTC; default the organisation's). */
    from: dayParam,
    to: dayParam,
    tz: tzParam,
    sort: sortParam(AUDIT_SORT_COLUMNS, AUDIT_DEFAULT_SORT),
    cursor: single(
      z
        .string()
        .max(20)
        .optional()
        .refine((v) => !v || parseAuditCursor(v) !== null, "Malformed cursor")
        .transform((v) => (v ? parseAuditCursor(v)! : null)),
    ),
    page: pageParam,
    size: pageSizeParam(AUDIT_PAGE_SIZES, AUDIT_PAGE_SIZE),
  })
  .superRefine(checkDateRange);

/** The server page reads the URL with the same parser map the list's client controls use. */
export const loadAuditSearchParams = createLoader(auditSearchParams);
