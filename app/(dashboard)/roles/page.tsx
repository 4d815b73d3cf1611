import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { listRoles } from "@/lib/team/list-roles";
import { RolesView } from "@/components/team/roles-view";

export const metadata: Metadata = { title: "Roles & Permissions" };

export default async function RolesPage() {
  const scope = await requirePageScope("roles.manage");
  const roles = await listRoles(await getDb(), scope);
  return <RolesView initialRoles={roles} />;
}
