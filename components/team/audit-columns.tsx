import "server-only";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { AUDIT_ACTIONS, auditActionLabel } from "@/lib/audit/actions";
import type { AuditFacets, AuditRow } from "@/lib/audit/list-contract";

type Col = ListColumn<AuditRow>;

/** The entry's metadata in one line: "role: Viewer · emails: a@x, b@y". */
function details(row: AuditRow): string {
  const m = row.metadata;
  if (!m) return "";
  const parts: string[] = [];
  for (const [k, v] of Object.entries(m)) {
    if (v === null || v === undefined || (Array.isArray(v) && !v.length)) continue;
    const value =
      typeof v === "object" && !Array.isArray(v) && "name" in (v as object)
        ? String((v as { name: unknown }).name)
        : Array.isArray(v)
          ? v.join(", ")
          : typeof v === "object"
            ? JSON.stringify(v)
            : String(v);
    parts.push(`${k}: ${value}`);
  }
  return parts.join(" · ");
}

const OUTCOME_OPTIONS = [
  { value: "success", label: "Success" },
  { value: "failure", label: "Failure" },
  { value: "denied", label: "Denied" },
];

/**
 * The audit log's columns: when, who, what, target, outcome, where and details; the actor, action
 * and outcome filters offer what `facets` found in the log. Rendered on the server
 * (server-data-table.tsx); nothing in a row is interactive.
 */
export function auditColumns(facets: AuditFacets): Col[] {
  // Every action the app records, plus older codes seen in this log; by label.
  const actionOptions = [...new Set([...Object.keys(AUDIT_ACTIONS), ...facets.actions])]
    .map((a) => ({ value: a, label: auditActionLabel(a) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
  return [
    {
      id: "createdAt",
      accessorKey: "createdAt",
      enableHiding: false,
      meta: { label: "When", className: "align-top", card: "time" },
      header: sortHeader<AuditRow>("When"),
      cell: ({ row }) => <Timestamp value={row.original.createdAt} compact />,
    },
    {
      id: "actor",
      accessorKey: "actorEmail",
      enableSorting: false,
      meta: {
        label: "Who",
        className: "align-top",
        card: "field",
        filter: {
          key: "actor",
          title: "Actor",
          variant: "select",
          allLabel: "Everyone",
          options: facets.actors.map((a) => ({ value: a, label: a })),
        },
      },
      header: "Who",
      cell: ({ row: { original: r } }) => (
        <>
          <span className="block font-medium">{r.actorName ?? r.actorEmail ?? "System"}</span>
          {r.actorName && r.actorEmail && <span className="block text-xs text-muted-foreground">{r.actorEmail}</span>}
        </>
      ),
    },
    {
      id: "action",
      accessorKey: "action",
      enableSorting: false,
      meta: {
        label: "What",
        className: "align-top",
        card: "title",
        filter: { key: "action", title: "Action", options: actionOptions },
      },
      header: "What",
      cell: ({ row: { original: r } }) => (
        <>
          <span className="block">{auditActionLabel(r.action)}</span>
          <code className="text-xs text-muted-foreground">{r.action}</code>
        </>
      ),
    },
    {
      id: "target",
      enableSorting: false,
      meta: { label: "Target", className: "align-top text-xs", card: "field" },
      header: "Target",
      cell: ({ row: { original: r } }) =>
        r.targetType ? (
          <>
            <span className="block capitalize">{r.targetType}</span>
            <code className="text-muted-foreground">{r.targetId}</code>
          </>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "outcome",
      accessorKey: "outcome",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Outcome",
        className: "align-top",
        card: "status",
        filter: { key: "outcome", title: "Outcome", options: OUTCOME_OPTIONS },
      },
      header: "Outcome",
      cell: ({ row }) => <StatusPill status={row.original.outcome.toUpperCase()} />,
    },
    {
      id: "where",
      enableSorting: false,
      meta: { label: "Where", className: "align-top text-xs" },
      header: "Where",
      cell: ({ row: { original: r } }) => (
        <>
          <span className="block tabular-nums">{r.ip ?? "—"}</span>
          {r.environment && <span className="block text-muted-foreground capitalize">{r.environment}</span>}
        </>
      ),
    },
    {
      id: "details",
      enableSorting: false,
      meta: { label: "Details", className: "max-w-xs align-top text-xs text-muted-foreground whitespace-normal" },
      header: "Details",
      cell: ({ row: { original: r } }) => (
        <span className="line-clamp-3 break-words" title={r.userAgent ?? undefined}>
          {details(r) || "—"}
        </span>
      ),
    },
  ];
}
