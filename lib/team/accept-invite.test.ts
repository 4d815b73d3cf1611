/**
 * Accepting an invite with an existing account's password is a sign-in: the same throttle and
 * lockout (lib/auth/throttle.ts, kind "password", per account and per IP, one counter shared with
 * the sign-in form), the same message, and nothing created while locked.
 */
import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testEngines, withTestDb } from "@/test/db";
import { auditLogs, memberships, users } from "@/lib/db/schema";
import { RateLimitError, ValidationError } from "@/lib/auth/errors";
import { authenticate } from "@/lib/auth/sign-in";
import { recordAttempt, THROTTLE, TOO_MANY_ATTEMPTS } from "@/lib/auth/throttle";
import { addMember, at, createSecurityOrg, minutes, TEST_PASSWORD, testPasswordHash } from "@/lib/auth/testing";
import type { MailMessage } from "@/lib/mail/send-mail";
import { scopeOf } from "./testing";
import { inviteMembers } from "./invite-members";
import { acceptInvite, getInviteByToken } from "./accept-invite";
import { acceptInviteSchema } from "./schemas";

const ip = (n: number) => `198.51.100.${n}`;
const WRONG = "That password is not correct.";

describe.each(testEngines())("accept an invite with an existing account: throttled like sign-in (%s)", (engine) => {
  const t = withTestDb(engine);

  /** An organisation, and an invite for an account that exists (with TEST_PASSWORD) but has no team. */
  async function invitedAccount(email: string) {
    const org = await createSecurityOrg(t.db);
    const owner = await addMember(t.db, org, { role: "Owner" });
    const [user] = await t.db
      .insert(users)
      .values({ email, name: "Ines Invitee", passwordHash: await testPasswordHash() })
      .returning({ id: users.id });
    const sent: MailMessage[] = [];
    await inviteMembers(
      t.db,
      scopeOf(org, owner),
      { emails: [email], roleId: org.roles.Viewer! },
      { mailer: async (m) => void sent.push(m) },
    );
    const token = /\/invite\/([A-Za-z0-9_-]{43})/.exec(sent.find((m) => m.to === email)!.text)![1]!;
    const accept = (password: string, now: Date, from = ip(1)) =>
      acceptInvite(t.db, acceptInviteSchema.parse({ mode: "existing", token, password }), {
        now,
        meta: { ip: from, userAgent: "vitest" },
      });
    const teams = () => t.db.select().from(memberships).where(eq(memberships.userId, user!.id));
    return { org, userId: user!.id, token, accept, teams };
  }

  it("5 wrong passwords lock the account for accept-invite and sign-in; the right one is refused until the lock lifts", async () => {
    const email = "ines@invitee.test";
    const { org, userId, token, accept, teams } = await invitedAccount(email);
    const t0 = new Date();
    for (let i = 0; i < THROTTLE.accountFailures; i++) {
      // From a different IP each time: the account lock does not care.
      await expect(accept("not-her-password", at(t0, minutes(i)), ip(10 + i))).rejects.toThrow(WRONG);
    }
    const refused = await accept(TEST_PASSWORD, at(t0, minutes(5)), ip(20)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitError);
    expect((refused as RateLimitError).message).toBe(TOO_MANY_ATTEMPTS);
    expect((refused as RateLimitError).retryAfterSeconds).toBeGreaterThan(0);
    // Nothing was created: no membership, the invite is still unused.
    expect(await teams()).toHaveLength(0);
    expect((await getInviteByToken(t.db, token, at(t0, minutes(5)))).state).toBe("valid");
    // The same counter locks the sign-in form.
    expect(await authenticate(t.db, { email, password: TEST_PASSWORD }, { ip: ip(21) }, at(t0, minutes(5)))).toEqual({
      ok: false,
      error: "TooManyAttempts",
    });
    const lockouts = await t.db
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.actorUserId, userId), eq(auditLogs.action, "auth.lockout")));
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ integratorId: org.integratorId, outcome: "denied", ip: ip(14) });
    expect(JSON.stringify(lockouts)).not.toContain(TEST_PASSWORD);

    // 15 minutes after the first failure the lock lifts by itself.
    await expect(accept(TEST_PASSWORD, at(t0, minutes(16)))).resolves.toMatchObject({ email });
    expect(await teams()).toMatchObject([{ integratorId: org.integratorId, status: "active" }]);
  });

  it("failures on the sign-in form count too (one counter per account)", async () => {
    const email = "shared@invitee.test";
    const { accept, teams } = await invitedAccount(email);
    const t0 = new Date();
    for (let i = 0; i < 3; i++)
      await authenticate(t.db, { email, password: "guess" }, { ip: ip(30 + i) }, at(t0, minutes(i)));
    for (let i = 3; i < 5; i++)
      await expect(accept("guess", at(t0, minutes(i)))).rejects.toBeInstanceOf(ValidationError);
    await expect(accept(TEST_PASSWORD, at(t0, minutes(5)))).rejects.toThrow(TOO_MANY_ATTEMPTS);
    expect(await teams()).toHaveLength(0);
  });

  it("an IP with 50 failures (any accounts) is locked out of accept-invite; another IP is not", async () => {
    const { accept, teams } = await invitedAccount("ip@invitee.test");
    const t0 = new Date();
    for (let i = 0; i < THROTTLE.ipFailures; i++) {
      await recordAttempt(t.db, {
        kind: "password",
        email: `victim-${i}@x.test`,
        ip: ip(99),
        success: false,
        now: at(t0, -minutes(1)),
      });
    }
    await expect(accept(TEST_PASSWORD, t0, ip(99))).rejects.toThrow(TOO_MANY_ATTEMPTS);
    expect(await teams()).toHaveLength(0);
    await expect(accept(TEST_PASSWORD, t0, ip(98))).resolves.toMatchObject({ email: "ip@invitee.test" });
  });
});
