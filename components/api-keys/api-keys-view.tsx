"use client";

import { useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { BookOpen, KeyRound, MoreHorizontal } from "lucide-react";
import { useQueryState } from "nuqs";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { StandIn, useMenuOnDemand, useOnDemand, WithStandIn } from "@/components/ui/on-demand";
import { SelectStandIn } from "@/components/ui/select-stand-in";
import { toast } from "@/components/ui/toaster";
import { LazyConfirmDialog, loadConfirmDialog } from "@/components/team/lazy-confirm-dialog";
import { PageHeader } from "@/components/shell/page-header";
import { useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableError } from "@/components/data-table/data-table-error";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { revokeApiKeyAction } from "@/lib/api-keys/actions";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";
import type { ApiKeysPage } from "@/lib/api-keys/list-api-keys";
import {
  ALL_OWNERS,
  apiKeysQueryKeys,
  apiKeysUrl,
  OWNER_SELECT_CLASS,
  OWNER_SELECT_ID,
  ownerFilterOf,
  permissionLabel,
} from "./api-keys-query";
import { GenerateKeyDialog } from "./generate-key-dialog";
import { KeyEnvironmentBadge, KeyStatusBadge } from "./key-status-badge";
import type { OwnerSelectProps } from "./owner-select";
import { OFFLINE, useRefreshApiKeys } from "./use-refresh-api-keys";

// The owner select, the row menus and the dialogs load on first use, not with the page (issue 14
// item 17; components/ui/on-demand.tsx). Pointing at or focusing their button starts the download.
const loadOwnerSelect = () => import("./owner-select");
const OwnerSelect = dynamic(() => import("./owner-select"), { ssr: false, loading: StandIn });
const loadRowMenu = () => import("./key-row-menu");
const KeyRowMenu = dynamic(() => import("./key-row-menu"), { ssr: false, loading: StandIn });
const loadRollKeyDialog = () => import("./roll-key-dialog");
const RollKeyDialog = dynamic(() => import("./roll-key-dialog").then((m) => m.RollKeyDialog), { ssr: false });
const loadKeyPermissionsDialog = () => import("./key-permissions-dialog");
const KeyPermissionsDialog = dynamic(() => import("./key-permissions-dialog").then((m) => m.KeyPermissionsDialog), { ssr: false });

const NO_KEYS: ApiKeyDto[] = [];

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
              <Label htmlFor={OWNER_SELECT_ID}>Owner</Label>
              <OwnerFilter owner={owner} owners={owners} ownerLabel={ownerLabel} knownOwner={knownOwner} onChange={setOwner} />
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
        <LazyConfirmDialog
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

/** A key row's "Actions for …" button: a stand-in until first used, then the real menu (key-row-menu.tsx), opened. */
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
  const menu = useMenuOnDemand(loadRowMenu);
  const label = `Actions for ${apiKey.name}`;
  if (menu.used) {
    return (
      <WithStandIn standIn={<RowMenuButton label={label} tabIndex={-1} />}>
        <KeyRowMenu apiKey={apiKey} keyboard={menu.keyboard} onRoll={onRoll} onPermissions={onPermissions} onRevoke={onRevoke} />
      </WithStandIn>
    );
  }
  const warm = () => {
    menu.trigger.onPointerEnter();
    void loadRollKeyDialog();
    void loadKeyPermissionsDialog();
    void loadConfirmDialog();
  };
  return <RowMenuButton label={label} {...menu.trigger} onPointerEnter={warm} />;
}

function RowMenuButton({ label, ...props }: { label: string } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="ghost" size="icon" aria-label={label} {...props}>
      <MoreHorizontal aria-hidden />
    </Button>
  );
}

/** Select keys that open a Radix Select from its trigger. */
const SELECT_OPEN_KEYS = ["Enter", " ", "ArrowDown", "ArrowUp"];

/**
 * The owner filter: until first use a stand-in that looks like the select's trigger and has its
 * role, name (the "Owner" label) and text; a click or an opening key mounts the real select, open.
 */
function OwnerFilter(props: OwnerSelectProps) {
  const select = useOnDemand(loadOwnerSelect);
  if (select.used) {
    return (
      <WithStandIn standIn={<OwnerSelectStandIn label={props.ownerLabel} tabIndex={-1} />}>
        <OwnerSelect {...props} />
      </WithStandIn>
    );
  }
  return (
    <OwnerSelectStandIn
      {...select.trigger}
      label={props.ownerLabel}
      onKeyDown={(e) => {
        if (!SELECT_OPEN_KEYS.includes(e.key)) return;
        e.preventDefault();
        select.use();
      }}
    />
  );
}

/** The select's closed look (components/ui/select-stand-in.tsx) with the owner's label. */
function OwnerSelectStandIn({ label, ...props }: { label: string } & React.ComponentProps<"button">) {
  return (
    <SelectStandIn
      id={OWNER_SELECT_ID}
      size="sm"
      className={OWNER_SELECT_CLASS}
      aria-controls={`${OWNER_SELECT_ID}-options`}
      data-slot="select-trigger"
      data-state="closed"
      {...props}
    >
      {label}
    </SelectStandIn>
  );
}
