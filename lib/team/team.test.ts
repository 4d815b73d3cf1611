import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { testEngines, withTestDb } from "@/test/db";
import { startSmtp, type SmtpCapture } from "@/test/smtp";
import { auditLogs, invites, memberships, roles, users } from "@/lib/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { BUILTIN_ROLES, type Permission } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import type { MailMessage } from "@/lib/mail/send-mail";
import { addTestMember, createTestOrg, scopeOf, type TestMember, type TestOrg } from "./testing";
import { auditDenials } from "./context";
import { inviteMembers } from "./invite-members";
import { resendInvite, revokeInvite } from "./manage-invite";
import { acceptInvite, getInviteByToken } from "./accept-invite";
import { changeMemberRole, disableMember, enableMember, removeMember } from "./manage-member";
import { createRole, deleteRole, updateRole } from "./manage-role";
import { listMembers } from "./list-members";
import { listRoles } from "./list-roles";
import { inviteMembersSchema, roleInputSchema, acceptInviteSchema, MAX_INVITES_PER_REQUEST } from "./schemas";

const HOUR = 3600_000;
const META = { ip: "203.0.113.7", userAgent: "vitest" };
const TOKEN_RE = /\/invite\/([A-Za-z0-9_-]{43})/;

function mailbox() {
  const sent: MailMessage[] = [];
  return {
    sent,
    mailer: async (m: MailMessage) => {
      sent.push(m);
    },
    tokenFor(email: string): string {
      const mail = [...sent].reverse().find((m) => m.to === email);
      const match = mail && TOKEN_RE.exec(mail.text);
      if (!match) throw new Error(`no invite mail for ${email}`);
      return match[1]!;
    },
  };
}

