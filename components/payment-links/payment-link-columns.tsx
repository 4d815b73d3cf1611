import "server-only";
import Link from "next/link";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import type { Market } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { LINK_STATUS_LABEL, LINK_STATUSES } from "@/lib/payment-links/link-status";
import { LINK_TYPE_LABEL, LINK_TYPES, PRICING, PRICING_LABEL, type LinkType, type Pricing } from "@/lib/payment-links/link-options";
import { paymentLinkHref } from "@/lib/payment-links/link-payments-contract";
import type { PaymentLinkRow } from "@/lib/payment-links/payment-links-contract";
import { LinkStatusBadge } from "./link-status-badge";
import { LinkRowActions } from "./payment-links-list-controls";

type Col = ListColumn<PaymentLinkRow>;

const header = (title: string) => sortHeader<PaymentLinkRow>(title);

/** "KES 500.00", "KES 100.00 – 1,000.00", "3 packages", "Customer chooses". */
function pricingSummary(link: PaymentLinkRow): string {
  const money = (minor: string) => formatMoney(minor, link.currency);
  switch (link.pricing) {
    case "FIXED":
      return link.amount ? money(link.amount) : "—";
    case "VARIABLE": {
      if (!link.minAmount || !link.maxAmount) return PRICING_LABEL.VARIABLE;
      // The currency once: "KES 100.00 – 1,000.00".
      const max = money(link.maxAmount).replace(/^[A-Z]{3}\s/, "");
      return `${money(link.minAmount)} – ${max}`;
    }
    case "PACKAGE": {
      const n = link.packages.length;
      return `${n} package${n === 1 ? "" : "s"}`;
    }
    case "CUSTOMER_CHOICE":
      return PRICING_LABEL.CUSTOMER_CHOICE;
    default:
      return link.pricing;
  }
}

/** "1 of 1", "3 of 10", "12 · unlimited". */
function usageSummary(link: PaymentLinkRow): string {
  const used = link.currentUses.toLocaleString("en-US");
  if (link.usage === "SINGLE_USE") return `${used} of 1`;
  if (link.usage === "MULTIPLE_USE") return `${used} of ${(link.maxUses ?? 1).toLocaleString("en-US")}`;
  return `${used} · unlimited`;
}

/**
 * The Payment Links table: the name (a link to the link's page, in the same market and
 * environment) with its checkout path, type (under "View"), pricing, usage, status, total
 * collected, creation time and the row's actions menu. Rendered on the server
 * (server-data-table.tsx); only the actions menu is a client island.
 */
export function paymentLinkColumns(context: { environment: string; market: Market }): Col[] {
  return [
    {
      id: "name",
      accessorKey: "name",
      enableHiding: false,
      meta: { label: "Name", className: "font-medium", card: "title" },
      header: header("Name"),
      cell: ({ row: { original: row } }) => (
        <div className="min-w-0 max-w-72">
          <Link href={paymentLinkHref(row.id, context)} className="block truncate underline-offset-2 hover:underline" title={row.name}>
            {row.name}
          </Link>
          <p className="truncate font-mono text-xs font-normal text-muted-foreground">{row.path}</p>
        </div>
      ),
    },
    {
      id: "linkType",
      accessorKey: "linkType",
      enableSorting: false,
      meta: {
        label: "Type",
        filter: { key: "linkType", title: "Type", options: LINK_TYPES.map((t) => ({ value: t, label: LINK_TYPE_LABEL[t] })) },
        defaultHidden: true,
      },
      header: "Type",
      cell: ({ row: { original: row } }) => LINK_TYPE_LABEL[row.linkType as LinkType] ?? row.linkType,
    },
    {
      id: "pricing",
      accessorKey: "pricing",
      enableSorting: false,
      meta: {
        label: "Pricing",
        className: "whitespace-nowrap tabular-nums",
        filter: { key: "pricing", title: "Pricing", options: PRICING.map((p) => ({ value: p, label: PRICING_LABEL[p] })) },
      },
      header: "Pricing",
      cell: ({ row: { original: row } }) => <span title={PRICING_LABEL[row.pricing as Pricing]}>{pricingSummary(row)}</span>,
    },
    {
      id: "currentUses",
      accessorKey: "currentUses",
      meta: { label: "Usage", className: "whitespace-nowrap tabular-nums", card: "field" },
      header: header("Usage"),
      cell: ({ row: { original: row } }) => usageSummary(row),
    },
    {
      id: "status",
      accessorKey: "status",
      enableHiding: false,
      meta: {
        label: "Status",
        filter: { key: "status", title: "Status", options: LINK_STATUSES.map((s) => ({ value: s, label: LINK_STATUS_LABEL[s] })) },
        card: "status",
      },
      header: header("Status"),
      cell: ({ row: { original: row } }) => <LinkStatusBadge status={row.status} />,
    },
    {
      id: "totalCollected",
      accessorKey: "totalCollected",
      enableSorting: false,
      meta: { label: "Total collected", align: "right", className: "whitespace-nowrap", card: "amount" },
      header: "Total collected",
      cell: ({ row: { original: row } }) => formatMoney(row.totalCollected, row.currency),
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      meta: { label: "Created", className: "whitespace-nowrap", card: "time" },
      header: header("Created"),
      cell: ({ row: { original: row } }) => <Timestamp value={row.createdAt} compact />,
    },
    {
      id: "actions",
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Actions", align: "right", card: "actions" },
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row: { original: row } }) => <LinkRowActions link={row} />,
    },
  ];
}
