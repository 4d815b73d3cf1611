"use client";

import { useMemo } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { ArrowLeft, ArrowDownToLine, ArrowUpFromLine, History, ReceiptText } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StatCard } from "@/components/ui/stat-card";
import { StatusPill } from "@/components/ui/status-pill";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableToolbar } from "@/components/data-table/data-table-toolbar";
import { useDataTable, useListState } from "@/components/data-table/use-data-table";
import "@/components/data-table/types";
import { NewCollectionDialog } from "@/components/engine/new-collection-dialog";
import { SendMoneyDialog } from "@/components/engine/send-money-dialog";
import { EditCustomerDialog, ReactivateCustomerButton, SuspendCustomerDialog } from "@/components/customers/customer-form-dialog";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import {
  CUSTOMER_TX_FILTER_KEYS,
  CUSTOMER_TX_KIND_LABEL,
  CUSTOMER_TX_PAGE_SIZES,
  CUSTOMER_TX_STATUSES,
  customerQueryKeys,
  customerTransactionHref,
  customerTransactionsSearchParams,
  customerTransactionsUrl,
  type CustomerTxKind,
  type CustomerTxPage,
  type CustomerTxRow,
} from "@/lib/customers/customer-transactions-contract";
import { formatNationalPhone } from "@/lib/customers/format";
import type { CustomerDetail } from "@/lib/customers/get-customer";
import { findBank } from "@/lib/engine/banks";
import { COUNTRIES } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { humanize } from "@/lib/transactions/format";
import { statusGroup } from "@/lib/transactions/kinds";

/** GET /api/customers/{id}: the profile and the market's figures (the page prefetched it). */
export function customerUrl(id: string): string {
  return `/api/customers/${encodeURIComponent(id)}`;
}

const ID_TYPE_LABEL: Record<string, string> = { NATIONAL_ID: "National ID", ECOWAS_ID: "ECOWAS ID" };

/** "1990-03-12" → "12 Mar 1990" (a calendar date: no time zone). */
function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(d);
}

/** The heading: the customer's name, else their phone in the national format, else the key. */
export function customerHeading(c: Pick<CustomerDetail, "name" | "phoneNumber" | "countryCode" | "customerKey">): string {
  return c.name ?? (c.phoneNumber ? formatNationalPhone(c.phoneNumber, c.countryCode) : c.customerKey);
}

function Missing() {
  return <span className="text-muted-foreground">—</span>;
}

function Field({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children ?? <Missing />}</dd>
    </div>
  );
}

function ProfileCard({ customer }: { customer: CustomerDetail }) {
  const country = COUNTRIES[customer.countryCode]?.name ?? customer.countryCode;
  const bank = customer.bankCode ? findBank(customer.countryCode, customer.bankCode) : undefined;
  const hasPayee = !!(customer.accountNumber || customer.accountName || customer.bankCode);
  return (
    <Card role="region" aria-labelledby="customer-profile-heading">
      <CardHeader className="grid gap-1.5">
        <h2 id="customer-profile-heading" className="text-base leading-none font-semibold">
          Profile
        </h2>
        <CardDescription>What is on record for this customer.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field term="Customer key">
            <span className="flex items-center gap-1">
              <span className="font-mono text-xs">{customer.customerKey}</span>
              <CopyButton value={customer.customerKey} label="customer key" />
            </span>
          </Field>
          <Field term="Phone">
            {customer.phoneNumber ? (
              <span className="tabular-nums" title={customer.phoneNumber}>
                {formatNationalPhone(customer.phoneNumber, customer.countryCode)}
              </span>
            ) : null}
          </Field>
          <Field term="Network">{customer.network === "NOT_SUPPORTED" ? "Not detected" : customer.network}</Field>
          <Field term="Country">{country}</Field>
          <Field term="Email">{customer.email}</Field>
          <Field term="ID">
            {customer.idType || customer.idNumber ? (
              <span>
                {customer.idType ? (ID_TYPE_LABEL[customer.idType] ?? humanize(customer.idType)) : "ID"}
                {customer.idNumber ? <span className="font-mono"> {customer.idNumber}</span> : null}
              </span>
            ) : null}
          </Field>
          <Field term="Date of birth">{customer.dateOfBirth ? formatDay(customer.dateOfBirth) : null}</Field>
          <Field term="Status">
            <span className="flex flex-wrap items-center gap-2">
              <StatusPill status={customer.status} />
              {customer.status === "suspended" && (
                <span className="text-xs text-muted-foreground">
                  {customer.suspendedUntil ? (
                    <>
                      Suspended until <Timestamp value={customer.suspendedUntil} />
                    </>
                  ) : (
                    "Suspended until reactivated"
                  )}
                </span>
              )}
            </span>
          </Field>
          <Field term="Verified name">
            {customer.verifiedName || customer.nameLookupStatus ? (
              <span className="grid gap-1">
                {customer.verifiedName && <span>{customer.verifiedName}</span>}
                <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  {customer.nameLookupStatus && <StatusPill status={customer.nameLookupStatus} />}
                  {customer.verifiedAt && <Timestamp value={customer.verifiedAt} />}
                </span>
              </span>
            ) : (
              <span className="text-muted-foreground">Not verified</span>
            )}
          </Field>
          {hasPayee && (
            <Field term="Bank payee">
              <span className="grid gap-0.5">
                {customer.accountName && <span>{customer.accountName}</span>}
                <span className="text-xs text-muted-foreground">
                  {bank?.name ?? customer.bankCode ?? "Bank"}
                  {customer.accountNumber ? <span className="font-mono"> {customer.accountNumber}</span> : null}
                </span>
              </span>
            </Field>
          )}
          <Field term="Created">
            <Timestamp value={customer.createdAt} />
          </Field>
        </dl>
      </CardContent>
    </Card>
  );
}

