import "server-only";
import { StatusPill } from "@/components/ui/status-pill";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { formatMoney } from "@/lib/money";
import { BULK_ITEM_STATUSES } from "@/lib/bulk-payments/constants";
import { BULK_ITEM_STATUS_LABEL, type BulkItemRow } from "@/lib/bulk-payments/items-contract";
import { ItemStatusPill } from "./bulk-status";

type Col = ListColumn<BulkItemRow>;

const header = (title: string) => sortHeader<BulkItemRow>(title);
const count = (n: number) => n.toLocaleString("en-US");
const STATUS_OPTIONS = BULK_ITEM_STATUSES.map((s) => ({ value: s, label: BULK_ITEM_STATUS_LABEL[s] }));

/**
 * A batch's recipients table's columns, rendered on the server (server-data-table.tsx): the row
 * number, the recipient, the amount and fee, the status (the toolbar's filter), the error and the
 * payout. On a phone a row is a card of the recipient, status, amount, reference, error and payout.
 */
export function bulkItemColumns(): Col[] {
  return [
    {
      id: "rowNo",
      accessorKey: "rowNo",
      enableHiding: false,
      meta: { label: "Row", className: "tabular-nums w-16" },
      header: header("Row"),
    },
    {
      id: "recipient",
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Recipient", card: "title" },
      header: "Recipient",
      cell: ({ row: { original: r } }) => (
        <div className="min-w-0 max-w-64">
          <p className="truncate font-medium" title={r.recipientName}>
            {r.recipientName}
          </p>
          <p className="truncate text-xs text-muted-foreground tabular-nums">
            {r.recipientPhone}
            {r.network && ` · ${r.network}`}
          </p>
          <p className="truncate text-xs text-muted-foreground" title={r.recipientEmail}>
            {r.recipientEmail}
          </p>
        </div>
      ),
    },
    {
      id: "amount",
      accessorKey: "amount",
      meta: { label: "Amount", align: "right", className: "whitespace-nowrap", card: "amount" },
      header: header("Amount"),
      cell: ({ row: { original: r } }) => formatMoney(r.amount, r.currency),
    },
    {
      id: "fee",
      accessorKey: "fee",
      enableSorting: false,
      meta: { label: "Fee", align: "right", className: "whitespace-nowrap" },
      header: "Fee",
      cell: ({ row: { original: r } }) => (r.fee === null ? <span className="text-muted-foreground">—</span> : formatMoney(r.fee, r.currency)),
    },
    {
      id: "reference",
      accessorKey: "reference",
      enableSorting: false,
      meta: { label: "Reference", className: "font-mono text-xs", truncate: true, card: "field" },
      header: "Reference",
    },
    {
      id: "status",
      accessorKey: "status",
      enableHiding: false,
      meta: { label: "Status", card: "status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS } },
      header: header("Status"),
      cell: ({ row: { original: r } }) => (
        <div className="grid gap-1">
          <ItemStatusPill status={r.status} />
          {r.retryCount > 0 && <span className="text-xs text-muted-foreground">Retried {count(r.retryCount)}×</span>}
        </div>
      ),
    },
    {
      id: "errorMessage",
      accessorKey: "errorMessage",
      enableSorting: false,
      meta: { label: "Error", className: "max-w-72 whitespace-normal text-xs", card: "field" },
      header: "Error",
      cell: ({ row: { original: r } }) => r.errorMessage ?? <span className="text-muted-foreground">—</span>,
    },
    {
      id: "payout",
      enableSorting: false,
      meta: { label: "Payout", card: "field" },
      header: "Payout",
      cell: ({ row: { original: r } }) =>
        r.payout ? (
          <div className="grid gap-1">
            <span className="font-mono text-xs">{r.payout.referenceId}</span>
            <StatusPill status={r.payout.status} />
          </div>
        ) : (
          <span className="text-muted-foreground">Not sent</span>
        ),
    },
  ];
}
