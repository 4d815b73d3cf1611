"use client";

import { useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { BookOpen, KeyRound, MoreHorizontal, RefreshCw, ShieldCheck, Trash2 } from "lucide-react";
import { useQueryState } from "nuqs";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { ConfirmDialog } from "@/components/team/confirm-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableError } from "@/components/data-table/data-table-error";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";
import type { ApiKeysPage } from "@/lib/api-keys/list-api-keys";
import { ALL_OWNERS, apiKeysQueryKeys, apiKeysUrl, ownerFilterOf, permissionLabel } from "./api-keys-query";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { KeyPermissionsDialog } from "./key-permissions-dialog";
import { KeyEnvironmentBadge, KeyStatusBadge } from "./key-status-badge";
import { RollKeyDialog } from "./roll-key-dialog";
import { OFFLINE, useRefreshApiKeys } from "./use-refresh-api-keys";

const NO_KEYS: ApiKeyDto[] = [];

/** Roll and revoke make sense for a key that still works. */
const isLive = (k: ApiKeyDto) => k.status !== "revoked" && k.status !== "expired";

/**
 * API Keys: this environment's keys, filtered by owner (in the URL), with generate, roll, revoke
 * and a user-bound key's permissions. The server page prefetched the list; keys themselves are
 * never listed (only their prefix): a new key is shown once, in its dialog.
 */
export function ApiKeysView({ currentUserId }: { currentUserId: string }) {
  const scopeKey = useScopeKey();
  const refresh = useRefreshApiKeys();
  const [ownerParam, setOwnerParam] = useQueryState("owner");
  const owner = ownerFilterOf(ownerParam);
  const [rolling, setRolling] = useState<ApiKeyDto | null>(null);
  const [editing, setEditing] = useState<ApiKeyDto | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);

  const keys = useQuery({
    queryKey: apiKeysQueryKeys.list(scopeKey, owner),
    queryFn: ({ signal }) => fetchJson<ApiKeysPage>(apiKeysUrl(owner), signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const owners = useMemo(() => keys.data?.owners ?? [], [keys.data?.owners]);
  const rows = keys.error ? NO_KEYS : (keys.data?.keys ?? NO_KEYS);

  const columns = useMemo<ColumnDef<ApiKeyDto>[]>(
    () => [
      {
        id: "name",
        meta: { className: "font-medium", card: "title" },
        header: "Name",
        cell: ({ row: { original: k } }) => (
          <span className="block max-w-56 truncate" title={k.name}>
            {k.name}
          </span>
        ),
      },
      {
        id: "key",
        meta: { label: "Key", card: "field" },
        header: "Key",
        cell: ({ row: { original: k } }) => (
          <code className="font-mono text-xs" title="Only the start of the key is kept for display">
            {k.prefix}…
          </code>
        ),
      },
      {
        id: "owner",
        meta: { label: "Owner", card: "field" },
        header: "Owner",
        cell: ({ row: { original: k } }) =>
          k.owner.kind === "integrator" ? (
            "Integrator"
          ) : (
            <span className="block max-w-56 truncate" title={k.owner.name ? `${k.owner.name} (${k.owner.email})` : k.owner.email}>
              {k.owner.email}
            </span>
          ),
      },
      {
        id: "secure",
        header: "Secure",
        cell: ({ row: { original: k } }) => (k.secure ? "Yes" : "No"),
      },
      {
        id: "permissions",
        header: "Permissions",
        cell: ({ row: { original: k } }) => <PermissionsSummary permissions={k.permissions} />,
      },
      {
        id: "environment",
        meta: { label: "Environment", card: "field" },
        header: "Environment",
        cell: ({ row: { original: k } }) => <KeyEnvironmentBadge environment={k.environment} />,
      },
      {
        id: "created",
        meta: { label: "Created", card: "time" },
        header: "Created",
        cell: ({ row: { original: k } }) => (
          <div className="grid gap-0.5">
            <Timestamp value={k.createdAt} />
            {k.createdBy && <span className="max-w-56 truncate text-xs text-muted-foreground">by {k.createdBy}</span>}
          </div>
        ),
      },
      {
        id: "lastUsed",
        header: "Last used",
        cell: ({ row: { original: k } }) =>
          k.lastUsedAt ? (
            <div className="grid gap-0.5">
              <Timestamp value={k.lastUsedAt} />
              {k.lastUsedIp && <span className="font-mono text-xs text-muted-foreground">{k.lastUsedIp}</span>}
            </div>
          ) : (
            <span className="text-muted-foreground">Never</span>
          ),
      },
      {
        id: "expires",
        header: "Expires",
        cell: ({ row: { original: k } }) =>
          k.expiresAt ? <Timestamp value={k.expiresAt} /> : <span className="text-muted-foreground">Never</span>,
      },
      {
        id: "status",
        meta: { label: "Status", card: "status" },
        header: "Status",
        cell: ({ row: { original: k } }) => <KeyStatusBadge status={k.status} />,
      },
      {
        id: "actions",
        meta: { align: "right", card: "actions" },
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row: { original: k } }) => (
          <RowActions apiKey={k} onRoll={() => setRolling(k)} onPermissions={() => setEditing(k)} onRevoke={() => setRevoking(k)} />
        ),
      },
    ],
    [],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table is the table engine here
  const table = useReactTable<ApiKeyDto>({
    data: rows,
    columns,
    getRowId: (k) => k.id,
    getCoreRowModel: getCoreRowModel(),
  });

  const setOwner = (next: string) => void setOwnerParam(next === ALL_OWNERS ? null : next);
  const knownOwner = owner === ALL_OWNERS || owner === "integrator" || owners.some((o) => o.userId === owner);
  const filtered = owner !== ALL_OWNERS;
  // The trigger's text in the server HTML too (Radix fills SelectValue only once hydrated).
  const ownerLabel =
    owner === ALL_OWNERS ? "All" : owner === "integrator" ? "Integrator" : (owners.find((o) => o.userId === owner)?.email ?? "Unknown member");
  const count = keys.data && !keys.error ? keys.data.keys.length : null;

  const revoke = async (k: ApiKeyDto) => {
    let message: string;
    try {
      const res = await revokeApiKeyAction({ keyId: k.id });
      if (res.ok) {
        toast.success("Key revoked", { description: `${k.name} no longer works.` });
        refresh();
        return;
      }
      message = res.error;
    } catch {
      message = OFFLINE;
    }
    throw new Error(message);
  };

  return (
    <>
      <PageHeader
        title="API Keys"
        description="Manage API keys and per-key permissions"
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/api-keys/reference">
                <BookOpen aria-hidden />
                API reference
              </Link>
            </Button>
            <GenerateKeyDialog owners={owners} currentUserId={currentUserId} />
          </>
        }
      />

      <Card>
        <CardHeader className="flex flex-row flex-wrap items-end justify-between gap-4">
          <div className="grid gap-1.5">
            <CardTitle>Keys</CardTitle>
            <CardDescription>List of keys scoped by owner filter</CardDescription>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            {count !== null && (
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {count.toLocaleString("en-US")} key{count === 1 ? "" : "s"}
              </p>
            )}
            <div className="flex items-center gap-2">
              <Label htmlFor="api-keys-owner">Owner</Label>
              <Select value={owner} onValueChange={setOwner}>
                <SelectTrigger id="api-keys-owner" size="sm" className="min-w-40 max-w-72">
                  <SelectValue>{ownerLabel}</SelectValue>
                </SelectTrigger>
                <SelectContent align="end">
                  <SelectItem value={ALL_OWNERS}>All</SelectItem>
                  <SelectItem value="integrator">Integrator</SelectItem>
                  {(owners.length > 0 || !knownOwner) && <SelectSeparator />}
                  {owners.map((o) => (
                    <SelectItem key={o.userId} value={o.userId}>
                      {o.email}
                    </SelectItem>
                  ))}
                  {!knownOwner && <SelectItem value={owner}>Unknown member</SelectItem>}
                </SelectContent>
              </Select>
            </div>
          </div>
        </CardHeader>
        <CardContent>
          <DataTable
            table={table}
            aria-label="Keys"
            isLoading={keys.isPending}
            isFetching={keys.isFetching}
            skeletonRows={4}
            rowProps={(row) => ({ "data-testid": "api-key-row", "data-key-name": row.original.name, "data-status": row.original.status })}
            error={keys.error ? <DataTableError error={keys.error} what="API keys" onReset={() => setOwner(ALL_OWNERS)} /> : null}
            empty={
              <EmptyState
                icon={<KeyRound />}
                title="No API keys found."
                description={filtered ? "No key of this environment belongs to this owner." : "Generate a key to call the API from your servers."}
              />
            }
          />
        </CardContent>
      </Card>

      {rolling && <RollKeyDialog apiKey={rolling} open onOpenChange={(o) => !o && setRolling(null)} />}
      {editing && (
        <KeyPermissionsDialog
          apiKey={editing}
          member={editing.owner.kind === "user" ? owners.find((o) => editing.owner.kind === "user" && o.userId === editing.owner.userId) : undefined}
          open
          onOpenChange={(o) => !o && setEditing(null)}
        />
      )}
      {revoking && (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setRevoking(null)}
          title={`Revoke ${revoking.name}?`}
          description="Apps using it stop working immediately."
          confirmLabel="Revoke key"
          destructive
          onConfirm={() => revoke(revoking)}
        />
      )}
    </>
  );
}

