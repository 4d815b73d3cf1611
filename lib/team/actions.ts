"use server";

import { gatedAction } from "@/lib/auth/guard";
import {
  changeMemberRoleSchema,
  createRoleSchema,
  deleteRoleSchema,
  inviteIdSchema,
  inviteMembersSchema,
  memberIdSchema,
  updateRoleSchema,
} from "./schemas";
import { inviteMembers } from "./invite-members";
import { resendInvite, revokeInvite } from "./manage-invite";
import { changeMemberRole, disableMember, enableMember, removeMember } from "./manage-member";
import { createRole, deleteRole, updateRole } from "./manage-role";
import { auditDenials } from "./context";

// Users (permission users.manage)

export const inviteMembersAction = gatedAction(
  "team.invite",
  "users.manage",
  inviteMembersSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(db, scope, { meta }, { action: "team.invite_sent", targetType: "role", targetId: input.roleId }, () =>
      inviteMembers(db, scope, input, { meta }),
    ),
);

export const resendInviteAction = gatedAction(
  "team.invite_resend",
  "users.manage",
  inviteIdSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(
      db,
      scope,
      { meta },
      { action: "team.invite_resent", targetType: "invite", targetId: input.inviteId },
      () => resendInvite(db, scope, input, { meta }),
    ),
);

export const revokeInviteAction = gatedAction(
  "team.invite_revoke",
  "users.manage",
  inviteIdSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(
      db,
      scope,
      { meta },
      { action: "team.invite_revoked", targetType: "invite", targetId: input.inviteId },
      () => revokeInvite(db, scope, input, { meta }),
    ),
);

export const changeMemberRoleAction = gatedAction(
  "team.member_change_role",
  "users.manage",
  changeMemberRoleSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(
      db,
      scope,
      { meta },
      { action: "team.member_role_changed", targetType: "member", targetId: input.memberId },
      () => changeMemberRole(db, scope, input, { meta }),
    ),
);

export const disableMemberAction = gatedAction(
  "team.member_disable",
  "users.manage",
  memberIdSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(
      db,
      scope,
      { meta },
      { action: "team.member_disabled", targetType: "member", targetId: input.memberId },
      () => disableMember(db, scope, input, { meta }),
    ),
);

export const enableMemberAction = gatedAction(
  "team.member_enable",
  "users.manage",
  memberIdSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(
      db,
      scope,
      { meta },
      { action: "team.member_enabled", targetType: "member", targetId: input.memberId },
      () => enableMember(db, scope, input, { meta }),
    ),
);

export const removeMemberAction = gatedAction(
  "team.member_remove",
  "users.manage",
  memberIdSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(
      db,
      scope,
      { meta },
      { action: "team.member_removed", targetType: "member", targetId: input.memberId },
      () => removeMember(db, scope, input, { meta }),
    ),
);

// Roles (permission roles.manage)

export const createRoleAction = gatedAction(
  "roles.create",
  "roles.manage",
  createRoleSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(db, scope, { meta }, { action: "role.created", targetType: "role" }, () =>
      createRole(db, scope, input, { meta }),
    ),
);

export const updateRoleAction = gatedAction(
  "roles.update",
  "roles.manage",
  updateRoleSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(db, scope, { meta }, { action: "role.updated", targetType: "role", targetId: input.roleId }, () =>
      updateRole(db, scope, input, { meta }),
    ),
);

export const deleteRoleAction = gatedAction(
  "roles.delete",
  "roles.manage",
  deleteRoleSchema,
  ({ db, scope, input, meta }) =>
    auditDenials(db, scope, { meta }, { action: "role.deleted", targetType: "role", targetId: input.roleId }, () =>
      deleteRole(db, scope, input, { meta }),
    ),
);
