import "server-only";
import Link from "next/link";
import type { SearchParams } from "nuqs/server";
import { ArrowLeft, ArrowDownToLine, ArrowUpFromLine, History, ReceiptText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { StatusPill } from "@/components/ui/status-pill";
import { PageHeader } from "@/components/shell/page-header";
import { Timestamp } from "@/components/shell/timezone";
import { ListProvider } from "@/components/data-table/list-context";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { ListError } from "@/components/data-table/list-error";
import { NewCollectionDialog } from "@/components/engine/new-collection-dialog";
import { SendMoneyDialog } from "@/components/engine/send-money-dialog";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { CUSTOMER_TX_FILTER_KEYS, CUSTOMER_TX_KIND_LABEL, customerTransactionHref, customerTransactionsListQuery, type CustomerTxKind, type CustomerTxRow } from "@/lib/customers/customer-transactions-contract";
import { customerTransactionsSchema, loadCustomerTransactionsSearchParams } from "@/lib/customers/customer-transactions-contract-schema";
import { formatNationalPhone } from "@/lib/customers/format";
import type { CustomerDetail } from "@/lib/customers/get-customer";
import { listCustomerTransactions } from "@/lib/customers/list-customer-transactions";
import { findBank } from "@/lib/engine/banks";
import { COUNTRIES } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { humanize } from "@/lib/transactions/format";
import { EditCustomerDialog, ReactivateCustomerButton, SuspendCustomerDialog } from "./customer-form-dialog";
import { customerTransactionColumns } from "./customer-transaction-columns";
import { CustomerTransactionsPagination, CustomerTransactionsToolbar } from "./customer-transactions-list-controls";

/*
 * The customer detail page, rendered on the server: the profile, the figures and the customer's
 * transactions arrive as HTML. The browser runs the header's dialogs (customer-form-dialog.tsx,
 * the engine's money dialogs), the copy button and the list's controls
 * (customer-transactions-list-controls.tsx); after a change they refresh the page from the server.
 */

const ID_TYPE_LABEL: Record<string, string> = { NATIONAL_ID: "National ID", ECOWAS_ID: "ECOWAS ID" };

/** "1990-03-12" → "12 Mar 1990" (a calendar date: no time zone). */
function formatDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(d);
}

/** The heading: the customer's name, else their phone in the national format, else the key. */
function customerHeading(c: Pick<CustomerDetail, "name" | "phoneNumber" | "countryCode" | "customerKey">): string {
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
function CustomerActions({ customer, scope }: { customer: CustomerDetail; scope: Scope }) {
  const canManage = scope.permissions.has("customers.manage");
  const suspended = customer.status === "suspended";
  const inMarket = customer.countryCode === scope.market.country;
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
 * the profile, the figures in the selected market and their collections and payouts.
 */
export function CustomerDetailView({
  scope,
  customer,
  searchParams,
}: {
  scope: Scope;
  customer: CustomerDetail;
  searchParams: Promise<SearchParams>;
}) {
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href="/customers">
          <ArrowLeft aria-hidden /> Back to Customers
        </Link>
      </Button>
      <PageHeader
        title={customerHeading(customer)}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>Customer</span>
            <span className="font-mono text-xs">{customer.customerKey}</span>
            <StatusPill status={customer.status} />
          </span>
        }
        actions={<CustomerActions customer={customer} scope={scope} />}
      />
      <div className="space-y-6">
        <ProfileCard customer={customer} />
        <SummaryCards customer={customer} />
        <CustomerTransactions scope={scope} customerId={customer.id} searchParams={searchParams} />
      </div>
    </>
  );
}

/**
 * The customer's collections and payouts (the kinds the member may read), newest first, read as
 * GET /api/customers/{id}/transactions reads them: status and kind filters and keyset paging in
 * the URL. A row opens the transaction in its own list (`/collections?tx=…`), in the same market
 * and environment.
 */
async function CustomerTransactions({
  scope,
  customerId,
  searchParams,
}: {
  scope: Scope;
  customerId: string;
  searchParams: Promise<SearchParams>;
}) {
  const kinds: CustomerTxKind[] = [
    ...(scope.permissions.has("collections.read") ? (["collection"] as const) : []),
    ...(scope.permissions.has("payouts.read") ? (["payout"] as const) : []),
  ];
  const title = kinds.length === 2 ? "Collections and payouts" : kinds[0] === "payout" ? "Payouts" : "Collections";
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
          <CustomerTransactionsList scope={scope} customerId={customerId} kinds={kinds} searchParams={searchParams} />
        )}
      </CardContent>
    </Card>
  );
}

async function CustomerTransactionsList({
  scope,
  customerId,
  kinds,
  searchParams,
}: {
  scope: Scope;
  customerId: string;
  kinds: readonly CustomerTxKind[];
  searchParams: Promise<SearchParams>;
}) {
  const [state, db] = await Promise.all([loadCustomerTransactionsSearchParams(searchParams), getDb()]);
  const list = await readForPage(customerTransactionsSchema, customerTransactionsListQuery(state), (input) =>
    listCustomerTransactions(db, scope, customerId, input),
  );
  const page = list.data;
  const rows: CustomerTxRow[] = page?.rows ?? [];
  const columns = customerTransactionColumns(kinds);
  const controls = columnControls(columns);
  const filtered = CUSTOMER_TX_FILTER_KEYS.some((k) => (state[k]?.length ?? 0) > 0);
  return (
    <ListProvider rowIds={rows.map((r) => r.id)}>
      <CustomerTransactionsToolbar filters={controls.filters} columns={controls.choices} />
      <ServerDataTable
        columns={columns}
        rows={rows}
        getRowId={(r) => r.id}
        hide={state.hide}
        show={state.show}
        aria-label="Customer transactions"
        rowOpen={(r) => ({ href: customerTransactionHref(r, scope) })}
        rowLabel={(r) => `Open ${CUSTOMER_TX_KIND_LABEL[r.kind].toLowerCase()} ${r.referenceId}`}
        error={list.error ? <ListError message={list.error} what="transactions" /> : null}
        empty={
          <EmptyState
            title="No transactions yet"
            description={
              filtered
                ? "Nothing matches these filters for this customer."
                : `Payments requested from and money sent to this customer in ${scope.market.currency} will appear here.`
            }
          />
        }
      />
      <CustomerTransactionsPagination
        rowsDisplayed={rows.length}
        total={page?.total}
        resolvedPage={page?.page}
        hasPrev={!!page?.hasPrev}
        hasNext={!!page?.hasNext}
        prevCursor={page?.prevCursor ?? null}
        nextCursor={page?.nextCursor ?? null}
      />
    </ListProvider>
  );
}