describe.each(testEngines())("team (%s)", (engine) => {
  const t = withTestDb(engine);
  let org: TestOrg;
  let other: TestOrg;
  let owner: TestMember;
  let admin: TestMember;
  let otherOwner: TestMember;
  let otherMember: TestMember;
  let otherInviteId: string;
  let otherCustomRoleId: string;

  beforeAll(async () => {
    org = await createTestOrg(t.db, "Acme Pay");
    other = await createTestOrg(t.db, "Savanna Remit");
    owner = await addTestMember(t.db, org, { role: "Owner", email: "owner@acme.test", name: "Olive Owner" });
    admin = await addTestMember(t.db, org, { role: "Admin", email: "admin@acme.test", name: "Adam Admin" });
    otherOwner = await addTestMember(t.db, other, { role: "Owner", email: "owner@savanna.test" });
    otherMember = await addTestMember(t.db, other, { role: "Finance", email: "finance@savanna.test" });
    const box = mailbox();
    const res = await inviteMembers(
      t.db,
      scopeOf(other, otherOwner),
      { emails: ["pending@savanna.test"], roleId: other.roles.Viewer! },
      { mailer: box.mailer },
    );
    otherInviteId = res.invited[0]!.id;
    otherCustomRoleId = (
      await createRole(t.db, scopeOf(other, otherOwner), {
        name: "Auditors",
        description: "",
        permissions: ["audit.read"],
      })
    ).id;
  });

  async function auditActions(targetId: string): Promise<string[]> {
    const rows = await t.db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(eq(auditLogs.targetId, targetId))
      .orderBy(auditLogs.id);
    return rows.map((r) => r.action);
  }

  async function sessionVersion(userId: string): Promise<number> {
    const [u] = await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, userId));
    return u!.v;
  }

  async function counts() {
    const res = await t.db.execute(sql`
      select (select count(*)::int from users) as u, (select count(*)::int from memberships) as m,
             (select count(*)::int from invites) as i, (select count(*)::int from roles) as r,
             (select count(*)::int from audit_logs) as a`);
    return (res as unknown as { rows: { u: number; m: number; i: number; r: number; a: number }[] }).rows[0]!;
  }

  describe("invites", () => {
    it("invites several teammates, stores only token hashes, mails a 72 h single-use link, audits each", async () => {
      const box = mailbox();
      const now = new Date("2026-03-01T08:00:00Z");
      const res = await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["Amy@Example.test", "bo@example.test"], roleId: org.roles.Finance! },
        { mailer: box.mailer, now, meta: META, baseUrl: "https://backoffice.example" },
      );
      expect(res.invited.map((i) => i.email)).toEqual(["amy@example.test", "bo@example.test"]);
      expect(res.mailFailed).toEqual([]);
      expect(box.sent).toHaveLength(2);
      const mail = box.sent[0]!;
      expect(mail.subject).toBe("Olive Owner invited you to Acme Pay on Kotani Pay");
      expect(mail.text).toContain("https://backoffice.example/invite/");
      expect(mail.text).toContain("as Finance");
      expect(mail.html).toContain("Accept invitation");
      const token = box.tokenFor("amy@example.test");
      const [row] = await t.db.select().from(invites).where(eq(invites.id, res.invited[0]!.id));
      expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row!.tokenHash).not.toContain(token);
      expect(row!.expiresAt.getTime() - now.getTime()).toBe(72 * HOUR);
      // The token appears nowhere in the database.
      const dump = await t.db.execute(
        sql`select row_to_json(i)::text as j from invites i union all select row_to_json(a)::text from audit_logs a`,
      );
      expect(JSON.stringify(dump)).not.toContain(token);
      const [audit] = await t.db.select().from(auditLogs).where(eq(auditLogs.targetId, res.invited[0]!.id));
      expect(audit).toMatchObject({
        action: "team.invite_sent",
        integratorId: org.integratorId,
        actorUserId: owner.userId,
        actorEmail: owner.email,
        ip: META.ip,
        outcome: "success",
        targetType: "invite",
      });
    });

    it("valid until 72 h, then expired; accept creates the account, the membership and signs in with the password", async () => {
      const box = mailbox();
      const now = new Date("2026-03-02T08:00:00Z");
      const { invited } = await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["cleo@example.test"], roleId: org.roles.Finance! },
        { mailer: box.mailer, now },
      );
      const token = box.tokenFor("cleo@example.test");

      expect(await getInviteByToken(t.db, token, new Date(now.getTime() + 72 * HOUR + 1000))).toMatchObject({
        state: "expired",
        organization: "Acme Pay",
      });
      const view = await getInviteByToken(t.db, token, new Date(now.getTime() + 71 * HOUR));
      expect(view).toMatchObject({
        state: "valid",
        organization: "Acme Pay",
        inviterName: "Olive Owner",
        email: "cleo@example.test",
        roleName: "Finance",
        accountExists: false,
      });

      // The account-security password rules apply: no common password, not the email or product name.
      const weak = (password: string) =>
        acceptInviteSchema.parse({ mode: "new", token, name: "Cleo", password, confirmPassword: password });
      await expect(acceptInvite(t.db, weak("aaaaaaaaaaaa"), { now: new Date(now.getTime() + HOUR) })).rejects.toThrow(
        /too common/,
      );
      await expect(
        acceptInvite(t.db, weak("my-kotani-password"), { now: new Date(now.getTime() + HOUR) }),
      ).rejects.toThrow(/email address/);
      expect(
        acceptInviteSchema.safeParse({ mode: "new", token, name: "Cleo", password: "short", confirmPassword: "short" })
          .error?.issues[0]!.message,
      ).toBe("Use at least 12 characters");
      expect(
        acceptInviteSchema.safeParse({
          mode: "new",
          token,
          name: "Cleo",
          password: "correct horse battery",
          confirmPassword: "correct horse batterY",
        }).error?.issues[0]!.message,
      ).toBe("The passwords do not match");

      const late = acceptInviteSchema.parse({
        mode: "new",
        token,
        name: "Cleo",
        password: "correct horse battery",
        confirmPassword: "correct horse battery",
      });
      await expect(acceptInvite(t.db, late, { now: new Date(now.getTime() + 72 * HOUR + 1000) })).rejects.toThrow(
        /expired/,
      );

      const before = await counts();
      const result = await acceptInvite(t.db, late, { now: new Date(now.getTime() + 71 * HOUR), meta: META });
      expect(result).toEqual({ email: "cleo@example.test", organization: "Acme Pay" });
      const after = await counts();
      expect(after.u - before.u).toBe(1);
      expect(after.m - before.m).toBe(1);

      const [user] = await t.db.select().from(users).where(eq(users.email, "cleo@example.test"));
      expect(user!.name).toBe("Cleo");
      expect(await verifyPassword(user!.passwordHash, "correct horse battery")).toBe(true);
      const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, user!.id));
      expect(m).toMatchObject({
        integratorId: org.integratorId,
        roleId: org.roles.Finance,
        status: "active",
        invitedBy: owner.userId,
      });
      const [inv] = await t.db.select().from(invites).where(eq(invites.id, invited[0]!.id));
      expect(inv!.acceptedAt).not.toBeNull();
      expect(await auditActions(invited[0]!.id)).toEqual(["team.invite_sent", "team.invite_accepted"]);
      const [accAudit] = await t.db
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.targetId, invited[0]!.id), eq(auditLogs.action, "team.invite_accepted")));
      expect(accAudit).toMatchObject({
        actorUserId: user!.id,
        actorEmail: "cleo@example.test",
        integratorId: org.integratorId,
        ip: META.ip,
      });
      expect(JSON.stringify(accAudit)).not.toContain("correct horse");

      // Single use: the same link again is refused, nothing written.
      const again = await counts();
      await expect(acceptInvite(t.db, late, { now: new Date(now.getTime() + 71 * HOUR) })).rejects.toThrow(
        /already been used/,
      );
      expect(await counts()).toEqual(again);
      expect((await getInviteByToken(t.db, token)).state).toBe("accepted");
    });

    it("the same link accepted twice at the same time: one account, one membership", async () => {
      const box = mailbox();
      await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["race@example.test"], roleId: org.roles.Viewer! },
        { mailer: box.mailer },
      );
      const input = acceptInviteSchema.parse({
        mode: "new",
        token: box.tokenFor("race@example.test"),
        name: "Race",
        password: "plum-orchard-stairs-42",
        confirmPassword: "plum-orchard-stairs-42",
      });
      const results = await Promise.allSettled([
        acceptInvite(t.db, input),
        acceptInvite(t.db, input),
        acceptInvite(t.db, input),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await t.db.select().from(users).where(eq(users.email, "race@example.test"))).toHaveLength(1);
    });

    it("a tampered or unknown token is invalid, and says nothing about any invite", async () => {
      const box = mailbox();
      await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["dan@example.test"], roleId: org.roles.Viewer! },
        { mailer: box.mailer },
      );
      const token = box.tokenFor("dan@example.test");
      const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
      expect(await getInviteByToken(t.db, tampered)).toEqual({ state: "invalid" });
      expect(await getInviteByToken(t.db, "short")).toEqual({ state: "invalid" });
      expect(await getInviteByToken(t.db, "../../etc/passwd")).toEqual({ state: "invalid" });
      const input = acceptInviteSchema.parse({
        mode: "new",
        token: tampered,
        name: "X",
        password: "a".repeat(12),
        confirmPassword: "a".repeat(12),
      });
      await expect(acceptInvite(t.db, input)).rejects.toBeInstanceOf(NotFoundError);
      expect(
        acceptInviteSchema.safeParse({
          mode: "new",
          token: "x",
          name: "X",
          password: "a".repeat(12),
          confirmPassword: "a".repeat(12),
        }).success,
      ).toBe(false);
    });

    it("resend: new link, the old one dead; revoke: the link says revoked; both audited", async () => {
      const box = mailbox();
      const { invited } = await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["eve@example.test"], roleId: org.roles.Developer! },
        { mailer: box.mailer },
      );
      const first = box.tokenFor("eve@example.test");
      const resent = await resendInvite(
        t.db,
        scopeOf(org, admin),
        { inviteId: invited[0]!.id },
        { mailer: box.mailer, meta: META },
      );
      expect(resent).toMatchObject({ email: "eve@example.test", mailFailed: false });
      const second = box.tokenFor("eve@example.test");
      expect(second).not.toBe(first);
      expect((await getInviteByToken(t.db, first)).state).toBe("invalid");
      expect((await getInviteByToken(t.db, second)).state).toBe("valid");

      await revokeInvite(t.db, scopeOf(org, admin), { inviteId: invited[0]!.id }, { meta: META });
      expect(await getInviteByToken(t.db, second)).toMatchObject({ state: "revoked", organization: "Acme Pay" });
      const input = acceptInviteSchema.parse({
        mode: "new",
        token: second,
        name: "Eve",
        password: "b".repeat(12),
        confirmPassword: "b".repeat(12),
      });
      await expect(acceptInvite(t.db, input)).rejects.toThrow(/revoked/);
      await expect(
        resendInvite(t.db, scopeOf(org, admin), { inviteId: invited[0]!.id }, { mailer: box.mailer }),
      ).rejects.toThrow(/revoked/);
      await expect(revokeInvite(t.db, scopeOf(org, admin), { inviteId: invited[0]!.id })).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect(await auditActions(invited[0]!.id)).toEqual([
        "team.invite_sent",
        "team.invite_resent",
        "team.invite_revoked",
      ]);
    });

    it("refuses addresses already in the team or already invited, all or nothing, with a clear message", async () => {
      const box = mailbox();
      await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["fay@example.test"], roleId: org.roles.Viewer! },
        { mailer: box.mailer },
      );
      const before = await counts();
      const sentBefore = box.sent.length;
      await expect(
        inviteMembers(
          t.db,
          scopeOf(org, owner),
          { emails: ["new1@example.test", "ADMIN@acme.test"], roleId: org.roles.Viewer! },
          { mailer: box.mailer },
        ),
      ).rejects.toThrow("Already in the team: admin@acme.test.");
      await expect(
        inviteMembers(
          t.db,
          scopeOf(org, owner),
          { emails: ["new1@example.test", "fay@example.test"], roleId: org.roles.Viewer! },
          { mailer: box.mailer },
        ),
      ).rejects.toThrow(/Already invited \(resend their invite instead\): fay@example.test/);
      expect(await counts()).toEqual(before);
      expect(box.sent.length).toBe(sentBefore);
      // An address invited by another organisation is not "already invited" here.
      const ok = await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["pending@savanna.test"], roleId: org.roles.Viewer! },
        { mailer: box.mailer },
      );
      expect(ok.invited).toHaveLength(1);
    });

    it("caps new invites per organisation and day", async () => {
      const o = await createTestOrg(t.db);
      const boss = await addTestMember(t.db, o, { role: "Owner" });
      const box = mailbox();
      const batch = (from: number) => Array.from({ length: 50 }, (_, i) => `cap${from + i}@cap.test`);
      for (let k = 0; k < 4; k++) {
        await inviteMembers(
          t.db,
          scopeOf(o, boss),
          { emails: batch(k * 50), roleId: o.roles.Viewer! },
          { mailer: box.mailer },
        );
      }
      const before = await counts();
      await expect(
        inviteMembers(
          t.db,
          scopeOf(o, boss),
          { emails: ["one-more@cap.test"], roleId: o.roles.Viewer! },
          { mailer: box.mailer },
        ),
      ).rejects.toThrow(/at most 200 invites a day \(200 sent in the last 24 hours\)/);
      expect(await counts()).toEqual(before);
      // A day later the cap has room again.
      const later = await inviteMembers(
        t.db,
        scopeOf(o, boss),
        { emails: ["one-more@cap.test"], roleId: o.roles.Viewer! },
        { mailer: box.mailer, now: new Date(Date.now() + 25 * HOUR) },
      );
      expect(later.invited).toHaveLength(1);
    });

    it("the form schema refuses malformed, repeated, empty and more than 50 addresses", () => {
      const r = (emails: string) => inviteMembersSchema.safeParse({ emails, roleId: org.roles.Viewer });
      expect(r("a@x.test, b@x.test\nc@x.test; d@x.test e@x.test").data?.emails).toEqual([
        "a@x.test",
        "b@x.test",
        "c@x.test",
        "d@x.test",
        "e@x.test",
      ]);
      expect(r("a@x.test, not-an-email, b@").error?.issues.map((i) => i.message)).toEqual([
        "These are not valid email addresses: not-an-email, b@",
      ]);
      expect(r("a@x.test, A@x.test").error?.issues[0]!.message).toBe("Listed more than once: a@x.test");
      expect(r("  , ").error?.issues[0]!.message).toBe("Enter at least one email address");
      const many = Array.from({ length: MAX_INVITES_PER_REQUEST + 1 }, (_, i) => `p${i}@x.test`).join(",");
      expect(r(many).error?.issues[0]!.message).toBe("You can invite at most 50 people at once (you entered 51).");
      const fifty = Array.from({ length: MAX_INVITES_PER_REQUEST }, (_, i) => `p${i}@x.test`).join("\n");
      expect(r(fifty).success).toBe(true);
      expect(inviteMembersSchema.safeParse({ emails: "a@x.test", roleId: "" }).error?.issues[0]!.message).toBe(
        "Choose a role",
      );
    });

    it("an existing account without a team is attached with its password; one in another team is refused", async () => {
      const box = mailbox();
      // A former member (removed) keeps an account with a password.
      const { hashPassword } = await import("@/lib/auth/password");
      const former = await addTestMember(t.db, org, {
        role: "Viewer",
        email: "gus@example.test",
        passwordHash: await hashPassword("gus-old-password-1"),
      });
      await removeMember(t.db, scopeOf(org, owner), { memberId: former.memberId });
      await inviteMembers(
        t.db,
        scopeOf(org, owner),
        { emails: ["gus@example.test", "finance@savanna.test"], roleId: org.roles.Developer! },
        { mailer: box.mailer },
      );
      const gus = box.tokenFor("gus@example.test");
      expect(await getInviteByToken(t.db, gus)).toMatchObject({ state: "valid", accountExists: true });
      const wrong = acceptInviteSchema.parse({ mode: "existing", token: gus, password: "not-his-password" });
      await expect(acceptInvite(t.db, wrong)).rejects.toBeInstanceOf(ValidationError);
      const asNew = acceptInviteSchema.parse({
        mode: "new",
        token: gus,
        name: "Gus",
        password: "plum-orchard-stairs-42",
        confirmPassword: "plum-orchard-stairs-42",
      });
      await expect(acceptInvite(t.db, asNew)).rejects.toBeInstanceOf(ConflictError);
      await acceptInvite(
        t.db,
        acceptInviteSchema.parse({ mode: "existing", token: gus, password: "gus-old-password-1" }),
      );
      const [m] = await t.db.select().from(memberships).where(eq(memberships.userId, former.userId));
      expect(m).toMatchObject({ roleId: org.roles.Developer, status: "active" });

      const savanna = box.tokenFor("finance@savanna.test");
      const input = acceptInviteSchema.parse({
        mode: "new",
        token: savanna,
        name: "F",
        password: "plum-orchard-stairs-42",
        confirmPassword: "plum-orchard-stairs-42",
      });
      await expect(acceptInvite(t.db, input)).rejects.toThrow(/another organisation/);
      expect((await getInviteByToken(t.db, savanna)).state).toBe("valid");
    });

    it("nobody invites with a role holding permissions they do not hold", async () => {
      const box = mailbox();
      const inviter = await addTestMember(t.db, org, { role: "Admin" });
      // Admin lacks roles.manage, which Owner has.
      await expect(
        inviteMembers(
          t.db,
          scopeOf(org, inviter),
          { emails: ["hal@example.test"], roleId: org.roles.Owner! },
          { mailer: box.mailer },
        ),
      ).rejects.toThrow(/You cannot give the Owner role: it includes permissions you do not hold \(roles.manage\)/);
      expect(box.sent).toHaveLength(0);
    });
  });

  describe("members", () => {
    it("change role, disable, re-enable, remove: each bumps the session version and is audited", async () => {
      const m = await addTestMember(t.db, org, { role: "Finance", email: "ivy@example.test" });
      const s = scopeOf(org, owner);
      let v = await sessionVersion(m.userId);
      await changeMemberRole(t.db, s, { memberId: m.memberId, roleId: org.roles.Viewer! }, { meta: META });
      expect(await sessionVersion(m.userId)).toBe(++v);
      const [row] = await t.db.select().from(memberships).where(eq(memberships.id, m.memberId));
      expect(row!.roleId).toBe(org.roles.Viewer);
      await disableMember(t.db, s, { memberId: m.memberId }, { meta: META });
      expect(await sessionVersion(m.userId)).toBe(++v);
      await expect(disableMember(t.db, s, { memberId: m.memberId })).rejects.toThrow(
        "ivy@example.test is already disabled.",
      );
      await enableMember(t.db, s, { memberId: m.memberId }, { meta: META });
      expect(await sessionVersion(m.userId)).toBe(++v);
      await removeMember(t.db, s, { memberId: m.memberId }, { meta: META });
      expect(await sessionVersion(m.userId)).toBe(++v);
      expect(await t.db.select().from(memberships).where(eq(memberships.id, m.memberId))).toEqual([]);
      expect(await auditActions(m.memberId)).toEqual([
        "team.member_role_changed",
        "team.member_disabled",
        "team.member_enabled",
        "team.member_removed",
      ]);
      const [changed] = await t.db
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.targetId, m.memberId), eq(auditLogs.action, "team.member_role_changed")));
      expect(changed!.metadata).toMatchObject({ from: { name: "Finance" }, to: { name: "Viewer" } });
    });

    it("nobody removes, disables or demotes the last Owner, nor changes their own role", async () => {
      const o = await createTestOrg(t.db);
      const solo = await addTestMember(t.db, o, { role: "Owner" });
      const adm = await addTestMember(t.db, o, { role: "Admin" });
      const s = scopeOf(o, solo);
      await expect(changeMemberRole(t.db, s, { memberId: solo.memberId, roleId: o.roles.Admin! })).rejects.toThrow(
        "You cannot change your own role. Ask another administrator to do it.",
      );
      await expect(disableMember(t.db, s, { memberId: solo.memberId })).rejects.toThrow(
        "You cannot disable your own account.",
      );
      await expect(removeMember(t.db, s, { memberId: solo.memberId })).rejects.toThrow(
        "You cannot remove yourself from the team.",
      );
      // Even an actor holding everything (a custom role with all permissions) cannot orphan the team.
      const [allRole] = await t.db
        .insert(roles)
        .values({
          integratorId: o.integratorId,
          name: "Everything",
          permissions: [...BUILTIN_ROLES.Owner!.permissions],
        })
        .returning({ id: roles.id });
      const super_ = await addTestMember(t.db, o, { roleId: allRole!.id });
      const ss = scopeOf(o, super_);
      const before = await counts();
      await expect(changeMemberRole(t.db, ss, { memberId: solo.memberId, roleId: o.roles.Admin! })).rejects.toThrow(
        "You cannot demote the last Owner. Make another member an Owner first.",
      );
      await expect(disableMember(t.db, ss, { memberId: solo.memberId })).rejects.toThrow(
        "You cannot disable the last Owner. Make another member an Owner first.",
      );
      await expect(removeMember(t.db, ss, { memberId: solo.memberId })).rejects.toThrow(
        "You cannot remove the last Owner. Make another member an Owner first.",
      );
      expect(await counts()).toEqual(before);
      // An Admin cannot touch an Owner at all (the Owner role holds roles.manage).
      await expect(disableMember(t.db, scopeOf(o, adm), { memberId: solo.memberId })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      // With a second Owner, the first can be demoted, but then the second is the last.
      await changeMemberRole(t.db, s, { memberId: adm.memberId, roleId: o.roles.Owner! });
      await changeMemberRole(t.db, ss, { memberId: solo.memberId, roleId: o.roles.Admin! });
      await expect(removeMember(t.db, ss, { memberId: adm.memberId })).rejects.toThrow(/last Owner/);
      // A disabled Owner does not count.
      const third = await addTestMember(t.db, o, { role: "Owner", status: "disabled" });
      await expect(disableMember(t.db, ss, { memberId: adm.memberId })).rejects.toThrow(/last Owner/);
      await enableMember(t.db, ss, { memberId: third.memberId });
      await disableMember(t.db, ss, { memberId: adm.memberId });
    });

    it("a refused attempt leaves a 'denied' audit row (the actions wrap every service this way)", async () => {
      const o = await createTestOrg(t.db);
      const solo = await addTestMember(t.db, o, { role: "Owner" });
      const s = scopeOf(o, solo);
      await expect(
        auditDenials(
          t.db,
          s,
          { meta: META },
          { action: "team.member_removed", targetType: "member", targetId: solo.memberId },
          () => removeMember(t.db, s, { memberId: solo.memberId }),
        ),
      ).rejects.toBeInstanceOf(ForbiddenError);
      const rows = await t.db.select().from(auditLogs).where(eq(auditLogs.targetId, solo.memberId));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: "team.member_removed",
        outcome: "denied",
        actorUserId: solo.userId,
        ip: META.ip,
        metadata: { reason: "You cannot remove yourself from the team." },
      });
      // Other refusals (not found, validation) are not "denied" events.
      await expect(
        auditDenials(t.db, s, {}, { action: "team.member_removed", targetType: "member", targetId: "nope" }, () =>
          removeMember(t.db, s, { memberId: "nope" }),
        ),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await t.db.select().from(auditLogs).where(eq(auditLogs.targetId, "nope"))).toEqual([]);
    });

    it("two Owners demoting each other at the same time: exactly one wins, one Owner remains", async () => {
      for (let round = 0; round < 5; round++) {
        const o = await createTestOrg(t.db);
        const a = await addTestMember(t.db, o, { role: "Owner" });
        const b = await addTestMember(t.db, o, { role: "Owner" });
        const results = await Promise.allSettled([
          changeMemberRole(t.db, scopeOf(o, a), { memberId: b.memberId, roleId: o.roles.Admin! }),
          changeMemberRole(t.db, scopeOf(o, b), { memberId: a.memberId, roleId: o.roles.Admin! }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const owners = await t.db
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.integratorId, o.integratorId), eq(memberships.roleId, o.roles.Owner!)));
        expect(owners).toHaveLength(1);
      }
    });

    it("nobody gives a role with permissions they do not hold", async () => {
      const o = await createTestOrg(t.db);
      await addTestMember(t.db, o, { role: "Owner" });
      const [hr] = await t.db
        .insert(roles)
        .values({
          integratorId: o.integratorId,
          name: "HR",
          permissions: ["users.read", "users.manage", "collections.read"],
        })
        .returning({ id: roles.id });
      const hrMember = await addTestMember(t.db, o, { roleId: hr!.id });
      const [readers] = await t.db
        .insert(roles)
        .values({ integratorId: o.integratorId, name: "Readers", permissions: ["collections.read"] })
        .returning({ id: roles.id });
      const target = await addTestMember(t.db, o, { roleId: readers!.id });
      const viewer = await addTestMember(t.db, o, { role: "Viewer" });
      await expect(
        changeMemberRole(t.db, scopeOf(o, hrMember), { memberId: target.memberId, roleId: o.roles.Finance! }),
      ).rejects.toThrow(/You cannot give the Finance role/);
      // Viewer holds reads HR lacks (payouts.read…): HR cannot manage a Viewer either.
      await expect(disableMember(t.db, scopeOf(o, hrMember), { memberId: viewer.memberId })).rejects.toThrow(
        "You cannot manage a member with the Viewer role: it includes permissions you do not hold.",
      );
      // A member whose role is within HR's permissions can be managed.
      await disableMember(t.db, scopeOf(o, hrMember), { memberId: target.memberId });
    });

    it("lists members and pending invites with role, status, 2FA and last sign-in; search and role filter", async () => {
      const o = await createTestOrg(t.db, "Listing Co");
      const a = await addTestMember(t.db, o, { role: "Owner", email: "zed@list.test", name: "Zed Last" });
      const b = await addTestMember(t.db, o, { role: "Finance", email: "amy@list.test", name: "Amy First" });
      await t.db
        .update(users)
        .set({ totpEnabledAt: new Date(), lastSignInAt: new Date("2026-01-02T03:04:05Z") })
        .where(eq(users.id, b.userId));
      await addTestMember(t.db, o, { role: "Viewer", email: "off@list.test", name: "Off Person", status: "disabled" });
      const box = mailbox();
      await inviteMembers(
        t.db,
        scopeOf(o, a),
        { emails: ["new@list.test"], roleId: o.roles.Finance! },
        { mailer: box.mailer },
      );
      const all = await listMembers(t.db, scopeOf(o, a));
      expect(all.map((r) => [r.kind, r.email, r.roleName, r.status])).toEqual([
        ["member", "amy@list.test", "Finance", "active"],
        ["member", "off@list.test", "Viewer", "disabled"],
        ["member", "zed@list.test", "Owner", "active"],
        ["invite", "new@list.test", "Finance", "invited"],
      ]);
      expect(all[0]).toMatchObject({ twoFactorEnabled: true, lastSignInAt: "2026-01-02T03:04:05.000Z", isSelf: false });
      expect(all[2]).toMatchObject({ twoFactorEnabled: false, lastSignInAt: null, isSelf: true });
      expect((await listMembers(t.db, scopeOf(o, a), { q: "AMY" })).map((r) => r.email)).toEqual(["amy@list.test"]);
      expect((await listMembers(t.db, scopeOf(o, a), { roleId: o.roles.Finance })).map((r) => r.email)).toEqual([
        "amy@list.test",
        "new@list.test",
      ]);
      expect((await listMembers(t.db, scopeOf(o, a), { status: "invited" })).map((r) => r.email)).toEqual([
        "new@list.test",
      ]);
      expect((await listMembers(t.db, scopeOf(o, a), { status: "disabled" })).map((r) => r.email)).toEqual([
        "off@list.test",
      ]);
      expect((await listMembers(t.db, scopeOf(o, a), { q: "%" })).map((r) => r.email)).toEqual([]);
      const later = await listMembers(t.db, scopeOf(o, a), { status: "invited" }, new Date(Date.now() + 73 * HOUR));
      expect(later[0]!.status).toBe("expired");
    });
  });

  describe("roles", () => {
    it("creates, edits and deletes custom roles; names must be free; built-ins are read-only", async () => {
      const s = scopeOf(org, owner);
      const created = await createRole(
        t.db,
        s,
        roleInputSchema.parse({
          name: "Support",
          description: "Helps",
          permissions: ["customers.read", "collections.read"],
        }),
        { meta: META },
      );
      const [row] = await t.db.select().from(roles).where(eq(roles.id, created.id));
      expect(row).toMatchObject({
        name: "Support",
        isBuiltin: false,
        permissions: ["collections.read", "customers.read"],
      });
      await expect(createRole(t.db, s, roleInputSchema.parse({ name: " support ", permissions: [] }))).rejects.toThrow(
        'A role named "support" already exists.',
      );
      await expect(createRole(t.db, s, roleInputSchema.parse({ name: "admin", permissions: [] }))).rejects.toThrow(
        "admin is a built-in role name. Choose another name.",
      );
      expect(roleInputSchema.safeParse({ name: "  ", permissions: [] }).error?.issues[0]!.message).toBe(
        "Enter a role name",
      );
      expect(
        roleInputSchema.safeParse({ name: "X", permissions: ["wallets.read", "money.print"] }).error?.issues[0]!
          .message,
      ).toBe("Unknown permission: money.print");

      await updateRole(
        t.db,
        s,
        {
          roleId: created.id,
          ...roleInputSchema.parse({ name: "Customer Support", permissions: ["customers.read", "customers.manage"] }),
        },
        { meta: META },
      );
      const [edited] = await t.db.select().from(roles).where(eq(roles.id, created.id));
      expect(edited).toMatchObject({ name: "Customer Support", permissions: ["customers.read", "customers.manage"] });
      const [upd] = await t.db
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.targetId, created.id), eq(auditLogs.action, "role.updated")));
      expect(upd!.metadata).toEqual({
        name: "Customer Support",
        renamedFrom: "Support",
        added: ["customers.manage"],
        removed: ["collections.read"],
      });

      await expect(
        updateRole(t.db, s, { roleId: org.roles.Viewer!, name: "Viewer", description: "", permissions: [] }),
      ).rejects.toThrow("Viewer is a built-in role and cannot be changed.");
      await expect(deleteRole(t.db, s, { roleId: org.roles.Owner! })).rejects.toThrow(
        "Owner is a built-in role and cannot be changed.",
      );

      await deleteRole(t.db, s, { roleId: created.id }, { meta: META });
      expect(await t.db.select().from(roles).where(eq(roles.id, created.id))).toEqual([]);
      expect(await auditActions(created.id)).toEqual(["role.created", "role.updated", "role.deleted"]);
    });

    it("a role in use cannot be deleted without moving its members (and pending invites) to another role", async () => {
      const s = scopeOf(org, owner);
      const role = await createRole(t.db, s, {
        name: "Ops",
        description: "",
        permissions: ["collections.read", "payouts.read"],
      });
      const m1 = await addTestMember(t.db, org, { roleId: role.id });
      const m2 = await addTestMember(t.db, org, { roleId: role.id });
      const box = mailbox();
      const inv = await inviteMembers(
        t.db,
        s,
        { emails: ["ops-new@example.test"], roleId: role.id },
        { mailer: box.mailer },
      );
      expect((await listRoles(t.db, s)).find((r) => r.id === role.id)).toMatchObject({
        memberCount: 2,
        pendingInviteCount: 1,
      });
      const before = await counts();
      await expect(deleteRole(t.db, s, { roleId: role.id })).rejects.toThrow(
        "Ops has 2 members and 1 pending invite. Choose a role to move them to before deleting it.",
      );
      await expect(deleteRole(t.db, s, { roleId: role.id, reassignToRoleId: role.id })).rejects.toBeInstanceOf(
        ValidationError,
      );
      await expect(
        deleteRole(t.db, s, { roleId: role.id, reassignToRoleId: other.roles.Viewer! }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await counts()).toEqual(before);
      const v1 = await sessionVersion(m1.userId);
      const res = await deleteRole(t.db, s, { roleId: role.id, reassignToRoleId: org.roles.Viewer! });
      expect(res).toMatchObject({ membersMoved: 2, invitesMoved: 1 });
      const moved = await t.db
        .select({ roleId: memberships.roleId })
        .from(memberships)
        .where(eq(memberships.userId, m2.userId));
      expect(moved[0]!.roleId).toBe(org.roles.Viewer);
      expect(await sessionVersion(m1.userId)).toBe(v1 + 1);
      const [invRow] = await t.db.select().from(invites).where(eq(invites.id, inv.invited[0]!.id));
      expect(invRow!.roleId).toBe(org.roles.Viewer);
      expect(await auditActions(m1.memberId)).toEqual(["team.member_role_changed"]);
    });

    it("nobody creates or edits a role with permissions they do not hold", async () => {
      const o = await createTestOrg(t.db);
      await addTestMember(t.db, o, { role: "Owner" });
      const [rm] = await t.db
        .insert(roles)
        .values({ integratorId: o.integratorId, name: "Role admin", permissions: ["roles.manage", "collections.read"] })
        .returning({ id: roles.id });
      const actor = await addTestMember(t.db, o, { roleId: rm!.id });
      const s = scopeOf(o, actor);
      await expect(
        createRole(t.db, s, { name: "Mover", description: "", permissions: ["wallets.transfer"] }),
      ).rejects.toThrow(/permissions you do not hold \(wallets.transfer\)/);
      const ok = await createRole(t.db, s, { name: "Reader", description: "", permissions: ["collections.read"] });
      await expect(
        updateRole(t.db, s, {
          roleId: ok.id,
          name: "Reader",
          description: "",
          permissions: ["collections.read", "payouts.create"],
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      // Nor escalates their own role.
      await expect(
        updateRole(t.db, s, {
          roleId: rm!.id,
          name: "Role admin",
          description: "",
          permissions: ["roles.manage", "users.manage"],
        }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteRole(t.db, s, { roleId: rm!.id, reassignToRoleId: o.roles.Viewer })).rejects.toThrow(
        "You cannot delete your own role. Ask another administrator to do it.",
      );
    });
  });

  describe("tenant isolation: another integrator's ids are not found, in reads and writes", () => {
    const cases: [string, () => Promise<unknown>][] = [
      [
        "change role of B's member",
        () =>
          changeMemberRole(t.db, scopeOf(org, owner), { memberId: otherMember.memberId, roleId: org.roles.Viewer! }),
      ],
      [
        "give A's member B's role",
        () => changeMemberRole(t.db, scopeOf(org, owner), { memberId: admin.memberId, roleId: other.roles.Viewer! }),
      ],
      ["disable B's member", () => disableMember(t.db, scopeOf(org, owner), { memberId: otherMember.memberId })],
      ["enable B's member", () => enableMember(t.db, scopeOf(org, owner), { memberId: otherMember.memberId })],
      ["remove B's member", () => removeMember(t.db, scopeOf(org, owner), { memberId: otherOwner.memberId })],
      [
        "resend B's invite",
        () => resendInvite(t.db, scopeOf(org, owner), { inviteId: otherInviteId }, { mailer: async () => {} }),
      ],
      ["revoke B's invite", () => revokeInvite(t.db, scopeOf(org, owner), { inviteId: otherInviteId })],
      [
        "invite with B's role",
        () =>
          inviteMembers(
            t.db,
            scopeOf(org, owner),
            { emails: ["x@iso.test"], roleId: other.roles.Viewer! },
            { mailer: async () => {} },
          ),
      ],
      [
        "edit B's role",
        () =>
          updateRole(t.db, scopeOf(org, owner), {
            roleId: otherCustomRoleId,
            name: "Mine",
            description: "",
            permissions: [],
          }),
      ],
      ["delete B's role", () => deleteRole(t.db, scopeOf(org, owner), { roleId: otherCustomRoleId })],
    ];
    it.each(cases)("%s → NotFoundError, nothing written", async (_name, run) => {
      const before = await counts();
      await expect(run()).rejects.toBeInstanceOf(NotFoundError);
      expect(await counts()).toEqual(before);
    });

    it("lists never show B's members, invites or roles", async () => {
      const rows = await listMembers(t.db, scopeOf(org, owner));
      expect(rows.some((r) => r.email.endsWith("@savanna.test") && r.kind === "member")).toBe(false);
      expect(rows.some((r) => r.id === otherInviteId || r.id === otherMember.memberId)).toBe(false);
      expect(await listMembers(t.db, scopeOf(org, owner), { roleId: other.roles.Finance })).toEqual([]);
      const roleIds = (await listRoles(t.db, scopeOf(org, owner))).map((r) => r.id);
      expect(roleIds).not.toContain(otherCustomRoleId);
      expect(roleIds).not.toContain(other.roles.Owner);
    });
  });
});

describe("invite mail over real SMTP", () => {
  const t = withTestDb("pglite");
  let smtp: SmtpCapture;
  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  it("delivers the invite with a link that opens the accept page and accepts once", async () => {
    const org = await createTestOrg(t.db, "Mail Test Ltd");
    const owner = await addTestMember(t.db, org, { role: "Owner", name: "Mia Owner", email: "mia@mail.test" });
    const waiting = smtp.waitFor((m) => m.to === "newbie@mail.test", 10_000);
    const res = await inviteMembers(
      t.db,
      scopeOf(org, owner),
      { emails: ["newbie@mail.test"], roleId: org.roles.Finance! },
      { baseUrl: "http://127.0.0.1:3203" },
    );
    expect(res.mailFailed).toEqual([]);
    const mail = await waiting;
    expect(mail.subject).toBe("Mia Owner invited you to Mail Test Ltd on Kotani Pay");
    const link = /http:\/\/127\.0\.0\.1:3203\/invite\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    expect(mail.html).toContain(`href="${link}"`);
    const token = link!.split("/invite/")[1]!;
    expect(await getInviteByToken(t.db, token)).toMatchObject({
      state: "valid",
      organization: "Mail Test Ltd",
      inviterName: "Mia Owner",
      roleName: "Finance",
    });
    const input = acceptInviteSchema.parse({
      mode: "new",
      token,
      name: "New Bie",
      password: "a-long-password!",
      confirmPassword: "a-long-password!",
    });
    await acceptInvite(t.db, input);
    await expect(acceptInvite(t.db, input)).rejects.toThrow(/already been used/);
  });
});

// Permission sets used above must exist (guards against renames in permissions.ts).
const _typecheck: Permission[] = ["users.manage", "roles.manage", "audit.read"];
void _typecheck;
