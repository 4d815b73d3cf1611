import "server-only";
import { Timestamp } from "@/components/shell/timezone";
import type { ListColumn } from "@/components/data-table/server-data-table";
import { PERMISSION_GROUPS } from "@/lib/auth/permissions";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";
import type { KeyOwnerChoice } from "@/lib/api-keys/list-api-keys";
import { KeyRowActions } from "./api-keys-list-controls";
import { KeyEnvironmentBadge, KeyStatusBadge } from "./key-status-badge";

type Col = ListColumn<ApiKeyDto>;

const VERB_LABEL: Record<string, string> = { read: "read", manage: "manage", transfer: "transfer", approve: "approve" };

/** "collections.read" → "Collections read", from PERMISSION_GROUPS. */
const PERMISSION_LABEL: Record<string, string> = Object.fromEntries(
  PERMISSION_GROUPS.flatMap((g) =>
    Object.entries(g.permissions).map(([verb, p]) => [p as string, `${g.area} ${VERB_LABEL[verb] ?? verb}`]),
  ),
);

/** "All", "None", one or two names, or "3 permissions" with the list on hover. */
function PermissionsSummary({ permissions }: { permissions: ApiKeyDto["permissions"] }) {
  if (permissions === "*") return <span>All</span>;
  if (permissions.length === 0) return <span className="text-muted-foreground">None</span>;
  const labels = permissions.map((p) => PERMISSION_LABEL[p] ?? p);
  if (labels.length <= 2) return <span>{labels.join(", ")}</span>;
  return (
    <span title={labels.join(", ")} className="underline decoration-dotted underline-offset-2">
      {labels.length} permissions<span className="sr-only">: {labels.join(", ")}</span>
    </span>
  );
}

/**
 * The keys' columns, rendered on the server (server-data-table.tsx). The list is short and newest
 * first, so nothing sorts or hides; a row's actions are its client island (`owners`: a user-bound
 * key's member, whose role limits what the Permissions dialog offers).
 */
export function apiKeyColumns(owners: readonly KeyOwnerChoice[]): Col[] {
  return [
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
      cell: ({ row: { original: k } }) => {
        const owner = k.owner;
        return (
          <KeyRowActions apiKey={k} member={owner.kind === "user" ? owners.find((o) => o.userId === owner.userId) : undefined} />
        );
      },
    },
  ];
}
