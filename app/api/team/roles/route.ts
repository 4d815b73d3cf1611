import { gatedRoute } from "@/lib/auth/guard";
import { rolesListSchema } from "@/lib/team/roles-contract-schema";
import { listRolesPage } from "@/lib/team/list-roles";

/** The roles with member counts, a page at a time: for the Roles page (roles.manage) and the Users page (users.read). */
export const GET = gatedRoute(["users.read", "roles.manage"], rolesListSchema, async ({ db, scope, input }) =>
  listRolesPage(db, scope, input),
);
