"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Eye, Pencil, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { mountedOnceOpened, warmUp } from "@/components/ui/on-demand";
import { useListUrl } from "@/components/data-table/use-list-url";
import { useListRefresh } from "@/components/data-table/list-refresh";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import { ROLE_FILTER_KEYS, ROLE_PAGE_SIZES, rolesSearchParams, type RoleSummary } from "@/lib/team/roles-contract";

/*
 * The client controls of the server-rendered Roles list (app/(dashboard)/roles/page.tsx renders
 * the rows): the toolbar and pagination write the URL (a server navigation in the list's
 * transition), "Create role" and each row's buttons own their dialogs and, after a change, ask the
 * server for the page again.
 */

function useRolesListUrl() {
  return useListUrl({ parsers: rolesSearchParams, filterKeys: ROLE_FILTER_KEYS });
}

/** Search, the type filter, Views and View. */
export function RolesToolbar({ filters, columns }: { filters: readonly ColumnFilterMeta[]; columns: readonly ColumnChoice[] }) {
  const list = useRolesListUrl();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search roles by name or description", label: "Search roles" }}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function RolesPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={rolesSearchParams} filterKeys={ROLE_FILTER_KEYS} pageSizes={ROLE_PAGE_SIZES} {...props} />;
}

// The dialogs (react-hook-form, the permission matrix, Radix Dialog and Select) load on first use,
// not with the page; pointing at a button that opens one starts the download.
const loadRoleDialogs = () => import("./role-dialogs");
const RoleEditorDialog = mountedOnceOpened(dynamic(() => import("./role-dialogs").then((m) => m.RoleEditorDialog), { ssr: false }));
const DeleteRoleDialog = mountedOnceOpened(dynamic(() => import("./role-dialogs").then((m) => m.DeleteRoleDialog), { ssr: false }));
const warmRoleDialogs = warmUp(loadRoleDialogs);
const warmDialogs = { onPointerEnter: warmRoleDialogs, onFocus: warmRoleDialogs };

/** "Create role" and its editor. */
export function CreateRole() {
  const [open, setOpen] = useState(false);
  const refresh = useListRefresh();
  return (
    <>
      <Button {...warmDialogs} onClick={() => setOpen(true)}>
        <Plus aria-hidden /> Create role
      </Button>
      <RoleEditorDialog open={open} role={null} onOpenChange={setOpen} onSaved={refresh} />
    </>
  );
}

/** A row's buttons: View (a built-in role, read-only), or Edit and Delete (a custom one), with their dialogs. */
export function RoleRowActions({ role, roles }: { role: RoleSummary; roles: RoleSummary[] }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = useListRefresh();
  const editor = <RoleEditorDialog open={editing} role={role} onOpenChange={setEditing} onSaved={refresh} />;
  if (role.isBuiltin) {
    return (
      <>
        <Button variant="ghost" size="sm" aria-label={`View ${role.name}`} {...warmDialogs} onClick={() => setEditing(true)}>
          <Eye aria-hidden /> View
        </Button>
        {editor}
      </>
    );
  }
  return (
    <div className="flex justify-end gap-1">
      <Button variant="ghost" size="icon" aria-label={`Edit ${role.name}`} {...warmDialogs} onClick={() => setEditing(true)}>
        <Pencil aria-hidden />
      </Button>
      <Button variant="ghost" size="icon" aria-label={`Delete ${role.name}`} {...warmDialogs} onClick={() => setDeleting(true)}>
        <Trash2 aria-hidden />
      </Button>
      {editor}
      <DeleteRoleDialog open={deleting} role={role} roles={roles} onOpenChange={setDeleting} onDeleted={refresh} />
    </div>
  );
}
