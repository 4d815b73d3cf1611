import "server-only";
import { ShieldCheck, ShieldOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import type { TeamRow } from "@/lib/team/members-contract";
import type { RoleSummary } from "@/lib/team/roles-contract";
import { MemberRowActions } from "./users-list-controls";

type Col = ListColumn<TeamRow>;

const header = (title: string) => sortHeader<TeamRow>(title);

const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "invited", label: "Invited" },
  { value: "disabled", label: "Disabled" },
];

/**
 * The Users table: member (or invite), role, status, two-factor, last sign-in and the row's
 * actions. Rendered on the server (server-data-table.tsx); only the actions menu is a client
 * island, on the rows `manageable` allows (the server checks again on every action).
 */
export function userColumns({
  roles,
  manageable,
}: {
  /** Every role: the role filter's options and the change-role dialog's choices. */
  roles: RoleSummary[];
  /** Whether the signed-in member may act on the row. */
  manageable: (row: TeamRow) => boolean;
}): Col[] {
  return [
    {
      id: "name",
      accessorKey: "name",
      enableHiding: false,
      meta: { label: "Member", className: "font-medium", card: "title" },
      header: header("Member"),
      cell: ({ row: { original: row } }) => (
        <div className="flex items-center gap-2">
          <span
            aria-hidden
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/15 text-xs font-semibold uppercase text-primary dark:text-violet-300"
          >
            {(row.name ?? row.email).slice(0, 2)}
          </span>
          <div className="min-w-0">
            <p className="flex items-center gap-2">
              {row.name ?? <span className="text-muted-foreground">Invitation pending</span>}
              {row.isSelf && <Badge variant="outline">You</Badge>}
            </p>
            <p className="truncate text-xs font-normal text-muted-foreground">{row.email}</p>
          </div>
        </div>
      ),
    },
    {
      id: "role",
      accessorKey: "roleName",
      meta: {
        label: "Role",
        card: "field",
        filter: { key: "role", title: "Role", options: roles.map((r) => ({ value: r.id, label: r.name })) },
      },
      header: header("Role"),
    },
    {
      id: "status",
      accessorKey: "status",
      enableHiding: false,
      meta: { label: "Status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS }, card: "status" },
      header: header("Status"),
      cell: ({ row: { original: row } }) => (
        <>
          <StatusPill status={row.status.toUpperCase()} />
          {row.kind === "invite" && row.expiresAt && (
            <p className="mt-1 text-xs text-muted-foreground">
              {row.status === "expired" ? "Expired " : "Expires "}
              <Timestamp value={row.expiresAt} />
              {row.invitedByName && <span className="block">Invited by {row.invitedByName}</span>}
            </p>
          )}
        </>
      ),
    },
    {
      id: "twoFactor",
      enableSorting: false,
      meta: { label: "Two-factor", card: "field" },
      header: "Two-factor",
      cell: ({ row: { original: row } }) =>
        row.twoFactorEnabled === null ? (
          <span className="text-muted-foreground">—</span>
        ) : row.twoFactorEnabled ? (
          <Badge variant="success">
            <ShieldCheck aria-hidden /> On
          </Badge>
        ) : (
          <Badge variant="muted">
            <ShieldOff aria-hidden /> Off
          </Badge>
        ),
    },
    {
      id: "lastSignInAt",
      accessorKey: "lastSignInAt",
      meta: { label: "Last sign-in", card: "field" },
      header: header("Last sign-in"),
      cell: ({ row: { original: row } }) =>
        row.kind === "invite" ? (
          <span className="text-muted-foreground">—</span>
        ) : row.lastSignInAt ? (
          <Timestamp value={row.lastSignInAt} compact />
        ) : (
          <span className="text-muted-foreground">Never</span>
        ),
    },
    {
      id: "actions",
      enableSorting: false,
      enableHiding: false,
      meta: { headerClassName: "w-12", card: "actions" },
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: row } }) => (manageable(row) ? <MemberRowActions row={row} roles={roles} /> : null),
    },
  ];
}
