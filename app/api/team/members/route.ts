import { gatedRoute } from "@/lib/auth/guard";
import { membersListSchema } from "@/lib/team/members-contract-schema";
import { listMembersPage } from "@/lib/team/list-members";

/** The Users table: one page of members and pending invites (search, role, status, sort, paging). */
export const GET = gatedRoute("users.read", membersListSchema, async ({ db, scope, input }) =>
  listMembersPage(db, scope, input),
);
