import "server-only";
import { requireMember, type Scope } from "@/lib/auth/scope";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { invites } from "@/lib/db/schema";
import { ConflictError, NotFoundError } from "@/lib/auth/errors";
import { auditTeam, lockIntegrator, type DbOrTx } from "./context";
import { assertCanGrant, findRole } from "./guards";
import { sendInviteMails } from "./invite-mail";
import type { InviteContext } from "./invite-members";
import { INVITE_TTL_HOURS } from "./schemas";
import { newInviteToken } from "./tokens";

async function findInvite(tx: DbOrTx, scope: Scope, inviteId: string) {
  const [invite] = await tx
    .select()
    .from(invites)
    .where(and(eq(invites.id, inviteId), inScope(invites, scope)))
    .limit(1);
  if (!invite) throw new NotFoundError("Invite not found");
  return invite;
}

/** A new link for a pending (or expired) invite: new token, new 72 h; the old link is dead. */
export async function resendInvite(
  db: Db,
  scope: Scope,
  input: { inviteId: string },
  ctx: InviteContext = {},
): Promise<{ id: string; email: string; mailFailed: boolean }> {
  const now = ctx.now ?? new Date();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000);
  const mail = await db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const invite = await findInvite(tx, scope, input.inviteId);
    if (invite.acceptedAt) throw new ConflictError(`${invite.email} has already accepted this invite.`);
    if (invite.revokedAt)
      throw new ConflictError(`This invite to ${invite.email} was revoked. Send a new invite instead.`);
    const role = await findRole(tx, scope, invite.roleId);
    assertCanGrant(scope, role);
    const { token, tokenHash } = newInviteToken();
    await tx.update(invites).set({ tokenHash, expiresAt }).where(eq(invites.id, invite.id));
    await auditTeam(tx, scope, ctx, {
      action: "team.invite_resent",
      targetType: "invite",
      targetId: invite.id,
      metadata: { email: invite.email, roleId: role.id, roleName: role.name, expiresAt: expiresAt.toISOString() },
    });
    return {
      to: invite.email,
      token,
      organization: scope.organization,
      inviterName: requireMember(scope).name,
      inviterEmail: requireMember(scope).email,
      roleName: role.name,
      expiresAt,
      baseUrl: ctx.baseUrl,
    };
  });
  const failed = await sendInviteMails([mail], ctx.mailer);
  return { id: input.inviteId, email: mail.to, mailFailed: failed.length > 0 };
}

/** Kills a pending invite's link for good. */
export async function revokeInvite(
  db: Db,
  scope: Scope,
  input: { inviteId: string },
  ctx: InviteContext = {},
): Promise<{ id: string; email: string }> {
  const now = ctx.now ?? new Date();
  return db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const invite = await findInvite(tx, scope, input.inviteId);
    if (invite.acceptedAt)
      throw new ConflictError(`${invite.email} has already accepted this invite: manage them as a member instead.`);
    if (invite.revokedAt) throw new ConflictError(`This invite to ${invite.email} was already revoked.`);
    const role = await findRole(tx, scope, invite.roleId);
    assertCanGrant(scope, role);
    await tx
      .update(invites)
      .set({ revokedAt: now })
      .where(and(eq(invites.id, invite.id), isNull(invites.revokedAt), isNull(invites.acceptedAt)));
    await auditTeam(tx, scope, ctx, {
      action: "team.invite_revoked",
      targetType: "invite",
      targetId: invite.id,
      metadata: { email: invite.email, roleId: role.id, roleName: role.name },
    });
    return { id: invite.id, email: invite.email };
  });
}
