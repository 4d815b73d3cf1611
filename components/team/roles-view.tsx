"use client";

import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { Eye, Lock, Pencil, Plus, Trash2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import { ALL_PERMISSIONS, PERMISSION_GROUPS } from "@/lib/auth/permissions";
import { fetchJson, listQueryKey, retryUnlessClientError } from "@/lib/client/fetch-json";
import {
  ROLE_FILTER_KEYS,
  ROLE_PAGE_SIZES,
  rolesListQuery,
  rolesQueryKeys,
  rolesSearchParams,
  type RoleSummary,
  type RolesListResponse,
} from "@/lib/team/roles-contract";
import { useOpenedOnce } from "@/components/ui/on-demand";

// The dialogs (react-hook-form, the permission matrix, Radix Dialog and Select) load on first use,
// not with the page (issue 14 item 17); pointing at a button that opens one starts the download.
const loadRoleDialogs = () => import("./role-dialogs");
const RoleEditorDialog = dynamic(() => import("./role-dialogs").then((m) => m.RoleEditorDialog), { ssr: false });
const DeleteRoleDialog = dynamic(() => import("./role-dialogs").then((m) => m.DeleteRoleDialog), { ssr: false });
const warmDialogs = { onPointerEnter: () => void loadRoleDialogs(), onFocus: () => void loadRoleDialogs() };

/** "Collections, Payouts (manage), …": which areas a role reaches, in one line. */
function summary(role: RoleSummary): string {
  if (role.permissions.length === ALL_PERMISSIONS.length) return "All permissions";
  if (!role.permissions.length) return "No permissions (Dashboard only)";
  const parts: string[] = [];
  for (const g of PERMISSION_GROUPS) {
    const held = Object.entries(g.permissions).filter(([, p]) => role.permissions.includes(p));
    if (!held.length) continue;
    const extra = held.map(([k]) => k).filter((k) => k !== "read");
    parts.push(extra.length ? `${g.area} (${extra.join(", ")})` : g.area);
  }
  return parts.join(", ");
}

const TYPE_OPTIONS = [
  { value: "builtin", label: "Built-in" },
  { value: "custom", label: "Custom" },
];

/**
 * Roles & Permissions on the list system (search, type filter, sort, paging, hidden columns in
 * the URL; the server page prefetched the first page). `allRoles` (where a deleted role's members
 * may go) comes from the server page, refreshed after each change.
 */
export function RolesView({ allRoles }: { allRoles: RoleSummary[] }) {
  const scopeKey = useScopeKey();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [editor, setEditor] = useState<{ open: boolean; role: RoleSummary | null }>({ open: false, role: null });
  const [deleting, setDeleting] = useState<RoleSummary | null>(null);
  const editorMounted = useOpenedOnce(editor.open);
  const deleteMounted = useOpenedOnce(deleting !== null);

  const urlState = useListState(rolesSearchParams);
  const qs = rolesListQuery(urlState);
  const query = useQuery({
    queryKey: rolesQueryKeys.list(scopeKey, urlState),
    queryFn: ({ signal }) => fetchJson<RolesListResponse>(`/api/team/roles?${qs}`, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = query.data;

  const columns = useMemo<ColumnDef<RoleSummary>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        enableHiding: false,
        meta: { label: "Role", className: "align-top", filter: { key: "type", title: "Type", options: TYPE_OPTIONS }, card: "title" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Role" />,
        cell: ({ row: { original: role } }) => (
          <>
            <div className="flex items-center gap-2 font-medium">
              {role.name}
              {role.isBuiltin ? (
                <Badge variant="secondary">
                  <Lock aria-hidden /> Built-in
                </Badge>
              ) : (
                <Badge variant="outline">Custom</Badge>
              )}
            </div>
            {role.description && (
              <p className="mt-1 max-w-md text-xs whitespace-normal text-muted-foreground">{role.description}</p>
            )}
          </>
        ),
      },
      {
        id: "members",
        accessorKey: "memberCount",
        meta: { label: "Members", className: "align-top tabular-nums", headerClassName: "w-28", card: "field" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Members" />,
        cell: ({ row: { original: role } }) => (
          <>
            {role.memberCount}
            {role.pendingInviteCount > 0 && (
              <span className="block text-xs text-muted-foreground">+{role.pendingInviteCount} invited</span>
            )}
          </>
        ),
      },
      {
        id: "permissions",
        enableSorting: false,
        meta: { label: "Permissions", className: "align-top text-sm text-muted-foreground whitespace-normal", card: "field" },
        header: "Permissions",
        cell: ({ row: { original: role } }) => <span className="line-clamp-2">{summary(role)}</span>,
      },
      {
        id: "updatedAt",
        accessorKey: "updatedAt",
        meta: { label: "Updated", className: "align-top", card: "time" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Updated" />,
        cell: ({ row: { original: role } }) => <Timestamp value={role.updatedAt} compact />,
      },
      {
        id: "actions",
        enableSorting: false,
        enableHiding: false,
        meta: { className: "text-right align-top", headerClassName: "w-32", card: "actions" },
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row: { original: role } }) =>
          role.isBuiltin ? (
            <Button
              variant="ghost"
              size="sm"
              aria-label={`View ${role.name}`}
              {...warmDialogs}
              onClick={() => setEditor({ open: true, role })}
            >
              <Eye aria-hidden /> View
            </Button>
          ) : (
            <div className="flex justify-end gap-1">
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Edit ${role.name}`}
                {...warmDialogs}
                onClick={() => setEditor({ open: true, role })}
              >
                <Pencil aria-hidden />
              </Button>
              <Button
                variant="ghost"
                size="icon"
                aria-label={`Delete ${role.name}`}
                {...warmDialogs}
                onClick={() => setDeleting(role)}
              >
                <Trash2 aria-hidden />
              </Button>
            </div>
          ),
      },
    ],
    [],
  );

  const list = useDataTable({
    parsers: rolesSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: ROLE_FILTER_KEYS,
    resolvedPage: data && !query.isPlaceholderData ? data.page : undefined,
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listQueryKey(scopeKey, "team") });
    router.refresh();
  };

  return (
    <>
      <PageHeader
        title="Roles & Permissions"
        description="Define roles and the permissions they grant"
        actions={
          <Button {...warmDialogs} onClick={() => setEditor({ open: true, role: null })}>
            <Plus aria-hidden /> Create role
          </Button>
        }
      />
      <Card>
        <CardContent className="space-y-4">
          <DataTableToolbar
            list={list}
            search={{ placeholder: "Search roles by name or description", label: "Search roles" }}
          />
          <DataTable
            table={list.table}
            aria-label="Roles"
            isLoading={query.isPending}
            isFetching={query.isFetching}
            skeletonRows={5}
            rowProps={(row) => ({ "data-testid": "role-row", "data-role": row.original.name })}
            error={
              query.error ? <EmptyState title="Could not load the roles" description={query.error.message} /> : null
            }
            empty={<EmptyState title="No roles found" description="No roles match your filters." />}
          />
          <DataTableOffsetPagination
            list={list}
            rowsDisplayed={query.error ? 0 : (data?.rows.length ?? 0)}
            total={data?.total}
            pageSizes={ROLE_PAGE_SIZES}
            disabled={query.isFetching}
          />
        </CardContent>
      </Card>
      {editorMounted && (
        <RoleEditorDialog
          open={editor.open}
          role={editor.role}
          onOpenChange={(open) => setEditor((e) => ({ ...e, open }))}
          onSaved={refresh}
        />
      )}
      {deleteMounted && (
        <DeleteRoleDialog
          role={deleting}
          roles={allRoles}
          onOpenChange={(o) => !o && setDeleting(null)}
          onDeleted={refresh}
        />
      )}
    </>
  );
}
