import "server-only";
import { requireMember, type Scope } from "@/lib/auth/scope";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { inScope } from "@/lib/db/tenant";
import { invites, memberships, users } from "@/lib/db/schema";
import { ConflictError, RateLimitError } from "@/lib/auth/errors";
import { auditTeam, lockIntegrator, type ServiceContext } from "./context";
import { assertCanGrant, findRole } from "./guards";
import { sendInviteMails, type InviteMailInput, type Mailer } from "./invite-mail";
import { INVITE_TTL_HOURS } from "./schemas";
import { newInviteToken } from "./tokens";

/** New invites an organisation may send per 24 hours (mail abuse guard). */
export const INVITES_PER_DAY = 200;

export interface InviteContext extends ServiceContext {
  mailer?: Mailer;
  baseUrl?: string;
}

export interface InviteResult {
  invited: { id: string; email: string }[];
  /** Invites created whose mail could not be delivered (resend them). */
  mailFailed: string[];
}

/**
 * Invites each address with the role: an invite row (token hash, 72 h) and a mail with the link.
 * All or nothing: one address already in the team or already invited refuses the whole request
 * with a message naming it.
 */
export async function inviteMembers(
  db: Db,
  scope: Scope,
  input: { emails: string[]; roleId: string },
  ctx: InviteContext = {},
): Promise<InviteResult> {
  const now = ctx.now ?? new Date();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000);
  const emails = [...new Set(input.emails.map((e) => e.trim().toLowerCase()))];

  const created = await db.transaction(async (tx) => {
    await lockIntegrator(tx, scope.integratorId);
    const role = await findRole(tx, scope, input.roleId);
    assertCanGrant(scope, role);

    const members = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(inScope(memberships, scope), inArray(sql`lower(${users.email})`, emails)));
    const pending = await tx
      .select({ email: invites.email })
      .from(invites)
      .where(
        and(
          inScope(invites, scope),
          inArray(sql`lower(${invites.email})`, emails),
          isNull(invites.acceptedAt),
          isNull(invites.revokedAt),
          gt(invites.expiresAt, now),
        ),
      );
    const [sent] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(invites)
      .where(
        and(
          inScope(invites, scope),
          gt(invites.createdAt, new Date(now.getTime() - 24 * 3600_000)),
        ),
      );
    if ((sent?.n ?? 0) + emails.length > INVITES_PER_DAY) {
      throw new RateLimitError(
        `Your organisation can send at most ${INVITES_PER_DAY} invites a day (${sent?.n ?? 0} sent in the last 24 hours). Try again later.`,
        3600,
      );
    }
    const problems: string[] = [];
    if (members.length) {
      problems.push(`Already in the team: ${members.map((m) => m.email.toLowerCase()).join(", ")}.`);
    }
    if (pending.length) {
      problems.push(
        `Already invited (resend their invite instead): ${pending.map((p) => p.email.toLowerCase()).join(", ")}.`,
      );
    }
    if (problems.length) throw new ConflictError(problems.join(" "));

    const created: (InviteMailInput & { id: string })[] = [];
    for (const email of emails) {
      const { token, tokenHash } = newInviteToken();
      const [row] = await tx
        .insert(invites)
        .values({
          integratorId: scope.integratorId,
          email,
          roleId: role.id,
          tokenHash,
          invitedBy: requireMember(scope).userId,
          expiresAt,
          createdAt: now,
        })
        .returning({ id: invites.id });
      await auditTeam(tx, scope, ctx, {
        action: "team.invite_sent",
        targetType: "invite",
        targetId: row!.id,
        metadata: { email, roleId: role.id, roleName: role.name, expiresAt: expiresAt.toISOString() },
      });
      created.push({
        id: row!.id,
        to: email,
        token,
        organization: scope.organization,
        inviterName: requireMember(scope).name,
        inviterEmail: requireMember(scope).email,
        roleName: role.name,
        expiresAt,
        baseUrl: ctx.baseUrl,
      });
    }
    return created;
  });

  // After the commit: a link in a mail always points at a stored invite.
  const mailFailed = await sendInviteMails(created, ctx.mailer);
  return { invited: created.map((c) => ({ id: c.id, email: c.to })), mailFailed };
}
