import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/scope";
import { ForbiddenError } from "@/lib/auth/errors";
import { listRoles } from "@/lib/team/list-roles";

/** The roles with member counts: for the Roles page (roles.manage) and the Users page's pickers (users.read). */
export const GET = gatedRoute(null, z.object({}), async ({ db, scope }) => {
  if (!can(scope, "users.read") && !can(scope, "roles.manage")) throw new ForbiddenError();
  return { roles: await listRoles(db, scope) };
});
