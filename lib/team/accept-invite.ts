import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { integrators, invites, memberships, roles, users } from "@/lib/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isCommonPassword, isPersonalPassword, PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { ConflictError, NotFoundError, RateLimitError, ValidationError } from "@/lib/auth/errors";
import { failureLocksAccount, lockoutMetadata, lockState, recordAttempt, TOO_MANY_ATTEMPTS } from "@/lib/auth/throttle";
import { writeAudit } from "@/lib/audit/write-audit";
import type { ServiceContext } from "./context";
import { inviteTokenSchema, type acceptInviteSchema } from "./schemas";
import { hashInviteToken } from "./tokens";
import type { z } from "zod";

export type InviteState = "valid" | "invalid" | "expired" | "accepted" | "revoked";

/** What the public accept page may show for a token. Nothing for an unknown token. */
export interface InviteView {
  state: InviteState;
  organization?: string;
  inviterName?: string;
  email?: string;
  roleName?: string;
  expiresAt?: string;
  /** The address already has an account with a password: accept by entering it. */
  accountExists?: boolean;
  /** The organisation requires two-factor authentication for everyone. */
  requireTwoFactor?: boolean;
}

export const INVITE_MESSAGES: Record<Exclude<InviteState, "valid">, string> = {
  invalid:
    "This invitation link is not valid. Check that you opened the whole link from the email, or ask for a new invite.",
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  accepted: "This invitation has already been used. Sign in with your email and password instead.",
  revoked:
    "This invitation was revoked. Ask the organisation's administrator for a new invite if you still need access.",
};

function stateOf(invite: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.acceptedAt) return "accepted";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

async function loadInvite(db: Pick<Db, "select">, token: string) {
  if (!inviteTokenSchema.safeParse(token).success) return null;
  const [row] = await db
    .select({
      id: invites.id,
      integratorId: invites.integratorId,
      email: invites.email,
      roleId: invites.roleId,
      invitedBy: invites.invitedBy,
      expiresAt: invites.expiresAt,
      acceptedAt: invites.acceptedAt,
      revokedAt: invites.revokedAt,
      organization: integrators.organization,
      requireTwoFactor: integrators.requireTwoFactor,
      roleName: roles.name,
      inviterName: sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${invites.invitedBy})`,
    })
    .from(invites)
    .innerJoin(integrators, eq(integrators.id, invites.integratorId))
    .innerJoin(roles, eq(roles.id, invites.roleId))
    .where(eq(invites.tokenHash, hashInviteToken(token)))
    .limit(1);
  return row ?? null;
}

/** For the public /invite/<token> page. */
export async function getInviteByToken(db: Db, token: string, now = new Date()): Promise<InviteView> {
  const invite = await loadInvite(db, token);
  if (!invite) return { state: "invalid" };
  const state = stateOf(invite, now);
  const base = { state, organization: invite.organization, inviterName: invite.inviterName ?? undefined };
  if (state !== "valid") return base;
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${invite.email.toLowerCase()}`)
    .limit(1);
  return {
    ...base,
    email: invite.email,
    roleName: invite.roleName,
    expiresAt: invite.expiresAt.toISOString(),
    accountExists: Boolean(user?.passwordHash),
    requireTwoFactor: invite.requireTwoFactor,
  };
}

export type AcceptInviteParsed = z.infer<typeof acceptInviteSchema>;

const WRONG_PASSWORD = "That password is not correct.";

/**
 * An existing account's password, checked the way sign-in checks it (lib/auth/sign-in.ts): the
 * "password" throttle per account and per IP before any password work (the same counter as the
 * sign-in form, so guesses here lock sign-in and the other way round), every outcome counted.
 * Runs before the accept transaction: a failure must stay recorded (the transaction rolls back)
 * and argon2 must not run under the invite's row lock. Returns the hash it verified (the
 * transaction refuses if the password changed meanwhile), or null when there is no password to
 * check (the transaction then gives the usual refusal: no password yet, already in a team).
 */
async function checkExistingPassword(
  db: Db,
  invite: { integratorId: string; email: string },
  password: string,
  ctx: ServiceContext,
  now: Date,
): Promise<string | null> {
  const email = invite.email.toLowerCase();
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (!user?.passwordHash) return null;
  const [team] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .limit(1);
  if (team) return null;
  const ip = ctx.meta?.ip ?? "unknown";
  const lock = await lockState(db, { kind: "password", email, ip, now });
  if (lock.locked) throw new RateLimitError(TOO_MANY_ATTEMPTS, lock.retryAfterSeconds);
  const ok = await verifyPassword(user.passwordHash, password);
  await recordAttempt(db, { kind: "password", email, ip, success: ok, now });
  if (ok) return user.passwordHash;
  if (failureLocksAccount(lock)) {
    await writeAudit(db, {
      integratorId: invite.integratorId,
      actorUserId: user.id,
      actorEmail: email,
      action: "auth.lockout",
      outcome: "denied",
      ip,
      userAgent: ctx.meta?.userAgent ?? null,
      metadata: { ...lockoutMetadata("password"), via: "invite" },
    });
  }
  throw new ValidationError(WRONG_PASSWORD, { password: [WRONG_PASSWORD] });
}

