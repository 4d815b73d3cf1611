import "server-only";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import { sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import type { CustomerRow } from "@/lib/customers/customers-contract";
import { formatNationalPhone } from "@/lib/customers/format";
import { COUNTRIES } from "@/lib/markets";
import { formatMoney } from "@/lib/money";

type Col = ListColumn<CustomerRow>;

const header = (title: string) => sortHeader<CustomerRow>(title);

const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
  { value: "suspended", label: "Suspended" },
];

/** The network of numbers no network claims. */
const NOT_SUPPORTED = "NOT_SUPPORTED";
const networkLabel = (n: string) => (n === NOT_SUPPORTED ? "Not supported" : n);

/**
 * The Customers table's columns, rendered on the server (server-data-table.tsx). `countries`: the
 * country filter's options (the organisation's markets; no filter for one); `shown`: the countries
 * listed (the network filter offers their networks); `currency`: what the totals are in.
 */
export function customerListColumns({
  countries,
  shown,
  currency,
}: {
  countries: readonly string[];
  shown: readonly string[];
  currency: string;
}): Col[] {
  const networks = [...new Set([...shown.flatMap((k) => COUNTRIES[k]?.networks ?? []), NOT_SUPPORTED])];
  return [
    {
      id: "name",
      accessorKey: "name",
      enableHiding: false,
      meta: { label: "Customer", className: "font-medium", truncate: true, card: "title" },
      header: header("Customer"),
      cell: ({ row: { original: row } }) => (
        <div className="min-w-0">
          <p>{row.name ?? <span className="text-muted-foreground">No name</span>}</p>
          {row.email && <p className="truncate text-xs font-normal text-muted-foreground">{row.email}</p>}
        </div>
      ),
    },
    {
      id: "phoneNumber",
      accessorKey: "phoneNumber",
      meta: { label: "Phone number", className: "tabular-nums whitespace-nowrap", card: "field" },
      header: header("Phone number"),
      cell: ({ row: { original: row } }) =>
        row.phoneNumber ? (
          <span title={row.phoneNumber}>{formatNationalPhone(row.phoneNumber, row.country)}</span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: "country",
      accessorKey: "country",
      enableSorting: false,
      meta: {
        label: "Country",
        defaultHidden: true,
        filter:
          countries.length > 1
            ? {
                key: "country",
                title: "Country",
                options: countries.map((k) => ({ value: k, label: COUNTRIES[k]?.name ?? k })),
              }
            : undefined,
      },
      header: "Country",
      cell: ({ row: { original: row } }) => COUNTRIES[row.country]?.name ?? row.country,
    },
    {
      id: "network",
      accessorKey: "network",
      meta: {
        label: "Network",
        filter: { key: "network", title: "Network", options: networks.map((n) => ({ value: n, label: networkLabel(n) })) },
      },
      header: header("Network"),
      cell: ({ row: { original: row } }) => networkLabel(row.network),
    },
    {
      id: "customerKey",
      accessorKey: "customerKey",
      meta: { label: "Customer key", className: "font-mono text-xs", truncate: true, defaultHidden: true },
      header: header("Customer key"),
    },
    {
      id: "status",
      accessorKey: "status",
      enableHiding: false,
      meta: { label: "Status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS }, card: "status" },
      header: header("Status"),
      cell: ({ row: { original: row } }) => (
        <>
          <StatusPill status={row.status.toUpperCase()} />
          {row.suspendedUntil && (
            <p className="mt-1 text-xs text-muted-foreground">
              Until <Timestamp value={row.suspendedUntil} />
            </p>
          )}
        </>
      ),
    },
    {
      id: "transactionCount",
      accessorKey: "transactionCount",
      enableSorting: false,
      meta: { label: "Transactions", align: "right", defaultHidden: true },
      header: "Transactions",
      cell: ({ row: { original: row } }) => row.transactionCount.toLocaleString("en-US"),
    },
    {
      id: "totalCollected",
      accessorKey: "totalCollected",
      enableSorting: false,
      meta: { label: "Total collected", align: "right", className: "whitespace-nowrap", card: "amount" },
      header: "Total collected",
      cell: ({ row: { original: row } }) => formatMoney(row.totalCollected, currency),
    },
    {
      id: "totalPaid",
      accessorKey: "totalPaid",
      enableSorting: false,
      meta: { label: "Total paid", align: "right", className: "whitespace-nowrap", defaultHidden: true },
      header: "Total paid",
      cell: ({ row: { original: row } }) => formatMoney(row.totalPaid, currency),
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      meta: { label: "Created", className: "whitespace-nowrap", card: "time" },
      header: header("Created"),
      cell: ({ row: { original: row } }) => <Timestamp value={row.createdAt} compact />,
    },
  ];
}