/** "All", "None", one or two names, or "3 permissions" with the list on hover. */
function PermissionsSummary({ permissions }: { permissions: ApiKeyDto["permissions"] }) {
  if (permissions === "*") return <span>All</span>;
  if (permissions.length === 0) return <span className="text-muted-foreground">None</span>;
  const labels = permissions.map(permissionLabel);
  if (labels.length <= 2) return <span>{labels.join(", ")}</span>;
  return (
    <span title={labels.join(", ")} className="underline decoration-dotted underline-offset-2">
      {labels.length} permissions<span className="sr-only">: {labels.join(", ")}</span>
    </span>
  );
}

function RowActions({
  apiKey,
  onRoll,
  onPermissions,
  onRevoke,
}: {
  apiKey: ApiKeyDto;
  onRoll(): void;
  onPermissions(): void;
  onRevoke(): void;
}) {
  const live = isLive(apiKey);
  const userBound = apiKey.owner.kind === "user" && apiKey.status !== "revoked";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${apiKey.name}`}>
          <MoreHorizontal aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-48">
        <DropdownMenuLabel className="truncate text-xs font-normal text-muted-foreground">{apiKey.name}</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {live && (
          <DropdownMenuItem onSelect={onRoll}>
            <RefreshCw aria-hidden /> Roll
          </DropdownMenuItem>
        )}
        {userBound && (
          <DropdownMenuItem onSelect={onPermissions}>
            <ShieldCheck aria-hidden /> Permissions
          </DropdownMenuItem>
        )}
        {live && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem variant="destructive" onSelect={onRevoke}>
              <Trash2 aria-hidden /> Revoke
            </DropdownMenuItem>
          </>
        )}
        {!live && !userBound && (
          <DropdownMenuItem disabled>
            {apiKey.status === "revoked" ? "Revoked: nothing to change" : "Expired: nothing to change"}
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
