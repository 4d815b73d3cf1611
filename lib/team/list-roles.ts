import "server-only";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { invites, memberships, roles } from "@/lib/db/schema";
import { BUILTIN_ROLE_NAMES, isPermission } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { inScope } from "@/lib/db/tenant";
import type { RoleSummary, RolesListQuery, RolesListResponse } from "./roles-contract";


/** The integrator's roles, built-ins first (in their canonical order), with member counts. */
export async function listRoles(db: Db, scope: Scope, now = new Date()): Promise<RoleSummary[]> {
  const memberCount = db
    .select({ roleId: memberships.roleId, n: sql<number>`count(*)::int`.as("n") })
    .from(memberships)
    .where(inScope(memberships, scope))
    .groupBy(memberships.roleId)
    .as("member_count");
  const inviteCount = db
    .select({ roleId: invites.roleId, n: sql<number>`count(*)::int`.as("pending_n") })
    .from(invites)
    .where(
      and(inScope(invites, scope), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now)),
    )
    .groupBy(invites.roleId)
    .as("invite_count");
  const rows = await db
    .select({
      id: roles.id,
      name: roles.name,
      description: roles.description,
      permissions: roles.permissions,
      isBuiltin: roles.isBuiltin,
      updatedAt: roles.updatedAt,
      memberCount: sql<number>`coalesce(${memberCount.n}, 0)::int`,
      pendingInviteCount: sql<number>`coalesce(${inviteCount.n}, 0)::int`,
    })
    .from(roles)
    .leftJoin(memberCount, eq(memberCount.roleId, roles.id))
    .leftJoin(inviteCount, eq(inviteCount.roleId, roles.id))
    .where(inScope(roles, scope))
    .orderBy(desc(roles.isBuiltin), asc(sql`lower(${roles.name})`));
  const builtinOrder = (r: { isBuiltin: boolean; name: string }) =>
    r.isBuiltin ? BUILTIN_ROLE_NAMES.indexOf(r.name) : 999;
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      permissions: r.permissions.filter(isPermission),
      isBuiltin: r.isBuiltin,
      memberCount: r.memberCount,
      pendingInviteCount: r.pendingInviteCount,
      updatedAt: r.updatedAt.toISOString(),
    }))
    .sort((a, b) => Number(b.isBuiltin) - Number(a.isBuiltin) || builtinOrder(a) - builtinOrder(b));
}

const collator = new Intl.Collator("en", { sensitivity: "base" });

/**
 * One page of the Roles table: search (name or description), type, sort (none: built-ins first in
 * their canonical order) and paging over the integrator's roles (tens, at most: done here).
 */
export async function listRolesPage(
  db: Db,
  scope: Scope,
  query: RolesListQuery,
  now = new Date(),
): Promise<RolesListResponse> {
  const needle = query.q.toLowerCase();
  let rows = (await listRoles(db, scope, now)).filter(
    (r) =>
      (!needle || r.name.toLowerCase().includes(needle) || r.description.toLowerCase().includes(needle)) &&
      (query.type.length === 0 || query.type.includes(r.isBuiltin ? "builtin" : "custom")),
  );
  if (query.sort) {
    const { column, dir } = query.sort;
    const sign = dir === "asc" ? 1 : -1;
    const value = (r: RoleSummary) =>
      column === "members" ? r.memberCount : column === "updatedAt" ? r.updatedAt : r.name;
    rows = [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
      return c !== 0 ? c * sign : collator.compare(a.name, b.name);
    });
  }
  const lastPage = Math.max(1, Math.ceil(rows.length / query.size));
  const page = Math.min(query.page, lastPage);
  return { rows: rows.slice((page - 1) * query.size, page * query.size), total: rows.length, page, size: query.size };
}
