"use client";

import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { MoreHorizontal, ShieldCheck, ShieldOff, UserPlus, Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusPill } from "@/components/ui/status-pill";
import { toast } from "@/components/ui/toaster";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import { fetchJson, listQueryKey, retryUnlessClientError } from "@/lib/client/fetch-json";
import {
  disableMemberAction,
  enableMemberAction,
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
} from "@/lib/team/actions";
import {
  MEMBER_DEFAULT_SORT,
  MEMBER_FILTER_KEYS,
  MEMBER_PAGE_SIZES,
  membersListQuery,
  membersQueryKeys,
  membersSearchParams,
  type MembersListResponse,
  type TeamRow,
} from "@/lib/team/members-contract";
import type { RoleSummary } from "@/lib/team/roles-contract";
import { run } from "./api";
import { LazyConfirmDialog, loadConfirmDialog } from "./lazy-confirm-dialog";
import { StandIn, useMenuOnDemand, useOpenedOnce, WithStandIn } from "@/components/ui/on-demand";
import type { PendingKind } from "./member-row-menu";
import { canGrant } from "./role-utils";

// Menus and dialogs load on first use, not with the page (issue 14 item 17; components/ui/on-demand.tsx).
const loadRowMenu = () => import("./member-row-menu");
const MemberRowMenu = dynamic(() => import("./member-row-menu"), { ssr: false, loading: StandIn });
const loadInviteDialog = () => import("./invite-dialog");
const InviteDialog = dynamic(() => import("./invite-dialog").then((m) => m.InviteDialog), { ssr: false });
const loadChangeRoleDialog = () => import("./change-role-dialog");
const ChangeRoleDialog = dynamic(() => import("./change-role-dialog").then((m) => m.ChangeRoleDialog), { ssr: false });

type Pending = { kind: PendingKind; row: TeamRow } | null;

const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "invited", label: "Invited" },
  { value: "disabled", label: "Disabled" },
];

/**
 * Users: members and pending invites on the list system (search, role and status filters, sort,
 * paging and hidden columns in the URL; the server page prefetched the first page). `roles` (all
 * of them, for the pickers and the role filter) comes from the server page, refreshed after changes.
 */
export function UsersView({ roles }: { roles: RoleSummary[] }) {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const canManage = useCan("users.manage");
  const queryClient = useQueryClient();
  const router = useRouter();

  const [inviteOpen, setInviteOpen] = useState(false);
  const [roleFor, setRoleFor] = useState<TeamRow | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const inviteMounted = useOpenedOnce(inviteOpen);
  const changeRoleMounted = useOpenedOnce(roleFor !== null);

  const urlState = useListState(membersSearchParams);
  const qs = membersListQuery(urlState);
  const members = useQuery({
    queryKey: membersQueryKeys.list(scopeKey, urlState),
    queryFn: ({ signal }) => fetchJson<MembersListResponse>(`/api/team/members?${qs}`, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = members.data;

  const columns = useMemo<ColumnDef<TeamRow>[]>(() => {
    const rolesById = new Map(roles.map((r) => [r.id, r]));
    const mayManage = (row: TeamRow) => {
      if (!canManage || row.isSelf) return false;
      const role = rolesById.get(row.roleId);
      return role ? canGrant(role, scope.permissions) : false;
    };
    return [
      {
        id: "name",
        accessorKey: "name",
        enableHiding: false,
        meta: { label: "Member", className: "font-medium", card: "title" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Member" />,
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
        header: ({ column }) => <DataTableColumnHeader column={column} title="Role" />,
      },
      {
        id: "status",
        accessorKey: "status",
        enableHiding: false,
        meta: { label: "Status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS }, card: "status" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
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
        header: ({ column }) => <DataTableColumnHeader column={column} title="Last sign-in" />,
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
        cell: ({ row: { original: row } }) =>
          mayManage(row) ? (
            <RowActions row={row} onChangeRole={() => setRoleFor(row)} onPick={(kind) => setPending({ kind, row })} />
          ) : null,
      },
    ];
  }, [roles, canManage, scope.permissions]);

  const list = useDataTable({
    parsers: membersSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r) => `${r.kind}-${r.id}`,
    filterKeys: MEMBER_FILTER_KEYS,
    defaultSort: MEMBER_DEFAULT_SORT,
    resolvedPage: data && !members.isPlaceholderData ? data.page : undefined,
  });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: listQueryKey(scopeKey, "team") });
    router.refresh();
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="Invite team members and manage their access"
        actions={
          canManage && (
            <Button
              onClick={() => setInviteOpen(true)}
              onPointerEnter={() => void loadInviteDialog()}
              onFocus={() => void loadInviteDialog()}
            >
              <UserPlus aria-hidden /> Invite teammates
            </Button>
          )
        }
      />

      <Card>
        <CardContent className="space-y-4">
          <DataTableToolbar
            list={list}
            search={{ placeholder: "Search by name or email", label: "Search users" }}
            actions={
              data && (
                <p className="text-sm text-muted-foreground" aria-live="polite">
                  {data.counts.active} active · {data.counts.invited} pending invite
                  {data.counts.invited === 1 ? "" : "s"}
                </p>
              )
            }
          />
          <DataTable
            table={list.table}
            aria-label="Team members"
            isLoading={members.isPending}
            isFetching={members.isFetching}
            skeletonRows={4}
            rowProps={(row) => ({ "data-testid": "team-row", "data-email": row.original.email })}
            error={
              members.error ? <EmptyState title="Could not load the team" description={members.error.message} /> : null
            }
            empty={
              <EmptyState
                icon={<Users />}
                title="No users found"
                description="No team members or invites match your filters."
              />
            }
          />
          <DataTableOffsetPagination
            list={list}
            rowsDisplayed={members.error ? 0 : (data?.rows.length ?? 0)}
            total={data?.total}
            pageSizes={MEMBER_PAGE_SIZES}
            disabled={members.isFetching}
          />
        </CardContent>
      </Card>

      {canManage && (
        <>
          {inviteMounted && (
            <InviteDialog open={inviteOpen} onOpenChange={setInviteOpen} roles={roles} onInvited={refresh} />
          )}
          {changeRoleMounted && (
            <ChangeRoleDialog
              member={roleFor}
              roles={roles}
              onOpenChange={(o) => !o && setRoleFor(null)}
              onChanged={refresh}
            />
          )}
          <PendingDialog pending={pending} onClose={() => setPending(null)} onDone={refresh} />
        </>
      )}
    </>
  );
}

/** The row's "Actions for …" button: a stand-in until first used, then the real menu (member-row-menu.tsx), opened. */
function RowActions({
  row,
  onChangeRole,
  onPick,
}: {
  row: TeamRow;
  onChangeRole(): void;
  onPick(kind: PendingKind): void;
}) {
  const menu = useMenuOnDemand(loadRowMenu);
  const label = `Actions for ${row.email}`;
  if (menu.used) {
    return (
      <WithStandIn standIn={<RowMenuButton label={label} tabIndex={-1} />}>
        <MemberRowMenu row={row} keyboard={menu.keyboard} onChangeRole={onChangeRole} onPick={onPick} />
      </WithStandIn>
    );
  }
  return <RowMenuButton label={label} {...menu.trigger} onPointerEnter={warmRowDialogs(menu.trigger.onPointerEnter)} />;
}

/** What a row's menu and its dialogs need, fetched while the pointer is on the row's button. */
function warmRowDialogs(warm: () => void) {
  return () => {
    warm();
    void loadChangeRoleDialog();
    void loadConfirmDialog();
  };
}

function RowMenuButton({ label, ...props }: { label: string } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" aria-label={label} {...props}>
      <MoreHorizontal aria-hidden />
    </Button>
  );
}

