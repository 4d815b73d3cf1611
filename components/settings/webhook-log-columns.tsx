import "server-only";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { DELIVERY_STATUSES, deliveryTransactionHref, isRetrying, type WebhookDeliveryRow } from "@/lib/webhooks/deliveries-contract";
import { DELIVERY_EVENT_OPTIONS, DELIVERY_STATUS_LABEL, eventLabel } from "@/lib/webhooks/delivery-labels";
import { DeliveryTransactionLink } from "./webhook-log-controls";

type Col = ListColumn<WebhookDeliveryRow>;

const count = (n: number) => n.toLocaleString("en-US");

/**
 * The webhook log's columns, rendered on the server (server-data-table.tsx): one row per attempt.
 * Only the time sorts; the URL and the duration are under "View"; the event, the status and the
 * time cannot be hidden. `meta.filter` gives the toolbar its event and status filters.
 */
export function webhookLogColumns(environment: string): Col[] {
  return [
    {
      id: "event",
      accessorKey: "event",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Event",
        className: "min-w-[13rem] max-w-[18rem] max-md:min-w-0",
        card: "title",
        filter: { key: "event", title: "Event", options: DELIVERY_EVENT_OPTIONS },
      },
      header: "Event",
      cell: ({ row: { original: r } }) => (
        <div className="grid min-w-0 gap-0.5">
          <span className="truncate" title={eventLabel(r.event)}>
            {eventLabel(r.event)}
          </span>
          <code className="truncate font-mono text-xs text-muted-foreground" title={r.event}>
            {r.event}
          </code>
        </div>
      ),
    },
    {
      id: "transaction",
      enableSorting: false,
      meta: { label: "Transaction reference", className: "whitespace-nowrap", card: "field" },
      header: "Transaction reference",
      cell: ({ row: { original: r } }) =>
        r.transaction ? (
          <DeliveryTransactionLink href={deliveryTransactionHref(r.transaction, environment)} referenceId={r.transaction.referenceId} />
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "url",
      accessorKey: "url",
      enableSorting: false,
      meta: { label: "URL", className: "max-w-[18rem]", defaultHidden: true },
      header: "URL",
      cell: ({ row: { original: r } }) => (
        <span className="block truncate font-mono text-xs" title={r.url}>
          {r.url}
        </span>
      ),
    },
    {
      id: "status",
      accessorKey: "status",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Status",
        card: "status",
        filter: { key: "status", title: "Status", options: DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_LABEL[s] })) },
      },
      header: "Status",
      cell: ({ row: { original: r } }) => (
        <StatusPill
          status={r.status}
          title={
            r.status === "FAILED"
              ? isRetrying(r)
                ? "Failed, will retry"
                : "Failed, retried"
              : r.status === "PERMANENTLY_FAILED"
                ? "Failed: no more retries"
                : "Delivered"
          }
        />
      ),
    },
    {
      id: "responseStatus",
      accessorKey: "responseStatus",
      enableSorting: false,
      meta: { label: "HTTP code", align: "right", card: "field" },
      header: "HTTP code",
      cell: ({ row: { original: r } }) =>
        r.responseStatus === null ? (
          <span className="text-muted-foreground" title={r.error ?? "No response"}>
            —
          </span>
        ) : (
          r.responseStatus
        ),
    },
    {
      id: "durationMs",
      accessorKey: "durationMs",
      enableSorting: false,
      meta: { label: "Duration (ms)", align: "right", defaultHidden: true },
      header: "Duration (ms)",
      cell: ({ row: { original: r } }) => (r.durationMs === null ? <span className="text-muted-foreground">—</span> : count(r.durationMs)),
    },
    {
      id: "attempt",
      accessorKey: "attempt",
      enableSorting: false,
      meta: { label: "Attempt", align: "right" },
      header: "Attempt",
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      enableHiding: false,
      meta: { label: "Time", className: "whitespace-nowrap", card: "time" },
      header: sortHeader<WebhookDeliveryRow>("Time"),
      cell: ({ row: { original: r } }) => <Timestamp value={r.createdAt} compact />,
    },
  ];
}
