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
import { gatedAction } from "@/lib/auth/guard";
import { auditedTeamService } from "./team-action";

// Users (permission users.manage)

export const inviteMembersAction = gatedAction(
  "team.invite",
  "users.manage",
  inviteMembersSchema,
  auditedTeamService((i) => ({ action: "team.invite_sent", targetType: "role", targetId: i.roleId }), inviteMembers),
);

export const resendInviteAction = gatedAction(
  "team.invite_resend",
  "users.manage",
  inviteIdSchema,
  auditedTeamService((i) => ({ action: "team.invite_resent", targetType: "invite", targetId: i.inviteId }), resendInvite),
);

export const revokeInviteAction = gatedAction(
  "team.invite_revoke",
  "users.manage",
  inviteIdSchema,
  auditedTeamService((i) => ({ action: "team.invite_revoked", targetType: "invite", targetId: i.inviteId }), revokeInvite),
);

export const changeMemberRoleAction = gatedAction(
  "team.member_change_role",
  "users.manage",
  changeMemberRoleSchema,
  auditedTeamService((i) => ({ action: "team.member_role_changed", targetType: "member", targetId: i.memberId }), changeMemberRole),
);

export const disableMemberAction = gatedAction(
  "team.member_disable",
  "users.manage",
  memberIdSchema,
  auditedTeamService((i) => ({ action: "team.member_disabled", targetType: "member", targetId: i.memberId }), disableMember),
);

export const enableMemberAction = gatedAction(
  "team.member_enable",
  "users.manage",
  memberIdSchema,
  auditedTeamService((i) => ({ action: "team.member_enabled", targetType: "member", targetId: i.memberId }), enableMember),
);

export const removeMemberAction = gatedAction(
  "team.member_remove",
  "users.manage",
  memberIdSchema,
  auditedTeamService((i) => ({ action: "team.member_removed", targetType: "member", targetId: i.memberId }), removeMember),
);

// Roles (permission roles.manage)

export const createRoleAction = gatedAction(
  "roles.create",
  "roles.manage",
  createRoleSchema,
  auditedTeamService(() => ({ action: "role.created", targetType: "role" }), createRole),
);

export const updateRoleAction = gatedAction(
  "roles.update",
  "roles.manage",
  updateRoleSchema,
  auditedTeamService((i) => ({ action: "role.updated", targetType: "role", targetId: i.roleId }), updateRole),
);

export const deleteRoleAction = gatedAction(
  "roles.delete",
  "roles.manage",
  deleteRoleSchema,
  auditedTeamService((i) => ({ action: "role.deleted", targetType: "role", targetId: i.roleId }), deleteRole),
);
