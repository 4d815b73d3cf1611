import "server-only";
import Link from "next/link";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { formatMoney } from "@/lib/money";
import type { Market } from "@/lib/markets";
import { BULK_UPLOAD_STATUS_LABEL, BULK_UPLOAD_STATUSES, type BulkCurrencyTotal } from "@/lib/bulk-payments/dto";
import { bulkUploadHref, type BulkUploadRow } from "@/lib/bulk-payments/uploads-contract";
import { UploadStatusPill } from "./bulk-status";

type Col = ListColumn<BulkUploadRow>;

const header = (title: string) => sortHeader<BulkUploadRow>(title);
const count = (n: number) => n.toLocaleString("en-US");
const STATUS_OPTIONS = BULK_UPLOAD_STATUSES.map((s) => ({ value: s, label: BULK_UPLOAD_STATUS_LABEL[s] }));

/** One amount per currency, one per line: amounts of different currencies are never added. */
export function CurrencyTotals({ totals }: { totals: readonly BulkCurrencyTotal[] }) {
  if (!totals.length) return <span className="text-muted-foreground">—</span>;
  return (
    <ul className="grid gap-0.5 whitespace-nowrap tabular-nums">
      {totals.map((t) => (
        <li key={t.currency}>{formatMoney(t.totalAmount, t.currency)}</li>
      ))}
    </ul>
  );
}

/**
 * The Bulk Payments table's columns, rendered on the server (server-data-table.tsx). A name links
 * to its upload in the same context (market, environment); the status declares the toolbar's
 * filter. On a phone a row is a card of the name, status, total, recipients, batches and time.
 */
export function bulkUploadColumns(context: { environment: string; market: Market }): Col[] {
  return [
    {
      id: "name",
      accessorKey: "name",
      enableHiding: false,
      meta: { label: "Name", className: "font-medium", card: "title" },
      header: header("Name"),
      cell: ({ row: { original: r } }) => (
        <Link href={bulkUploadHref(r.id, context)} className="block max-w-72 truncate underline-offset-2 hover:underline" title={r.name}>
          {r.name}
        </Link>
      ),
    },
    {
      id: "fileName",
      accessorKey: "fileName",
      enableSorting: false,
      meta: { label: "File", className: "max-w-56 truncate font-mono text-xs" },
      header: "File",
      cell: ({ row: { original: r } }) => <span title={r.fileName}>{r.fileName}</span>,
    },
    {
      id: "totalRecipients",
      accessorKey: "totalRecipients",
      meta: { label: "Recipients", align: "right", className: "tabular-nums", card: "field" },
      header: header("Recipients"),
      cell: ({ row: { original: r } }) => count(r.totalRecipients),
    },
    {
      id: "totals",
      enableSorting: false,
      meta: { label: "Total", align: "right", card: "amount" },
      header: "Total",
      cell: ({ row: { original: r } }) => <CurrencyTotals totals={r.totals} />,
    },
    {
      id: "batches",
      enableSorting: false,
      meta: { label: "Batches", className: "whitespace-nowrap text-sm", card: "field" },
      header: "Batches",
      cell: ({ row: { original: r } }) => (
        <span>
          {count(r.batchesCompleted)} completed
          {r.batchesFailed > 0 && <span className="text-destructive dark:text-red-300"> · {count(r.batchesFailed)} failed</span>}
          <span className="text-muted-foreground"> of {count(r.batchCount)}</span>
        </span>
      ),
    },
    {
      id: "status",
      accessorKey: "status",
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS }, card: "status" },
      header: "Status",
      cell: ({ row: { original: r } }) => <UploadStatusPill status={r.status} />,
    },
    {
      id: "createdBy",
      enableSorting: false,
      meta: { label: "Created by" },
      header: "Created by",
      cell: ({ row: { original: r } }) =>
        r.createdBy ? (
          <span className="block max-w-48 truncate" title={r.createdBy.email}>
            {r.createdBy.name}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      meta: { label: "Created", className: "whitespace-nowrap", card: "time" },
      header: header("Created"),
      cell: ({ row: { original: r } }) => <Timestamp value={r.createdAt} compact />,
    },
  ];
}
