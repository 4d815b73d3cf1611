"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { UserRound } from "lucide-react";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusPill } from "@/components/ui/status-pill";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableError } from "@/components/data-table/data-table-error";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { DataTableOffsetPagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import { AddCustomerDialog } from "@/components/customers/customer-form-dialog";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import {
  CUSTOMER_DEFAULT_SORT,
  CUSTOMER_FILTER_KEYS,
  CUSTOMER_PAGE_SIZES,
  customersExportUrl,
  customersListQuery,
  customersQueryKeys,
  customersSearchParams,
  type CustomerRow,
  type CustomersListResponse,
} from "@/lib/customers/customers-contract";
import { formatNationalPhone } from "@/lib/customers/format";
import { COUNTRIES, marketKey } from "@/lib/markets";
import { formatMoney } from "@/lib/money";

const STATUS_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "inactive", label: "Inactive" },
  { value: "suspended", label: "Suspended" },
];

const NOT_SUPPORTED = "NOT_SUPPORTED";
const networkLabel = (n: string) => (n === NOT_SUPPORTED ? "Not supported" : n);

/**
 * Customers: the mobile money customer profiles of the selected environment and market, on the
 * list system (search, country, network and status filters, sort, paging and hidden columns in the
 * URL; the server page prefetched the first page). A row opens the customer's page in the same
 * market and environment.
 */
export function CustomersView() {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const canManage = useCan("customers.manage");
  const router = useRouter();

  const urlState = useListState(customersSearchParams);
  const qs = customersListQuery(urlState);
  const customers = useQuery({
    queryKey: customersQueryKeys.list(scopeKey, urlState),
    queryFn: ({ signal }) => fetchJson<CustomersListResponse>(`/api/customers${qs ? `?${qs}` : ""}`, signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = customers.data;
  const currency = data?.currency ?? scope.market.currency;

  // The countries the filter offers (the organisation's markets) and the networks of those shown.
  const countries = useMemo(() => [...new Set(scope.markets.map((m) => m.country))], [scope.markets]);
  const countryFilter = urlState.country;
  const networks = useMemo(() => {
    const shown = countryFilter.length ? countryFilter : [scope.market.country];
    return [...new Set([...shown.flatMap((k) => COUNTRIES[k]?.networks ?? []), NOT_SUPPORTED])];
  }, [countryFilter, scope.market.country]);

  const columns = useMemo<ColumnDef<CustomerRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        enableHiding: false,
        meta: { label: "Customer", className: "font-medium", truncate: true, card: "title" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Customer" />,
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
        header: ({ column }) => <DataTableColumnHeader column={column} title="Phone number" />,
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
        header: ({ column }) => <DataTableColumnHeader column={column} title="Network" />,
        cell: ({ row: { original: row } }) => networkLabel(row.network),
      },
      {
        id: "customerKey",
        accessorKey: "customerKey",
        meta: { label: "Customer key", className: "font-mono text-xs", truncate: true, defaultHidden: true },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Customer key" />,
      },
      {
        id: "status",
        accessorKey: "status",
        enableHiding: false,
        meta: { label: "Status", filter: { key: "status", title: "Status", options: STATUS_OPTIONS }, card: "status" },
        header: ({ column }) => <DataTableColumnHeader column={column} title="Status" />,
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
        header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
        cell: ({ row: { original: row } }) => <Timestamp value={row.createdAt} compact />,
      },
    ],
    [countries, networks, currency],
  );

  const list = useDataTable({
    parsers: customersSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: CUSTOMER_FILTER_KEYS,
    defaultSort: CUSTOMER_DEFAULT_SORT,
    resolvedPage: data && !customers.isPlaceholderData ? data.page : undefined,
  });

  // The customer's page, in this market and environment (lib/context-url.ts).
  const context = new URLSearchParams({ [MARKET_PARAM]: marketKey(scope.market), [ENV_PARAM]: scope.environment });
  const open = (row: CustomerRow) => router.push(`/customers/${encodeURIComponent(row.id)}?${context}`);

  return (
    <>
      <PageHeader
        title="Customers"
        description="Mobile money customer profiles"
        actions={canManage && <AddCustomerDialog />}
      />

      <Card>
        <CardContent className="space-y-4">
          <DataTableToolbar
            list={list}
            search={{ placeholder: "Search by phone, name, email or key…", label: "Search customers" }}
            exportHref={customersExportUrl(list.state)}
            actions={
              data && (
                <p className="text-sm text-muted-foreground" aria-live="polite">
                  {data.total.toLocaleString("en-US")} customer{data.total === 1 ? "" : "s"}
                </p>
              )
            }
          />
          <DataTable
            table={list.table}
            aria-label="Customers"
            isLoading={customers.isPending}
            isFetching={customers.isFetching}
            onRowClick={(row) => open(row.original)}
            rowLabel={(row) => `Open customer ${row.original.name ?? row.original.customerKey}`}
            rowProps={(row) => ({ "data-testid": "customer-row", "data-customer-key": row.original.customerKey })}
            error={
              customers.error ? <DataTableError error={customers.error} what="customers" onReset={list.resetView} /> : null
            }
            empty={
              <EmptyState
                icon={<UserRound />}
                title="No customers found"
                description={
                  list.isFiltered ? "No customers match your search or filters." : "Customers you add, or who pay or get paid, appear here."
                }
              />
            }
          />
          <DataTableOffsetPagination
            list={list}
            rowsDisplayed={customers.error ? 0 : (data?.rows.length ?? 0)}
            total={data?.total}
            pageSizes={CUSTOMER_PAGE_SIZES}
            disabled={customers.isFetching}
          />
        </CardContent>
      </Card>
    </>
  );
}
