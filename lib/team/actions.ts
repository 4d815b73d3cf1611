"use server";

import { gatedAction } from "@/lib/auth/guard";
import {
  changeMemberRoleSchema, createRoleSchema, deleteRoleSchema, inviteIdSchema, inviteMembersSchema, memberIdSchema, updateRoleSchema,
} from "./schemas";
import { inviteMembers } from "./invite-members";
import { resendInvite, revokeInvite } from "./manage-invite";
import { changeMemberRole, disableMember, enableMember, removeMember } from "./manage-member";
import { createRole, deleteRole, updateRole } from "./manage-role";

// Users (permission users.manage)

export const inviteMembersAction = gatedAction("team.invite", "users.manage", inviteMembersSchema, ({ db, scope, input, meta }) =>
  inviteMembers(db, scope, input, { meta }),
);

export const resendInviteAction = gatedAction("team.invite_resend", "users.manage", inviteIdSchema, ({ db, scope, input, meta }) =>
  resendInvite(db, scope, input, { meta }),
);

export const revokeInviteAction = gatedAction("team.invite_revoke", "users.manage", inviteIdSchema, ({ db, scope, input, meta }) =>
  revokeInvite(db, scope, input, { meta }),
);

export const changeMemberRoleAction = gatedAction(
  "team.member_change_role",
  "users.manage",
  changeMemberRoleSchema,
  ({ db, scope, input, meta }) => changeMemberRole(db, scope, input, { meta }),
);

export const disableMemberAction = gatedAction("team.member_disable", "users.manage", memberIdSchema, ({ db, scope, input, meta }) =>
  disableMember(db, scope, input, { meta }),
);

export const enableMemberAction = gatedAction("team.member_enable", "users.manage", memberIdSchema, ({ db, scope, input, meta }) =>
  enableMember(db, scope, input, { meta }),
);

export const removeMemberAction = gatedAction("team.member_remove", "users.manage", memberIdSchema, ({ db, scope, input, meta }) =>
  removeMember(db, scope, input, { meta }),
);

// Roles (permission roles.manage)

export const createRoleAction = gatedAction("roles.create", "roles.manage", createRoleSchema, ({ db, scope, input, meta }) =>
  createRole(db, scope, input, { meta }),
);

export const updateRoleAction = gatedAction("roles.update", "roles.manage", updateRoleSchema, ({ db, scope, input, meta }) =>
  updateRole(db, scope, input, { meta }),
);

export const deleteRoleAction = gatedAction("roles.delete", "roles.manage", deleteRoleSchema, ({ db, scope, input, meta }) =>
  deleteRole(db, scope, input, { meta }),
);
