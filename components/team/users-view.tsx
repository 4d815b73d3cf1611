"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import { MoreHorizontal, Search, ShieldCheck, ShieldOff, UserPlus, Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { StatusPill } from "@/components/ui/status-pill";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import {
  disableMemberAction,
  enableMemberAction,
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
} from "@/lib/team/actions";
import type { TeamRow } from "@/lib/team/list-members";
import type { RoleSummary } from "@/lib/team/list-roles";
import { fetchMembers, fetchRoles, run, teamKey, type MembersFilters } from "./api";
import { ChangeRoleDialog } from "./change-role-dialog";
import { ConfirmDialog } from "./confirm-dialog";
import { InviteDialog } from "./invite-dialog";
import { canGrant } from "./role-utils";

const ALL = "all";

type Pending = { kind: "disable" | "enable" | "remove" | "resend" | "revoke"; row: TeamRow } | null;

export function UsersView({
  initialRows,
  initialFilters,
  initialRoles,
}: {
  initialRows: TeamRow[];
  initialFilters: MembersFilters;
  initialRoles: RoleSummary[];
}) {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const canManage = useCan("users.manage");
  const queryClient = useQueryClient();
  const router = useRouter();

  const [filters, setFilters] = useQueryStates(
    { q: parseAsString.withDefault(""), role: parseAsString.withDefault(""), status: parseAsString.withDefault("") },
    { clearOnDefault: true },
  );
  const [search, setSearch] = useState(filters.q);
  useEffect(() => {
    const t = setTimeout(() => {
      if (search.trim() !== filters.q) void setFilters({ q: search.trim() || null });
    }, 300);
    return () => clearTimeout(t);
  }, [search, filters.q, setFilters]);

  const current: MembersFilters = {
    q: filters.q || undefined,
    roleId: filters.role || undefined,
    status: filters.status || undefined,
  };
  const isInitial =
    (current.q ?? "") === (initialFilters.q ?? "") &&
    (current.roleId ?? "") === (initialFilters.roleId ?? "") &&
    (current.status ?? "") === (initialFilters.status ?? "");

  const rolesQuery = useQuery({ queryKey: teamKey(scopeKey, "roles"), queryFn: fetchRoles, initialData: initialRoles });
  const roles = rolesQuery.data;
  const membersKey = teamKey(scopeKey, "members", current);
  const members = useQuery({
    queryKey: membersKey,
    queryFn: () => fetchMembers(current),
    initialData: isInitial ? initialRows : undefined,
    placeholderData: (prev) => prev,
  });

  const [inviteOpen, setInviteOpen] = useState(false);
  const [roleFor, setRoleFor] = useState<TeamRow | null>(null);
  const [pending, setPending] = useState<Pending>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: teamKey(scopeKey) });
    router.refresh();
  };

  const rows = members.data ?? [];
  const counts = {
    active: rows.filter((r) => r.status === "active").length,
    invited: rows.filter((r) => r.kind === "invite").length,
  };

  const rolesById = new Map(roles.map((r) => [r.id, r]));
  const mayManage = (row: TeamRow) => {
    if (!canManage || row.isSelf) return false;
    const role = rolesById.get(row.roleId);
    return role ? canGrant(role, scope.permissions) : false;
  };

  return (
    <>
      <PageHeader
        title="Users"
        description="Invite team members and manage their access"
        actions={
          canManage && (
            <Button onClick={() => setInviteOpen(true)}>
              <UserPlus aria-hidden /> Invite teammates
            </Button>
          )
        }
      />

      <Card>
        <CardContent className="grid gap-4">
          <div className="flex flex-wrap items-center gap-3" role="search" aria-label="Filter users">
            <div className="relative min-w-56 flex-1">
              <Search
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
                aria-hidden
              />
              <Input
                aria-label="Search users"
                placeholder="Search by name or email"
                className="pl-9"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
              />
            </div>
            <Select value={filters.role || ALL} onValueChange={(v) => void setFilters({ role: v === ALL ? null : v })}>
              <SelectTrigger aria-label="Role filter" className="w-44">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL}>All roles</SelectItem>
                {roles.map((r) => (
                  <SelectItem key={r.id} value={r.id}>
                    {r.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
            <Select
              value={filters.status || ALL}
              onValueChange={(v) => void setFilters({ status: v === ALL ? null : v })}
            >
              <SelectTrigger aria-label="Status filter" className="w-40">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL}>All statuses</SelectItem>
                <SelectItem value="active">Active</SelectItem>
                <SelectItem value="invited">Invited</SelectItem>
                <SelectItem value="disabled">Disabled</SelectItem>
              </SelectContent>
            </Select>
            <p className="text-sm text-muted-foreground" aria-live="polite">
              {counts.active} active · {counts.invited} pending invite{counts.invited === 1 ? "" : "s"}
            </p>
          </div>

          {members.isError ? (
            <EmptyState title="Could not load the team" description={(members.error as Error).message} />
          ) : members.isPending ? (
            <div className="grid gap-2">
              {Array.from({ length: 4 }, (_, i) => (
                <Skeleton key={i} className="h-10 w-full" />
              ))}
            </div>
          ) : rows.length === 0 ? (
            <EmptyState
              icon={<Users />}
              title="No users found"
              description="No team members or invites match your filters."
            />
          ) : (
            <Table aria-label="Team members">
              <TableHeader>
                <TableRow>
                  <TableHead>Member</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Two-factor</TableHead>
                  <TableHead>Last sign-in</TableHead>
                  <TableHead className="w-12">
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => (
                  <TableRow key={`${row.kind}-${row.id}`} data-testid="team-row" data-email={row.email}>
                    <TableCell className="font-medium">
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
                    </TableCell>
                    <TableCell>{row.roleName}</TableCell>
                    <TableCell>
                      <StatusPill status={row.status.toUpperCase()} />
                      {row.kind === "invite" && row.expiresAt && (
                        <p className="mt-1 text-xs text-muted-foreground">
                          {row.status === "expired" ? "Expired " : "Expires "}
                          <Timestamp value={row.expiresAt} />
                          {row.invitedByName && <span className="block">Invited by {row.invitedByName}</span>}
                        </p>
                      )}
                    </TableCell>
                    <TableCell>
                      {row.twoFactorEnabled === null ? (
                        <span className="text-muted-foreground">—</span>
                      ) : row.twoFactorEnabled ? (
                        <Badge variant="success">
                          <ShieldCheck aria-hidden /> On
                        </Badge>
                      ) : (
                        <Badge variant="muted">
                          <ShieldOff aria-hidden /> Off
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>
                      {row.kind === "invite" ? (
                        <span className="text-muted-foreground">—</span>
                      ) : row.lastSignInAt ? (
                        <Timestamp value={row.lastSignInAt} />
                      ) : (
                        <span className="text-muted-foreground">Never</span>
                      )}
                    </TableCell>
                    <TableCell>
                      {mayManage(row) && (
                        <RowActions
                          row={row}
                          onChangeRole={() => setRoleFor(row)}
                          onPick={(kind) => setPending({ kind, row })}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      {canManage && (
        <>
          <InviteDialog open={inviteOpen} onOpenChange={setInviteOpen} roles={roles} onInvited={refresh} />
          <ChangeRoleDialog
            member={roleFor}
            roles={roles}
            onOpenChange={(o) => !o && setRoleFor(null)}
            onChanged={refresh}
          />
          <PendingDialog pending={pending} onClose={() => setPending(null)} onDone={refresh} />
        </>
      )}
    </>
  );
}

function RowActions({
  row,
  onChangeRole,
  onPick,
}: {
  row: TeamRow;
  onChangeRole(): void;
  onPick(kind: "disable" | "enable" | "remove" | "resend" | "revoke"): void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${row.email}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel className="truncate text-xs font-normal text-muted-foreground">
          {row.email}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {row.kind === "invite" ? (
          <>
            <DropdownMenuItem onSelect={() => onPick("resend")}>Resend invite</DropdownMenuItem>
            <DropdownMenuItem variant="destructive" onSelect={() => onPick("revoke")}>
              Revoke invite
            </DropdownMenuItem>
          </>
        ) : (
          <>
            <DropdownMenuItem onSelect={onChangeRole}>Change role</DropdownMenuItem>
            {row.status === "disabled" ? (
              <DropdownMenuItem onSelect={() => onPick("enable")}>Re-enable</DropdownMenuItem>
            ) : (
              <DropdownMenuItem onSelect={() => onPick("disable")}>Disable</DropdownMenuItem>
            )}
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={() => onPick("remove")}>
              Remove from team
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
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
    <ConfirmDialog
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
