import "server-only";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { invites, memberships, roles } from "@/lib/db/schema";
import { BUILTIN_ROLE_NAMES, isPermission, type Permission } from "@/lib/auth/permissions";
import type { TeamScope } from "./context";

export interface RoleSummary {
  id: string;
  name: string;
  description: string;
  permissions: Permission[];
  isBuiltin: boolean;
  memberCount: number;
  pendingInviteCount: number;
  updatedAt: string;
}

/** The integrator's roles, built-ins first (in their canonical order), with member counts. */
export async function listRoles(
  db: Db,
  scope: Pick<TeamScope, "integratorId">,
  now = new Date(),
): Promise<RoleSummary[]> {
  const memberCount = db
    .select({ roleId: memberships.roleId, n: sql<number>`count(*)::int`.as("n") })
    .from(memberships)
    .where(eq(memberships.integratorId, scope.integratorId))
    .groupBy(memberships.roleId)
    .as("member_count");
  const inviteCount = db
    .select({ roleId: invites.roleId, n: sql<number>`count(*)::int`.as("pending_n") })
    .from(invites)
    .where(
      and(
        eq(invites.integratorId, scope.integratorId),
        isNull(invites.acceptedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
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
    .where(eq(roles.integratorId, scope.integratorId))
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
