import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import { listRoles, listRolesPage } from "@/lib/team/list-roles";
import { loadRolesSearchParams, rolesListQuery, rolesQueryKeys } from "@/lib/team/roles-contract";
import { rolesListSchema } from "@/lib/team/roles-contract-schema";
import { RolesView } from "@/components/team/roles-view";

export const metadata: Metadata = { title: "Roles & Permissions" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("roles.manage");
  const [state, db] = await Promise.all([loadRolesSearchParams(searchParams), getDb()]);
  // The first page of the table comes with the HTML: the route's service, the client hook's key.
  const qc = new QueryClient();
  const input = parseRouteQuery(rolesListSchema, rolesListQuery(state));
  const [allRoles] = await Promise.all([
    listRoles(db, scope),
    input && prefetchJson(qc, rolesQueryKeys.list(scopeKeyOf(scope), state), () => listRolesPage(db, scope, input)),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <RolesView allRoles={allRoles} />
    </HydrationBoundary>
  );
}
