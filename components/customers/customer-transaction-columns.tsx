import "server-only";
import { Badge } from "@/components/ui/badge";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import type { ListColumn } from "@/components/data-table/server-data-table";
import {
  CUSTOMER_TX_KIND_LABEL,
  CUSTOMER_TX_STATUSES,
  type CustomerTxKind,
  type CustomerTxRow,
} from "@/lib/customers/customer-transactions-contract";
import { formatMoney } from "@/lib/money";
import { humanize } from "@/lib/transactions/format";
import { statusGroup } from "@/lib/transactions/kinds";

/**
 * A customer's collections and payouts, rendered on the server (server-data-table.tsx). Always
 * newest first: no column sorts. The kind filter shows when the member may read both `kinds`.
 */
export function customerTransactionColumns(kinds: readonly CustomerTxKind[]): ListColumn<CustomerTxRow>[] {
  return [
    {
      id: "referenceId",
      accessorKey: "referenceId",
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Reference", className: "font-mono text-xs", truncate: true, card: "title" },
      header: "Reference",
    },
    {
      id: "kind",
      accessorKey: "kind",
      enableSorting: false,
      meta: {
        label: "Kind",
        card: "field",
        filter:
          kinds.length > 1
            ? {
                key: "kind",
                title: "Kind",
                variant: "select",
                allLabel: "All kinds",
                options: kinds.map((k) => ({ value: k, label: CUSTOMER_TX_KIND_LABEL[k] })),
              }
            : undefined,
      },
      header: "Kind",
      cell: ({ row }) => <Badge variant="outline">{CUSTOMER_TX_KIND_LABEL[row.original.kind] ?? row.original.kind}</Badge>,
    },
    {
      id: "channel",
      accessorKey: "channel",
      enableSorting: false,
      meta: { label: "Type", defaultHidden: true },
      header: "Type",
      cell: ({ row }) => humanize(row.original.channel),
    },
    {
      id: "amount",
      accessorKey: "amount",
      enableSorting: false,
      meta: { label: "Amount", align: "right", card: "amount" },
      header: "Amount",
      cell: ({ row }) => formatMoney(row.original.amount, row.original.currency),
    },
    {
      id: "fee",
      accessorKey: "fee",
      enableSorting: false,
      meta: { label: "Fee", align: "right" },
      header: "Fee",
      cell: ({ row }) => formatMoney(row.original.fee, row.original.currency),
    },
    {
      id: "status",
      accessorKey: "status",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Status",
        card: "status",
        filter: { key: "status", title: "Status", options: CUSTOMER_TX_STATUSES.map((s) => ({ value: s, label: s })) },
      },
      header: "Status",
      cell: ({ row }) => {
        const r = row.original;
        const reason = statusGroup(r.status) === "failed" ? r.errorMessage : null;
        return (
          <div className="flex flex-col items-start gap-1">
            <StatusPill status={r.status} />
            {reason && (
              <span className="max-w-56 truncate text-xs text-destructive dark:text-red-300" title={reason}>
                {reason}
              </span>
            )}
          </div>
        );
      },
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      enableSorting: false,
      meta: { label: "Created", card: "time" },
      header: "Created",
      cell: ({ row }) => <Timestamp value={row.original.createdAt} compact />,
    },
  ];
}
