"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { MoreHorizontal, UserPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { mountedOnceOpened, StandIn, useMenuOnDemand, warmUp, WithStandIn } from "@/components/ui/on-demand";
import { toast } from "@/components/ui/toaster";
import { useListUrl } from "@/components/data-table/use-list-url";
import { useListRefresh } from "@/components/data-table/list-refresh";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { ListOffsetPagination } from "@/components/data-table/data-table-pagination";
import type { ColumnChoice, ColumnFilterMeta } from "@/components/data-table/types";
import {
  disableMemberAction,
  enableMemberAction,
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
} from "@/lib/team/actions";
import { MEMBER_FILTER_KEYS, MEMBER_PAGE_SIZES, membersSearchParams, type TeamRow } from "@/lib/team/members-contract";
import type { RoleSummary } from "@/lib/team/roles-contract";
import { run } from "./api";
import { LazyConfirmDialog, loadConfirmDialog } from "./lazy-confirm-dialog";
import type { PendingKind } from "./member-row-menu";

/*
 * The client controls of the server-rendered Users list (app/(dashboard)/users/page.tsx renders
 * the rows): the toolbar and pagination write the URL (a server navigation in the list's
 * transition), "Invite teammates" and each row's actions own their dialogs and, after a change,
 * ask the server for the page again.
 */

function useMembersListUrl() {
  return useListUrl({ parsers: membersSearchParams, filterKeys: MEMBER_FILTER_KEYS });
}

/** Search, the role and status filters, Views and View; `summary` is the server's member counts. */
export function UsersToolbar({
  filters,
  columns,
  summary,
}: {
  filters: readonly ColumnFilterMeta[];
  columns: readonly ColumnChoice[];
  summary: React.ReactNode;
}) {
  const list = useMembersListUrl();
  return (
    <DataTableToolbar
      list={list}
      filters={filters}
      columns={columns}
      search={{ placeholder: "Search by name or email", label: "Search users" }}
      actions={summary}
    />
  );
}

/** "N row(s) displayed", rows per page and ‹ Page N of M ›. */
export function UsersPagination(props: { rowsDisplayed: number; total?: number; resolvedPage?: number }) {
  return <ListOffsetPagination parsers={membersSearchParams} filterKeys={MEMBER_FILTER_KEYS} pageSizes={MEMBER_PAGE_SIZES} {...props} />;
}

// Menus and dialogs load on first use, not with the page (components/ui/on-demand.tsx).
const loadInviteDialog = () => import("./invite-dialog");
const InviteDialog = mountedOnceOpened(dynamic(() => import("./invite-dialog").then((m) => m.InviteDialog), { ssr: false }));
const warmInviteDialog = warmUp(loadInviteDialog);

/** "Invite teammates" and its dialog (`roles`: the choices, filtered to those the member may grant). */
export function InviteTeammates({ roles }: { roles: RoleSummary[] }) {
  const [open, setOpen] = useState(false);
  const refresh = useListRefresh();
  return (
    <>
      <Button onClick={() => setOpen(true)} onPointerEnter={warmInviteDialog} onFocus={warmInviteDialog}>
        <UserPlus aria-hidden /> Invite teammates
      </Button>
      <InviteDialog open={open} onOpenChange={setOpen} roles={roles} onInvited={refresh} />
    </>
  );
}

const loadRowMenu = () => import("./member-row-menu");
const MemberRowMenu = dynamic(() => import("./member-row-menu"), { ssr: false, loading: StandIn });
const loadChangeRoleDialog = () => import("./change-role-dialog");
const ChangeRoleDialog = mountedOnceOpened(
  dynamic(() => import("./change-role-dialog").then((m) => m.ChangeRoleDialog), { ssr: false }),
);

const warmChangeRoleDialog = warmUp(loadChangeRoleDialog);
const warmConfirmDialog = warmUp(loadConfirmDialog);

/** What a row's menu and its dialogs need, fetched while the pointer is on the row's button. */
function warmRowDialogs(warmMenu: () => void) {
  return () => {
    warmMenu();
    warmChangeRoleDialog();
    warmConfirmDialog();
  };
}

/**
 * A row's "Actions for …" button: a stand-in until first used, then the real menu
 * (member-row-menu.tsx), opened; the change-role and confirm dialogs are the row's own.
 */
export function MemberRowActions({ row, roles }: { row: TeamRow; roles: RoleSummary[] }) {
  const menu = useMenuOnDemand(loadRowMenu);
  const refresh = useListRefresh();
  const [changingRole, setChangingRole] = useState(false);
  // The kind stays while the dialog closes, so its text does not change under the animation.
  const [confirm, setConfirm] = useState<{ kind: PendingKind; open: boolean } | null>(null);
  const label = `Actions for ${row.email}`;
  return (
    <>
      {menu.used ? (
        <WithStandIn standIn={<RowMenuButton label={label} tabIndex={-1} />}>
          <MemberRowMenu
            row={row}
            keyboard={menu.keyboard}
            onChangeRole={() => setChangingRole(true)}
            onPick={(kind) => setConfirm({ kind, open: true })}
          />
        </WithStandIn>
      ) : (
        <RowMenuButton label={label} {...menu.trigger} onPointerEnter={warmRowDialogs(menu.trigger.onPointerEnter)} />
      )}
      <ChangeRoleDialog open={changingRole} member={row} roles={roles} onOpenChange={setChangingRole} onChanged={refresh} />
      {confirm && (
        <MemberConfirmDialog
          kind={confirm.kind}
          open={confirm.open}
          row={row}
          onClose={() => setConfirm({ ...confirm, open: false })}
          onDone={refresh}
        />
      )}
    </>
  );
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

/** Disable, re-enable or remove a member; resend or revoke an invite: asked first, then done. */
function MemberConfirmDialog({
  kind,
  open,
  row,
  onClose,
  onDone,
}: {
  kind: PendingKind;
  open: boolean;
  row: TeamRow;
  onClose(): void;
  onDone(): void;
}) {
  const copy = COPY[kind];
  const perform = async () => {
    if (kind === "disable") await run(disableMemberAction({ memberId: row.id }));
    else if (kind === "enable") await run(enableMemberAction({ memberId: row.id }));
    else if (kind === "remove") await run(removeMemberAction({ memberId: row.id }));
    else if (kind === "revoke") await run(revokeInviteAction({ inviteId: row.id }));
    else {
      const res = await run(resendInviteAction({ inviteId: row.id }));
      if (res.mailFailed) toast.warning(`The email to ${res.email} could not be delivered. Try again later.`);
    }
    toast.success(copy.done(row));
    onDone();
  };
  return (
    <LazyConfirmDialog
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={copy.title}
      description={copy.text(row)}
      confirmLabel={copy.confirm}
      destructive={copy.destructive}
      onConfirm={perform}
    />
  );
}
