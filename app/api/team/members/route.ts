import { gatedRoute } from "@/lib/auth/guard";
import { listMembersQuerySchema } from "@/lib/team/schemas";
import { listMembers } from "@/lib/team/list-members";

/** The Users table: members and pending invites, filtered (search, role, status). */
export const GET = gatedRoute("users.read", listMembersQuerySchema, async ({ db, scope, input }) => ({
  rows: await listMembers(db, scope, input),
}));
