import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { listMembers } from "@/lib/team/list-members";
import { listRoles } from "@/lib/team/list-roles";
import { listMembersQuerySchema } from "@/lib/team/schemas";
import { UsersView } from "@/components/team/users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requirePageScope("users.read");
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const parsed = listMembersQuerySchema.safeParse({ q: one(sp.q), roleId: one(sp.role), status: one(sp.status) });
  const filters = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [rows, roles] = await Promise.all([listMembers(db, scope, filters), listRoles(db, scope)]);
  return <UsersView initialRows={rows} initialFilters={filters} initialRoles={roles} />;
}