function SummaryCards({ customer }: { customer: CustomerDetail }) {
  const s = customer.summary;
  return (
    <section aria-label="Summary" className="grid gap-4 sm:grid-cols-3">
      <StatCard
        role="group"
        aria-label="Transactions"
        title="Transactions"
        value={s.transactionCount.toLocaleString("en-US")}
        hint={
          s.lastActivityAt ? (
            <>
              Last activity <Timestamp value={s.lastActivityAt} />
            </>
          ) : (
            `No ${s.currency} transactions yet`
          )
        }
        icon={<ReceiptText />}
        accent="blue"
      />
      {s.totalCollected !== null && (
        <StatCard
          role="group"
          aria-label="Total collected"
          title="Total collected"
          value={formatMoney(s.totalCollected, s.currency)}
          hint="Successful collections"
          icon={<ArrowDownToLine />}
          accent="green"
        />
      )}
      {s.totalPaid !== null && (
        <StatCard
          role="group"
          aria-label="Total paid"
          title="Total paid"
          value={formatMoney(s.totalPaid, s.currency)}
          hint="Successful payouts"
          icon={<ArrowUpFromLine />}
          accent="orange"
        />
      )}
    </section>
  );
}

/** Edit, Suspend or Reactivate (customers.manage), and the money dialogs with the customer filled in. */
function CustomerActions({ customer }: { customer: CustomerDetail }) {
  const { market } = useScope();
  const canManage = useCan("customers.manage");
  const suspended = customer.status === "suspended";
  const inMarket = customer.countryCode === market.country;
  const payable = inMarket && !!customer.phoneNumber && !suspended;
  const defaultCustomer = customer.phoneNumber
    ? {
        id: customer.id,
        name: customer.name,
        phoneNumber: customer.phoneNumber,
        network: customer.network,
        customerKey: customer.customerKey,
      }
    : undefined;
  const why = !inMarket
    ? `Switch to ${COUNTRIES[customer.countryCode]?.name ?? customer.countryCode} to request a payment from or send money to this customer.`
    : !customer.phoneNumber
      ? "This customer has no phone number: add one to request a payment or send money."
      : suspended
        ? "A suspended customer can't be asked to pay or be paid."
        : null;
  return (
    <div className="grid justify-items-end gap-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {canManage && <EditCustomerDialog customer={customer} />}
        {canManage &&
          (suspended ? <ReactivateCustomerButton customer={customer} /> : <SuspendCustomerDialog customer={customer} />)}
        {payable && defaultCustomer && (
          <>
            <NewCollectionDialog
              label="Request payment"
              icon={<ArrowDownToLine aria-hidden />}
              variant="outline"
              defaultCustomer={defaultCustomer}
            />
            <SendMoneyDialog label="Send money" defaultCustomer={defaultCustomer} />
          </>
        )}
      </div>
      {why && <p className="max-w-sm text-right text-xs text-muted-foreground">{why}</p>}
    </div>
  );
}

/**
 * The customer detail page: the back link, the customer's name as the heading with the actions,
 * the profile, the figures in the selected market and their collections and payouts. The server
 * page prefetched the profile and the first page of the list under the same keys.
 */
