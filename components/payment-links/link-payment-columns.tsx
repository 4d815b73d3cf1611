import "server-only";
import Link from "next/link";
import { Download, ReceiptText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { formatNationalPhone } from "@/lib/customers/format";
import type { Market } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import {
  LINK_PAYMENT_OUTCOME_LABEL,
  LINK_PAYMENT_OUTCOMES,
  receiptHref,
  receiptPdfUrl,
  type LinkPaymentRow,
} from "@/lib/payment-links/link-payments-contract";

type Col = ListColumn<LinkPaymentRow>;

const header = (title: string) => sortHeader<LinkPaymentRow>(title);

/**
 * A payment link's payments: reference, customer (name, phone in the link's country's format,
 * network), amount, fee, status, creation time, and for a successful payment its receipt (the
 * printable page and the PDF). Rendered on the server (server-data-table.tsx).
 */
export function linkPaymentColumns(link: { id: string; country: string }, context: { environment: string; market: Market }): Col[] {
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
      id: "customer",
      accessorKey: "customerName",
      enableSorting: false,
      meta: { label: "Customer", card: "field" },
      header: "Customer",
      cell: ({ row: { original: r } }) => (
        <div className="min-w-0">
          <p>{r.customerName ?? <span className="text-muted-foreground">No name</span>}</p>
          {(r.phoneNumber || r.network) && (
            <p className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">
              {r.phoneNumber && <span title={r.phoneNumber}>{formatNationalPhone(r.phoneNumber, link.country)}</span>}
              {r.phoneNumber && r.network && " · "}
              {r.network}
            </p>
          )}
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
      cell: ({ row: { original: r } }) => formatMoney(r.fee, r.currency),
    },
    {
      id: "status",
      accessorKey: "status",
      enableSorting: false,
      enableHiding: false,
      meta: {
        label: "Status",
        card: "status",
        filter: {
          key: "status",
          title: "Status",
          options: LINK_PAYMENT_OUTCOMES.map((o) => ({ value: o, label: LINK_PAYMENT_OUTCOME_LABEL[o] })),
        },
      },
      header: "Status",
      cell: ({ row: { original: r } }) => <StatusPill status={r.status} />,
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      meta: { label: "Created", className: "whitespace-nowrap", card: "time" },
      header: header("Created"),
      cell: ({ row: { original: r } }) => <Timestamp value={r.createdAt} compact />,
    },
    {
      id: "receipt",
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Receipt", align: "right", card: "actions" },
      header: () => <span className="sr-only">Receipt</span>,
      // "Receipt" (the printable page) and "Download PDF", for a successful payment.
      cell: ({ row: { original: r } }) =>
        r.outcome === "successful" && (
          <div className="flex items-center justify-end gap-1">
            <Button asChild variant="outline" size="sm">
              <Link href={receiptHref(link.id, r.id, context)} aria-label={`Receipt for ${r.referenceId}`}>
                <ReceiptText aria-hidden /> Receipt
              </Link>
            </Button>
            <Button asChild variant="ghost" size="sm">
              <a href={receiptPdfUrl(link.id, r.id)} download aria-label={`Download PDF receipt for ${r.referenceId}`}>
                <Download aria-hidden /> PDF
              </a>
            </Button>
          </div>
        ),
    },
  ];
}
