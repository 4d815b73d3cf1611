import "server-only";
import { Lock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { ALL_PERMISSIONS, PERMISSION_GROUPS } from "@/lib/auth/permissions";
import type { RoleSummary } from "@/lib/team/roles-contract";
import { RoleRowActions } from "./roles-list-controls";

type Col = ListColumn<RoleSummary>;

const header = (title: string) => sortHeader<RoleSummary>(title);

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
 * The Roles table: role (with its type filter), members, permissions, last update and the row's
 * actions (view a built-in role; edit or delete a custom one), a client island per row. Rendered
 * on the server (server-data-table.tsx).
 */
export function roleColumns(
  /** Every role: where a deleted role's members may move. */
  allRoles: RoleSummary[],
): Col[] {
  return [
    {
      id: "name",
      accessorKey: "name",
      enableHiding: false,
      meta: { label: "Role", className: "align-top", filter: { key: "type", title: "Type", options: TYPE_OPTIONS }, card: "title" },
      header: header("Role"),
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
      header: header("Members"),
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
      header: header("Updated"),
      cell: ({ row: { original: role } }) => <Timestamp value={role.updatedAt} compact />,
    },
    {
      id: "actions",
      enableSorting: false,
      enableHiding: false,
      meta: { className: "text-right align-top", headerClassName: "w-32", card: "actions" },
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: role } }) => <RoleRowActions role={role} roles={allRoles} />,
    },
  ];
}
