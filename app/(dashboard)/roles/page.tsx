import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { listRoles, listRolesPage } from "@/lib/team/list-roles";
import { rolesListQuery, type RoleSummary } from "@/lib/team/roles-contract";
import { rolesListSchema, loadRolesSearchParams } from "@/lib/team/roles-contract-schema";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { ListProvider } from "@/components/data-table/list-context";
import { ListError } from "@/components/data-table/list-error";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { roleColumns } from "@/components/team/roles-columns";
import { CreateRole, RolesPagination, RolesToolbar } from "@/components/team/roles-list-controls";

export const metadata: Metadata = { title: "Roles & Permissions" };

/**
 * Roles & Permissions, rendered on the server (the URL read with the contract's parser map, the
 * route's schema and service); the browser runs the toolbar, the pagination, "Create role" and the
 * rows' buttons (roles-list-controls.tsx).
 */
export default async function RolesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("roles.manage");
  const [state, db] = await Promise.all([loadRolesSearchParams(searchParams), getDb()]);
  const [allRoles, list] = await Promise.all([
    listRoles(db, scope),
    readForPage(rolesListSchema, rolesListQuery(state), (input) => listRolesPage(db, scope, input)),
  ]);
  const columns = roleColumns(allRoles);
  const controls = columnControls(columns);
  const page = list.data;
  const rows: RoleSummary[] = page?.rows ?? [];

  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <PageHeader title="Roles & Permissions" description="Define roles and the permissions they grant" actions={<CreateRole />} />
      <Card>
        <CardContent className="space-y-4">
          <RolesToolbar filters={controls.filters} columns={controls.choices} />
          <ServerDataTable
            columns={columns}
            rows={rows}
            getRowId={(r) => r.id}
            sort={state.sort}
            hide={state.hide}
            show={state.show}
            aria-label="Roles"
            rowProps={(row) => ({ "data-testid": "role-row", "data-role": row.name })}
            error={list.error ? <ListError message={list.error} what="roles" /> : null}
            empty={<EmptyState title="No roles found" description="No roles match your filters." />}
          />
          <RolesPagination rowsDisplayed={rows.length} total={page?.total} resolvedPage={page?.page} />
        </CardContent>
      </Card>
    </ListProvider>
  );
}
