import "server-only";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import { selectColumn, sortHeader, type ListColumn } from "@/components/data-table/server-data-table";
import { formatMoney } from "@/lib/money";
import { formatCrypto, humanize, shortHash } from "@/lib/transactions/format";
import { FILTER_LABEL, filterOptions, KIND_CONFIG, KIND_LABEL, statusGroup, type FilterKey, type ListSlug } from "@/lib/transactions/kinds";
import type { TxRow } from "@/lib/transactions/list-contract";

type Col = ListColumn<TxRow>;

const header = (title: string) => sortHeader<TxRow>(title);

const optionLabel = (key: FilterKey, v: string) => (key === "method" ? humanize(v) : v);

/**
 * The documented columns (Reference ID · Reference Number · Type · Phone number · Currency ·
 * Transaction Amount · Amount · Fee · Status · Created At · Completed At · Updated At), plus the
 * fiat/crypto columns of onramp and offramp. `meta.filter` makes the toolbar show a filter (hidden
 * columns' filters too). What shows by default fits 1280 px; the rest are `defaultHidden` (under
 * "View"); the reference and the status cannot be hidden. On a phone a row is a card of the
 * reference, amount, status and creation time (`meta.card`). Rendered on the server
 * (server-data-table.tsx): the cells ship as HTML, not as code.
 */