/**
 * Accepts an invite: creates the account (or attaches an existing account that has no team),
 * adds the membership with the invite's role and marks the invite used, all in one transaction.
 * The invite is single use: a second call (or a concurrent one) is refused.
 */
export async function acceptInvite(
  db: Db,
  input: AcceptInviteParsed,
  ctx: ServiceContext = {},
): Promise<{ email: string; organization: string }> {
  const now = ctx.now ?? new Date();
  // A first look without a lock: a dead link is refused before anything else is checked.
  const first = await loadInvite(db, input.token);
  if (!first) throw new NotFoundError(INVITE_MESSAGES.invalid);
  const firstState = stateOf(first, now);
  if (firstState !== "valid") throw new ConflictError(INVITE_MESSAGES[firstState]);
  if (input.mode === "new") {
    const problem = isCommonPassword(input.password)
      ? PASSWORD_MESSAGES.common
      : isPersonalPassword(input.password, first.email)
        ? PASSWORD_MESSAGES.personal
        : null;
    if (problem) throw new ValidationError(problem, { password: [problem] });
  }
  // Hash (or verify) outside the transaction: argon2 takes ~50 ms and the transaction holds a lock.
  const newPasswordHash = input.mode === "new" ? await hashPassword(input.password) : null;
  const verifiedHash =
    input.mode === "existing" ? await checkExistingPassword(db, first, input.password, ctx, now) : null;
  const tokenHash = hashInviteToken(input.token);

  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: invites.id })
      .from(invites)
      .where(eq(invites.tokenHash, tokenHash))
      .for("update");
    const invite = locked ? await loadInvite(tx, input.token) : null;
    if (!invite) throw new NotFoundError(INVITE_MESSAGES.invalid);
    const state = stateOf(invite, now);
    if (state !== "valid") throw new ConflictError(INVITE_MESSAGES[state]);

    const email = invite.email.toLowerCase();
    const [existing] = await tx
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`)
      .limit(1);

    let userId: string;
    if (existing) {
      const teams = await tx
        .select({ integratorId: memberships.integratorId })
        .from(memberships)
        .where(eq(memberships.userId, existing.id));
      if (teams.some((t) => t.integratorId === invite.integratorId)) {
        throw new ConflictError(`${email} is already a member of ${invite.organization}. Sign in instead.`);
      }
      if (teams.length) {
        throw new ConflictError(
          `${email} already belongs to another organisation's team on Kotani Pay. Ask to be invited with a different email address.`,
        );
      }
      if (existing.passwordHash) {
        if (input.mode !== "existing") {
          throw new ConflictError("You already have a Kotani Pay account: enter its password to join.");
        }
        // Verified (and throttled) before the transaction; a password changed since is not the one checked.
        if (existing.passwordHash !== verifiedHash)
          throw new ValidationError(WRONG_PASSWORD, { password: [WRONG_PASSWORD] });
      } else {
        if (input.mode !== "new" || !newPasswordHash) throw new ValidationError("Choose a password for your account.");
        await tx
          .update(users)
          .set({ name: input.name, passwordHash: newPasswordHash, passwordChangedAt: now })
          .where(eq(users.id, existing.id));
      }
      userId = existing.id;
    } else {
      if (input.mode !== "new" || !newPasswordHash) throw new ValidationError("Choose a password for your account.");
      const [created] = await tx
        .insert(users)
        .values({ email, name: input.name, passwordHash: newPasswordHash, passwordChangedAt: now })
        .returning({ id: users.id });
      userId = created!.id;
    }

    await tx.insert(memberships).values({
      integratorId: invite.integratorId,
      userId,
      roleId: invite.roleId,
      status: "active",
      invitedBy: invite.invitedBy,
    });
    const used = await tx
      .update(invites)
      .set({ acceptedAt: now })
      .where(and(eq(invites.id, invite.id), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning({ id: invites.id });
    if (!used.length) throw new ConflictError(INVITE_MESSAGES.accepted);

    await writeAudit(tx, {
      integratorId: invite.integratorId,
      actorUserId: userId,
      actorEmail: email,
      action: "team.invite_accepted",
      targetType: "invite",
      targetId: invite.id,
      ip: ctx.meta?.ip ?? null,
      userAgent: ctx.meta?.userAgent ?? null,
      metadata: { roleId: invite.roleId, roleName: invite.roleName, newAccount: !existing },
    });
    return { email, organization: invite.organization };
  });
}
