import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { Users } from "lucide-react";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { listMembersPage } from "@/lib/team/list-members";
import { listRoles } from "@/lib/team/list-roles";
import { MEMBER_DEFAULT_SORT, membersListQuery, type TeamRow } from "@/lib/team/members-contract";
import { membersListSchema, loadMembersSearchParams } from "@/lib/team/members-contract-schema";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ListProvider } from "@/components/data-table/list-context";
import { ListError } from "@/components/data-table/list-error";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { canGrant } from "@/components/team/role-utils";
import { userColumns } from "@/components/team/users-columns";
import { InviteTeammates, UsersPagination, UsersToolbar } from "@/components/team/users-list-controls";

export const metadata: Metadata = { title: "Users" };

const rowId = (r: TeamRow) => `${r.kind}-${r.id}`;

/**
 * Users: members and pending invites, rendered on the server (the URL read with the contract's
 * parser map, the route's schema and service); the browser runs the toolbar, the pagination,
 * "Invite teammates" and the rows' actions (users-list-controls.tsx).
 */
export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("users.read");
  const [state, db] = await Promise.all([loadMembersSearchParams(searchParams), getDb()]);
  const [roles, list] = await Promise.all([
    listRoles(db, scope),
    readForPage(membersListSchema, membersListQuery(state), (input) => listMembersPage(db, scope, input)),
  ]);
  const canManage = scope.permissions.has("users.manage");
  const held = [...scope.permissions];
  const rolesById = new Map(roles.map((r) => [r.id, r]));
  // Not oneself, and only members whose role one could grant (the server checks again on every action).
  const manageable = (row: TeamRow) => {
    const role = canManage && !row.isSelf ? rolesById.get(row.roleId) : undefined;
    return role ? canGrant(role, held) : false;
  };
  const columns = userColumns({ roles, manageable });
  const controls = columnControls(columns);
  const page = list.data;
  const rows: TeamRow[] = page?.rows ?? [];

  return (
    <ListProvider rowIds={rows.map(rowId)}>
      <PageHeader
        title="Users"
        description="Invite team members and manage their access"
        actions={canManage && <InviteTeammates roles={roles} />}
      />
      <Card>
        <CardContent className="space-y-4">
          <UsersToolbar
            filters={controls.filters}
            columns={controls.choices}
            summary={
              page && (
                <p className="text-sm text-muted-foreground" aria-live="polite">
                  {page.counts.active} active · {page.counts.invited} pending invite
                  {page.counts.invited === 1 ? "" : "s"}
                </p>
              )
            }
          />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={rowId}
            sort={state.sort}
            defaultSort={MEMBER_DEFAULT_SORT}
            hide={state.hide}
            show={state.show}
            aria-label="Team members"
            rowProps={(row) => ({ "data-testid": "team-row", "data-email": row.email })}
            error={list.error ? <ListError message={list.error} what="users" /> : null}
            empty={
              <EmptyState icon={<Users />} title="No users found" description="No team members or invites match your filters." />
            }
          />
          <UsersPagination rowsDisplayed={rows.length} total={page?.total} resolvedPage={page?.page} />
        </CardContent>
      </Card>
    </ListProvider>
  );
}