export function transactionColumns(slug: ListSlug, networks: readonly string[]): Col[] {
  const config = KIND_CONFIG[slug];
  const filter = (key: FilterKey) =>
    config.filters.includes(key)
      ? { key, title: FILTER_LABEL[key], options: filterOptions(key, slug, networks).map((v) => ({ value: v, label: optionLabel(key, v) })) }
      : undefined;

  const select = selectColumn<TxRow>((r) => `Select ${r.referenceId}`);

  const money = (id: "amount" | "transactionAmount" | "fee", title: string, shown = false): Col => ({
    id,
    accessorKey: id,
    meta: { label: title, align: "right", defaultHidden: !shown, card: id === "amount" ? "amount" : undefined },
    header: header(title),
    cell: ({ row }) => formatMoney(row.original[id], row.original.currency),
  });

  const time = (id: "createdAt" | "completedAt" | "updatedAt", title: string): Col => ({
    id,
    accessorKey: id,
    meta: id === "createdAt" ? { label: title, card: "time" } : { label: title, defaultHidden: true },
    header: header(title),
    cell: ({ row }) => <Timestamp value={row.original[id]} compact />,
  });

  const reference: Col[] = [
    {
      id: "referenceId",
      accessorKey: "referenceId",
      enableHiding: false,
      meta: { label: "Reference ID", className: "font-mono text-xs", truncate: true, card: "title" },
      header: header("Reference ID"),
      cell: ({ row }) => row.original.referenceId,
    },
    {
      id: "referenceNumber",
      accessorKey: "referenceNumber",
      meta: { label: "Reference Number", className: "tabular-nums", truncate: true, defaultHidden: true },
      header: header("Reference Number"),
    },
  ];

  const kind: Col[] =
    slug === "recent"
      ? [{ id: "kind", accessorKey: "kind", meta: { label: "Kind" }, header: header("Kind"), cell: ({ row }) => KIND_LABEL[row.original.kind] }]
      : [];

  const status: Col = {
    id: "status",
    accessorKey: "status",
    enableHiding: false,
    meta: { label: "Status", filter: filter("status"), card: "status" },
    header: header("Status"),
    cell: ({ row }) => {
      const r = row.original;
      const reason = statusGroup(r.status) === "failed" ? r.errorMessage : null;
      return (
        <div className="flex flex-col items-start gap-1 max-md:items-end">
          <StatusPill status={r.status} />
          {reason && (
            <span className="max-w-32 truncate text-xs text-destructive dark:text-red-300" title={reason} data-testid="failure-reason">
              {reason}
            </span>
          )}
        </div>
      );
    },
  };

  const phone: Col = {
    id: "phoneNumber",
    accessorKey: "phoneNumber",
    meta: { label: "Phone number", className: "tabular-nums", defaultHidden: slug === "recent" || config.crypto },
    header: header("Phone number"),
    cell: ({ row }) => row.original.phoneNumber ?? <span className="text-muted-foreground">—</span>,
  };
  // The amounts carry their currency code: the column is for a narrower export-like view.
  const currency: Col = {
    id: "currency",
    accessorKey: "currency",
    enableSorting: false,
    meta: { label: "Currency", defaultHidden: true },
    header: "Currency",
  };
  const times = [time("createdAt", "Created At"), time("completedAt", "Completed At"), time("updatedAt", "Updated At")];

  if (!config.crypto) {
    return [
      select,
      ...reference,
      ...kind,
      {
        id: "channel",
        accessorKey: "channel",
        meta: { label: "Type", filter: filter("method"), defaultHidden: true },
        header: header("Type"),
        cell: ({ row }) => humanize(row.original.channel),
      },
      phone,
      ...(slug === "recent"
        ? []
        : [
            {
              id: "network",
              accessorKey: "network",
              meta: { label: "Network", filter: filter("network"), defaultHidden: true },
              header: header("Network"),
              cell: ({ row }) => row.original.network ?? <span className="text-muted-foreground">—</span>,
            } satisfies Col,
          ]),
      currency,
      money("transactionAmount", "Transaction Amount"),
      money("amount", "Amount", true),
      money("fee", "Fee", slug !== "recent"),
      status,
      ...times,
    ];
  }

  const mono = (id: "cryptoAddress" | "txHash", title: string): Col => ({
    id,
    accessorKey: id,
    enableSorting: false,
    meta: { label: title, className: "font-mono text-xs", defaultHidden: true },
    header: title,
    cell: ({ row }) => <span title={row.original[id] ?? undefined}>{shortHash(row.original[id])}</span>,
  });

  return [
    select,
    ...reference,
    phone,
    currency,
    money("amount", "Fiat Amount", true),
    money("fee", "Fee"),
    {
      id: "cryptoAmount",
      accessorKey: "cryptoAmount",
      meta: { label: "Crypto Amount", align: "right" },
      header: header("Crypto Amount"),
      cell: ({ row }) => formatCrypto(row.original.cryptoAmount, row.original.token),
    },
    // The crypto amount names its token.
    { id: "token", accessorKey: "token", meta: { label: "Token", filter: filter("token"), defaultHidden: true }, header: header("Token") },
    {
      id: "chain",
      accessorKey: "chain",
      meta: { label: "Chain", filter: filter("chain"), defaultHidden: true },
      header: header("Chain"),
    },
    mono("cryptoAddress", slug === "onramp" ? "Receiver Address" : "Sender Address"),
    mono("txHash", "Tx Hash"),
    status,
    ...(slug === "offramp"
      ? [
          {
            id: "refundStatus",
            accessorKey: "refundStatus",
            enableSorting: false,
            meta: { label: "Refund", filter: filter("refund") },
            header: "Refund",
            cell: ({ row }) => (row.original.refundStatus ? <StatusPill status={row.original.refundStatus} /> : <span className="text-muted-foreground">—</span>),
          } satisfies Col,
        ]
      : []),
    {
      id: "onchainStatus",
      accessorKey: "onchainStatus",
      enableSorting: false,
      meta: { label: slug === "onramp" ? "Deposit / Onchain" : "Onchain", defaultHidden: true },
      header: slug === "onramp" ? "Deposit / Onchain" : "Onchain",
      cell: ({ row }) => (
        <span className="text-xs text-muted-foreground">
          {slug === "onramp" ? `${row.original.depositStatus ?? "—"} / ${row.original.onchainStatus ?? "—"}` : (row.original.onchainStatus ?? "—")}
        </span>
      ),
    },
    ...times,
  ];
}