export function CustomerDetailView({ customerId }: { customerId: string }) {
  const scopeKey = useScopeKey();
  const query = useQuery({
    queryKey: customerQueryKeys.detail(scopeKey, customerId),
    queryFn: ({ signal }) => fetchJson<CustomerDetail>(customerUrl(customerId), signal),
    retry: retryUnlessClientError,
  });
  const customer = query.data;

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href="/customers">
          <ArrowLeft aria-hidden /> Back to Customers
        </Link>
      </Button>
      {customer ? (
        <>
          <PageHeader
            title={customerHeading(customer)}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <span>Customer</span>
                <span className="font-mono text-xs">{customer.customerKey}</span>
                <StatusPill status={customer.status} />
              </span>
            }
            actions={<CustomerActions customer={customer} />}
          />
          <div className="space-y-6">
            <ProfileCard customer={customer} />
            <SummaryCards customer={customer} />
            <CustomerTransactions customerId={customer.id} />
          </div>
        </>
      ) : query.error ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>This customer could not be shown</AlertTitle>
          <AlertDescription>{query.error.message}</AlertDescription>
        </Alert>
      ) : (
        <div className="space-y-4" aria-busy>
          <Skeleton className="h-8 w-64" />
          <Skeleton className="h-48 w-full" />
        </div>
      )}
    </>
  );
}

function transactionColumns(kinds: readonly CustomerTxKind[]): ColumnDef<CustomerTxRow>[] {
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

/**
 * The customer's collections and payouts on the list system (the kinds the member may read),
 * newest first; status and kind filters and keyset paging in the URL. A row opens the
 * transaction in its own list (`/collections?tx=…`), in the same market and environment.
 */
export function CustomerTransactions({ customerId }: { customerId: string }) {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const router = useRouter();
  const canCollections = useCan("collections.read");
  const canPayouts = useCan("payouts.read");
  const urlState = useListState(customerTransactionsSearchParams);
  const query = useQuery({
    queryKey: customerQueryKeys.transactions(scopeKey, customerId, urlState),
    queryFn: ({ signal }) => fetchJson<CustomerTxPage>(customerTransactionsUrl(customerId, urlState), signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
    enabled: canCollections || canPayouts,
  });
  const data = query.data;
  const kinds = useMemo<CustomerTxKind[]>(
    () => [...(canCollections ? (["collection"] as const) : []), ...(canPayouts ? (["payout"] as const) : [])],
    [canCollections, canPayouts],
  );
  const cols = useMemo(() => transactionColumns(kinds), [kinds]);
  const list = useDataTable({
    parsers: customerTransactionsSearchParams,
    columns: cols,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: CUSTOMER_TX_FILTER_KEYS,
    resolvedPage: data && !query.isPlaceholderData ? data.page : undefined,
  });
  const title = kinds.length === 2 ? "Collections and payouts" : kinds[0] === "payout" ? "Payouts" : "Collections";
  const pageCount = data ? Math.max(1, Math.ceil(data.total / list.pageSize)) : undefined;

  return (
    <Card role="region" aria-labelledby="customer-transactions-heading">
      <CardHeader className="grid gap-1.5">
        <h2 id="customer-transactions-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
          <History className="size-4" aria-hidden /> {title}
        </h2>
        <CardDescription>
          {`This customer's ${title.toLowerCase()} in ${scope.market.currency}, newest first. Click a row to open it.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {kinds.length === 0 ? (
          <EmptyState title="No access to transactions" description="Your role can't see collections or payouts." />
        ) : (
          <>
            <DataTableToolbar list={list} />
            <DataTable
              table={list.table}
              aria-label="Customer transactions"
              isLoading={query.isPending}
              isFetching={query.isFetching}
              skeletonRows={5}
              onRowClick={(row) => router.push(customerTransactionHref(row.original, scope))}
              rowLabel={(row) => `Open ${CUSTOMER_TX_KIND_LABEL[row.original.kind].toLowerCase()} ${row.original.referenceId}`}
              error={
                query.error ? (
                  <Alert variant="destructive" role="alert">
                    <AlertDescription>{query.error.message}</AlertDescription>
                  </Alert>
                ) : null
              }
              empty={
                <EmptyState
                  title="No transactions yet"
                  description={
                    list.isFiltered
                      ? "Nothing matches these filters for this customer."
                      : `Payments requested from and money sent to this customer in ${scope.market.currency} will appear here.`
                  }
                />
              }
            />
            <DataTablePagination
              rowsDisplayed={query.error ? 0 : (data?.rows.length ?? 0)}
              selected={0}
              page={list.page}
              pageCount={pageCount}
              pageSize={list.pageSize}
              pageSizes={CUSTOMER_TX_PAGE_SIZES}
              hasPrev={!!data?.hasPrev}
              hasNext={!!data?.hasNext}
              disabled={query.isFetching}
              onPrev={() => data && list.prevPage(data)}
              onNext={() => data && list.nextPage(data)}
              onPageSize={list.setPageSize}
            />
          </>
        )}
      </CardContent>
    </Card>
  );
}
