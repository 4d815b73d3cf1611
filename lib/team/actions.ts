"use server";

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
import { teamAction } from "./team-action";

// Users (permission users.manage)

export const inviteMembersAction = teamAction(
  "team.invite",
  "users.manage",
  inviteMembersSchema,
  (i) => ({ action: "team.invite_sent", targetType: "role", targetId: i.roleId }),
  inviteMembers,
);

export const resendInviteAction = teamAction(
  "team.invite_resend",
  "users.manage",
  inviteIdSchema,
  (i) => ({ action: "team.invite_resent", targetType: "invite", targetId: i.inviteId }),
  resendInvite,
);

export const revokeInviteAction = teamAction(
  "team.invite_revoke",
  "users.manage",
  inviteIdSchema,
  (i) => ({ action: "team.invite_revoked", targetType: "invite", targetId: i.inviteId }),
  revokeInvite,
);

export const changeMemberRoleAction = teamAction(
  "team.member_change_role",
  "users.manage",
  changeMemberRoleSchema,
  (i) => ({ action: "team.member_role_changed", targetType: "member", targetId: i.memberId }),
  changeMemberRole,
);

export const disableMemberAction = teamAction(
  "team.member_disable",
  "users.manage",
  memberIdSchema,
  (i) => ({ action: "team.member_disabled", targetType: "member", targetId: i.memberId }),
  disableMember,
);

export const enableMemberAction = teamAction(
  "team.member_enable",
  "users.manage",
  memberIdSchema,
  (i) => ({ action: "team.member_enabled", targetType: "member", targetId: i.memberId }),
  enableMember,
);

export const removeMemberAction = teamAction(
  "team.member_remove",
  "users.manage",
  memberIdSchema,
  (i) => ({ action: "team.member_removed", targetType: "member", targetId: i.memberId }),
  removeMember,
);

// Roles (permission roles.manage)

export const createRoleAction = teamAction(
  "roles.create",
  "roles.manage",
  createRoleSchema,
  () => ({ action: "role.created", targetType: "role" }),
  createRole,
);

export const updateRoleAction = teamAction(
  "roles.update",
  "roles.manage",
  updateRoleSchema,
  (i) => ({ action: "role.updated", targetType: "role", targetId: i.roleId }),
  updateRole,
);

export const deleteRoleAction = teamAction(
  "roles.delete",
  "roles.manage",
  deleteRoleSchema,
  (i) => ({ action: "role.deleted", targetType: "role", targetId: i.roleId }),
  deleteRole,
);
