import "server-only";
import { and, asc, desc, eq, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { auditLogs, users } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import type { AuditFilters, AuditListQuery } from "./query";
import { AUDIT_EXPORT_MAX_ROWS } from "./query";
import { toCsv } from "./csv";

type AuditScope = Pick<Scope, "integratorId" | "timezone">;

export interface AuditRow {
  id: number;
  createdAt: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  environment: string | null;
  metadata: Record<string, unknown> | null;
}

function filtersWhere(scope: AuditScope, f: AuditFilters): SQL {
  const where: (SQL | undefined)[] = [eq(auditLogs.integratorId, scope.integratorId)];
  if (f.actor) where.push(sql`lower(${auditLogs.actorEmail}) = ${f.actor.toLowerCase()}`);
  if (f.action) where.push(eq(auditLogs.action, f.action));
  if (f.outcome) where.push(eq(auditLogs.outcome, f.outcome));
  // Whole days in the organisation's time zone (the timestamps are stored in UTC).
  if (f.from) where.push(sql`${auditLogs.createdAt} >= (${f.from}::date)::timestamp at time zone ${scope.timezone}`);
  if (f.to) where.push(sql`${auditLogs.createdAt} < ((${f.to}::date + 1)::timestamp at time zone ${scope.timezone})`);
  return and(...where)!;
}

const columns = {
  id: auditLogs.id,
  createdAt: auditLogs.createdAt,
  actorUserId: auditLogs.actorUserId,
  actorEmail: auditLogs.actorEmail,
  actorName: users.name,
  action: auditLogs.action,
  targetType: auditLogs.targetType,
  targetId: auditLogs.targetId,
  outcome: auditLogs.outcome,
  ip: auditLogs.ip,
  userAgent: auditLogs.userAgent,
  environment: auditLogs.environment,
  metadata: auditLogs.metadata,
};

async function page(
  db: Db,
  scope: AuditScope,
  filters: AuditFilters,
  before: number | undefined,
  limit: number,
): Promise<AuditRow[]> {
  const rows = await db
    .select(columns)
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorUserId))
    .where(and(filtersWhere(scope, filters), before ? lt(auditLogs.id, before) : undefined))
    .orderBy(desc(auditLogs.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), metadata: r.metadata ?? null }));
}

/** Newest first, `limit` rows older than the `before` cursor; `nextCursor` when there are more. */
export async function listAuditLogs(
  db: Db,
  scope: AuditScope,
  query: AuditListQuery,
): Promise<{ rows: AuditRow[]; nextCursor: number | null }> {
  const { before, limit, ...filters } = query;
  const rows = await page(db, scope, filters, before, limit + 1);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { rows: shown, nextCursor: more ? shown[shown.length - 1]!.id : null };
}

/** The values the filters offer: actions and actor emails seen in this organisation's log. */
export async function listAuditFacets(db: Db, scope: AuditScope): Promise<{ actions: string[]; actors: string[] }> {
  const actions = await db
    .selectDistinct({ action: auditLogs.action })
    .from(auditLogs)
    .where(eq(auditLogs.integratorId, scope.integratorId))
    .orderBy(asc(auditLogs.action))
    .limit(500);
  const actors = await db
    .selectDistinct({ email: sql<string>`lower(${auditLogs.actorEmail})` })
    .from(auditLogs)
    .where(and(eq(auditLogs.integratorId, scope.integratorId), isNotNull(auditLogs.actorEmail)))
    .orderBy(asc(sql`lower(${auditLogs.actorEmail})`))
    .limit(500);
  return { actions: actions.map((a) => a.action), actors: actors.map((a) => a.email) };
}

export const AUDIT_CSV_HEADER = [
  "time_utc",
  "actor_email",
  "actor_name",
  "actor_user_id",
  "action",
  "target_type",
  "target_id",
  "outcome",
  "ip",
  "environment",
  "user_agent",
  "details",
];

function csvRow(r: AuditRow) {
  return [
    r.createdAt,
    r.actorEmail,
    r.actorName,
    r.actorUserId,
    r.action,
    r.targetType,
    r.targetId,
    r.outcome,
    r.ip,
    r.environment,
    r.userAgent,
    r.metadata ? JSON.stringify(r.metadata) : "",
  ];
}

/** The filtered log as CSV (newest first), streamed in pages of 1000 rows; cells neutralised against formulas. */
export function exportAuditCsv(
  db: Db,
  scope: AuditScope,
  filters: AuditFilters,
  maxRows = AUDIT_EXPORT_MAX_ROWS,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let before: number | undefined;
  let sent = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + toCsv(AUDIT_CSV_HEADER, []) + "\r\n"));
        return;
      }
      const size = Math.min(1000, maxRows - sent);
      const rows = size > 0 ? await page(db, scope, filters, before, size) : [];
      if (!rows.length) {
        controller.close();
        return;
      }
      sent += rows.length;
      before = rows[rows.length - 1]!.id;
      controller.enqueue(encoder.encode(toCsv([], rows.map(csvRow), false) + "\r\n"));
    },
  });
}