const COPY = {
  disable: {
    title: "Disable member",
    confirm: "Disable",
    destructive: true,
    text: (r: TeamRow) => `${r.name ?? r.email} will be signed out at once and cannot sign in until re-enabled.`,
    done: (r: TeamRow) => `${r.email} is disabled`,
  },
  enable: {
    title: "Re-enable member",
    confirm: "Re-enable",
    destructive: false,
    text: (r: TeamRow) => `${r.name ?? r.email} will be able to sign in again with the ${r.roleName} role.`,
    done: (r: TeamRow) => `${r.email} is active again`,
  },
  remove: {
    title: "Remove from team",
    confirm: "Remove",
    destructive: true,
    text: (r: TeamRow) =>
      `${r.name ?? r.email} loses access to this organisation at once. You can invite them again later.`,
    done: (r: TeamRow) => `${r.email} was removed from the team`,
  },
  resend: {
    title: "Resend invite",
    confirm: "Resend",
    destructive: false,
    text: (r: TeamRow) => `A new link goes to ${r.email}, valid for 72 hours. The previous link stops working.`,
    done: (r: TeamRow) => `A new invite was sent to ${r.email}`,
  },
  revoke: {
    title: "Revoke invite",
    confirm: "Revoke",
    destructive: true,
    text: (r: TeamRow) => `The invite link sent to ${r.email} stops working at once.`,
    done: (r: TeamRow) => `The invite to ${r.email} was revoked`,
  },
} as const;

function PendingDialog({ pending, onClose, onDone }: { pending: Pending; onClose(): void; onDone(): void }) {
  const [last, setLast] = useState<Pending>(null);
  if (pending && pending !== last) setLast(pending);
  const shown = pending ?? last;
  if (!shown) return null;
  const copy = COPY[shown.kind];
  const perform = async () => {
    const { row } = shown;
    if (shown.kind === "disable") await run(disableMemberAction({ memberId: row.id }));
    else if (shown.kind === "enable") await run(enableMemberAction({ memberId: row.id }));
    else if (shown.kind === "remove") await run(removeMemberAction({ memberId: row.id }));
    else if (shown.kind === "revoke") await run(revokeInviteAction({ inviteId: row.id }));
    else {
      const res = await run(resendInviteAction({ inviteId: row.id }));
      if (res.mailFailed) toast.warning(`The email to ${res.email} could not be delivered. Try again later.`);
    }
    toast.success(copy.done(row));
    onDone();
  };
  return (
    <LazyConfirmDialog
      open={pending !== null}
      onOpenChange={(o) => !o && onClose()}
      title={copy.title}
      description={copy.text(shown.row)}
      confirmLabel={copy.confirm}
      destructive={copy.destructive}
      onConfirm={perform}
    />
  );
}
