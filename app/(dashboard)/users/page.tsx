import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import { listMembersPage } from "@/lib/team/list-members";
import { listRoles } from "@/lib/team/list-roles";
import { loadMembersSearchParams, membersListQuery, membersQueryKeys } from "@/lib/team/members-contract";
import { membersListSchema } from "@/lib/team/members-contract-schema";
import { UsersView } from "@/components/team/users-view";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("users.read");
  const [state, db] = await Promise.all([loadMembersSearchParams(searchParams), getDb()]);
  // The first page of the table comes with the HTML: the route's service, the client hook's key.
  const qc = new QueryClient();
  const input = parseRouteQuery(membersListSchema, membersListQuery(state));
  const [roles] = await Promise.all([
    listRoles(db, scope),
    input && prefetchJson(qc, membersQueryKeys.list(scopeKeyOf(scope), state), () => listMembersPage(db, scope, input)),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <UsersView roles={roles} />
    </HydrationBoundary>
  );
}
