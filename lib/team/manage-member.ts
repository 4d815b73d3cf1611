import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { memberships } from "@/lib/db/schema";
import { ConflictError } from "@/lib/auth/errors";
import { auditTeam, bumpSessionVersion, lockIntegrator, type ServiceContext } from "./context";
import {
  assertCanGrant,
  assertCanManageMemberWithRole,
  assertNotLastOwner,
  assertNotSelf,
  findMember,
  findRole,
  isOwnerRole,
} from "./guards";

export interface MemberChange {
  memberId: string;
  email: string;
  roleName: string;
  status: "active" | "disabled" | "invited" | "removed";
}

/**
 * Gives a member another role. Refused for yourself, for a member whose role holds more than you,
 * for a role holding more than you, and for the last Owner. Their sessions end (session version).
 */
export async function changeMemberRole(
  db: Db,
  scope: Scope,
  input: { memberId: string; roleId: string },
  ctx: ServiceContext = {},
): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const member = await findMember(tx, scope, input.memberId);
    const role = await findRole(tx, scope, input.roleId);
    assertNotSelf(scope, member, "You cannot change your own role. Ask another administrator to do it.");
    assertCanManageMemberWithRole(scope, member.role);
    assertCanGrant(scope, role);
    if (member.role.id === role.id) {
      return { memberId: member.id, email: member.email, roleName: role.name, status: member.status };
    }
    if (isOwnerRole(member.role) && !isOwnerRole(role))
      await assertNotLastOwner(tx, member, scope.integratorId, "demote");
    await tx
      .update(memberships)
      .set({ roleId: role.id, updatedAt: new Date() })
      .where(and(eq(memberships.id, member.id), inScope(memberships, scope)));
    await bumpSessionVersion(tx, member.userId);
    await auditTeam(tx, scope, ctx, {
      action: "team.member_role_changed",
      targetType: "member",
      targetId: member.id,
      metadata: {
        email: member.email,
        from: { id: member.role.id, name: member.role.name },
        to: { id: role.id, name: role.name },
      },
    });
    return { memberId: member.id, email: member.email, roleName: role.name, status: member.status };
  });
}

/** Disables a member: they cannot sign in, and their current sessions end on the next request. */
export function disableMember(db: Db, scope: Scope, input: { memberId: string }, ctx: ServiceContext = {}): Promise<MemberChange> {
  return setMemberStatus(db, scope, input.memberId, "disabled", ctx);
}

/** Re-enables a disabled member (they sign in again). */
export function enableMember(db: Db, scope: Scope, input: { memberId: string }, ctx: ServiceContext = {}): Promise<MemberChange> {
  return setMemberStatus(db, scope, input.memberId, "active", ctx);
}

async function setMemberStatus(
  db: Db,
  scope: Scope,
  memberId: string,
  status: "active" | "disabled",
  ctx: ServiceContext,
): Promise<MemberChange> {
  const disabling = status === "disabled";
  return db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const member = await findMember(tx, scope, memberId);
    assertNotSelf(scope, member, disabling ? "You cannot disable your own account." : "You cannot re-enable your own account.");
    assertCanManageMemberWithRole(scope, member.role);
    if (member.status === status) throw new ConflictError(`${member.email} is already ${status}.`);
    if (disabling) await assertNotLastOwner(tx, member, scope.integratorId, "disable");
    await tx
      .update(memberships)
      .set({ status, updatedAt: new Date() })
      .where(and(eq(memberships.id, member.id), inScope(memberships, scope)));
    await bumpSessionVersion(tx, member.userId);
    await auditTeam(tx, scope, ctx, {
      action: disabling ? "team.member_disabled" : "team.member_enabled",
      targetType: "member",
      targetId: member.id,
      metadata: { email: member.email, roleName: member.role.name },
    });
    return { memberId: member.id, email: member.email, roleName: member.role.name, status };
  });
}

/** Removes a member from the team (their account stays, without access; they can be invited again). */
export async function removeMember(
  db: Db,
  scope: Scope,
  input: { memberId: string },
  ctx: ServiceContext = {},
): Promise<MemberChange> {
  return db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const member = await findMember(tx, scope, input.memberId);
    assertNotSelf(scope, member, "You cannot remove yourself from the team.");
    assertCanManageMemberWithRole(scope, member.role);
    await assertNotLastOwner(tx, member, scope.integratorId, "remove");
    await tx
      .delete(memberships)
      .where(and(eq(memberships.id, member.id), inScope(memberships, scope)));
    await bumpSessionVersion(tx, member.userId);
    await auditTeam(tx, scope, ctx, {
      action: "team.member_removed",
      targetType: "member",
      targetId: member.id,
      metadata: { email: member.email, userId: member.userId, roleName: member.role.name },
    });
    return { memberId: member.id, email: member.email, roleName: member.role.name, status: "removed" };
  });
}
