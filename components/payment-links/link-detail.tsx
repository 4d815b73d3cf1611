"use client";

import { useMemo } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { ArrowLeft, BadgeCheck, Banknote, Download, Eye, History, MousePointerClick, Percent, ReceiptText } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { StatCard } from "@/components/ui/stat-card";
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
import "@/components/data-table/types";
import { LinkStatusBadge } from "@/components/payment-links/link-status-badge";
import { PaymentLinkFormDialog } from "@/components/payment-links/payment-link-form-dialog";
import { LinkActiveButton } from "@/components/payment-links/link-active-button";
import { LinkShare } from "@/components/payment-links/link-share";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { formatNationalPhone } from "@/lib/customers/format";
import { formatMoney } from "@/lib/money";
import type { PaymentLinkDto } from "@/lib/payment-links/link-dto";
import { LINK_STATUS_LABEL, usageLimit } from "@/lib/payment-links/link-status";
import {
  LINK_ANALYTICS_DAYS,
  LINK_PAYMENT_DEFAULT_SORT,
  LINK_PAYMENT_FILTER_KEYS,
  LINK_PAYMENT_OUTCOME_LABEL,
  LINK_PAYMENT_OUTCOMES,
  LINK_PAYMENT_PAGE_SIZES,
  linkAnalyticsUrl,
  linkDetailQueryKeys,
  linkPaymentsExportUrl,
  linkPaymentsSearchParams,
  linkPaymentsUrl,
  linkUrl,
  paymentLinksHref,
  receiptHref,
  receiptPdfUrl,
  type LinkAnalytics,
  type LinkPaymentRow,
  type LinkPaymentsResponse,
} from "@/lib/payment-links/link-payments-contract";
import {
  LINK_METHODS,
  LINK_TYPE_LABEL,
  LINK_USAGE_LABEL,
  PRICING_LABEL,
  type FieldMode,
  type LinkType,
  type LinkUsage,
  type Pricing,
} from "@/lib/payment-links/link-options";

/** Recharts loads on demand: not in the page's first-load JavaScript. */
const LinkAnalyticsChart = dynamic(() => import("./link-analytics-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-[260px] w-full" />,
});


const FIELD_MODE_LABEL: Record<FieldMode, string> = { REQUIRED: "Required", OPTIONAL: "Optional", HIDDEN: "Hidden" };
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const count = (n: number) => n.toLocaleString("en-US");

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

/** What the payer is asked to pay, as the pricing says. */
function pricingDetail(link: PaymentLinkDto): React.ReactNode {
  const money = (v: string | null) => (v === null ? null : formatMoney(v, link.currency));
  switch (link.pricing as Pricing) {
    case "FIXED":
      return money(link.amount);
    case "VARIABLE":
      return `${money(link.minAmount) ?? "Any"} – ${money(link.maxAmount) ?? "any"}`;
    case "PACKAGE":
      return link.packages.length ? (
        <ul className="grid gap-0.5">
          {link.packages.map((p, i) => (
            <li key={i}>
              {p.label}: <span className="tabular-nums">{formatMoney(p.amount, link.currency)}</span>
            </li>
          ))}
        </ul>
      ) : null;
    default:
      return link.minAmount || link.maxAmount
        ? `${money(link.minAmount) ?? "Any"} – ${money(link.maxAmount) ?? "any"}`
        : "Any amount the payer chooses";
  }
}

function usageDetail(link: PaymentLinkDto): string {
  const limit = usageLimit(link);
  const label = LINK_USAGE_LABEL[link.usage as LinkUsage] ?? link.usage;
  return limit === null
    ? `${label} · ${count(link.currentUses)} successful payment${link.currentUses === 1 ? "" : "s"}`
    : `${label} · ${count(link.currentUses)} of ${count(limit)} used`;
}

function DetailsCard({ link }: { link: PaymentLinkDto }) {
  const methods = link.paymentMethods.map((m) => LINK_METHODS.find((x) => x.value === m)?.label ?? m).join(", ");
  return (
    <Card role="region" aria-labelledby="link-details-heading">
      <CardHeader className="grid gap-1.5">
        <h2 id="link-details-heading" className="text-base leading-none font-semibold">
          Details
        </h2>
        <CardDescription>How the checkout behaves.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field term="Type">{LINK_TYPE_LABEL[link.linkType as LinkType] ?? link.linkType}</Field>
          <Field term="Pricing">
            <span className="grid gap-0.5">
              <span>{PRICING_LABEL[link.pricing as Pricing] ?? link.pricing}</span>
              <span className="text-muted-foreground tabular-nums">{pricingDetail(link)}</span>
            </span>
          </Field>
          <Field term="Usage">{usageDetail(link)}</Field>
          <Field term="Payment methods">{methods || null}</Field>
          <Field term="Customer fields">
            <span>
              Name {FIELD_MODE_LABEL[link.customerFields.name].toLowerCase()}, email{" "}
              {FIELD_MODE_LABEL[link.customerFields.email].toLowerCase()}, phone{" "}
              {FIELD_MODE_LABEL[link.customerFields.phone].toLowerCase()}
            </span>
          </Field>
          <Field term="Expires">{link.expiresAt ? <Timestamp value={link.expiresAt} /> : "Never"}</Field>
          <Field term="Callback URL">
            {link.callbackUrl ? <span className="font-mono text-xs break-all">{link.callbackUrl}</span> : null}
          </Field>
          <Field term="Created">
            <Timestamp value={link.createdAt} />
          </Field>
          {link.description && <Field term="Description">{link.description}</Field>}
        </dl>
      </CardContent>
    </Card>
  );
}

function ShareCard({ link }: { link: PaymentLinkDto }) {
  return (
    <Card role="region" aria-labelledby="link-share-heading">
      <CardHeader className="grid gap-1.5">
        <h2 id="link-share-heading" className="text-base leading-none font-semibold">
          Share
        </h2>
        <CardDescription>
          {link.status === "active"
            ? "Send the link or show the QR code: payers open the checkout."
            : `The checkout refuses payments while the link is ${LINK_STATUS_LABEL[link.status].toLowerCase()}.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <LinkShare path={link.path} name={link.name} />
      </CardContent>
    </Card>
  );
}

/** The link's figures since it was created, and its last 30 UTC days as a chart. */
function LinkAnalyticsSection({ linkId }: { linkId: string }) {
  const scopeKey = useScopeKey();
  const query = useQuery({
    queryKey: linkDetailQueryKeys.analytics(scopeKey, linkId, LINK_ANALYTICS_DAYS),
    queryFn: ({ signal }) => fetchJson<LinkAnalytics>(linkAnalyticsUrl(linkId), signal),
    retry: retryUnlessClientError,
  });
  const a = query.data;
  const lastDays = useMemo(() => {
    if (!a) return null;
    return a.daily.reduce(
      (s, d) => ({ views: s.views + d.views, attempts: s.attempts + d.attempts, successful: s.successful + d.successful, collected: s.collected + BigInt(d.collected) }),
      { views: 0, attempts: 0, successful: 0, collected: 0n },
    );
  }, [a]);

  if (query.error && !a) {
    return (
      <Alert variant="destructive" role="alert">
        <AlertTitle>The analytics could not be shown</AlertTitle>
        <AlertDescription>{query.error.message}</AlertDescription>
      </Alert>
    );
  }
  const value = (v: (x: LinkAnalytics) => React.ReactNode) => (a ? v(a) : <Skeleton className="h-7 w-20" />);
  const summary =
    a && lastDays
      ? `Last ${a.days} days: ${count(lastDays.views)} page views, ${count(lastDays.attempts)} payment attempts, ${count(lastDays.successful)} successful payments, ${formatMoney(lastDays.collected, a.totals.currency)} collected.`
      : "";

  return (
    <section aria-labelledby="link-analytics-heading" className="space-y-4">
      <h2 id="link-analytics-heading" className="sr-only">
        Analytics
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <StatCard role="group" aria-label="Page views" title="Page views" value={value((x) => count(x.totals.views))} hint="Checkout visits" icon={<Eye />} accent="blue" />
        <StatCard
          role="group"
          aria-label="Payment attempts"
          title="Payment attempts"
          value={value((x) => count(x.totals.attempts))}
          hint="Payments started"
          icon={<MousePointerClick />}
          accent="violet"
        />
        <StatCard
          role="group"
          aria-label="Successful payments"
          title="Successful payments"
          value={value((x) => count(x.totals.successful))}
          hint={a ? `${a.totals.attempts ? percent.format(a.totals.successful / a.totals.attempts) : "0%"} of attempts` : undefined}
          icon={<BadgeCheck />}
          accent="green"
        />
        <StatCard
          role="group"
          aria-label="Conversion rate"
          title="Conversion rate"
          value={value((x) => percent.format(x.totals.conversionRate))}
          hint="Successful payments per page view"
          icon={<Percent />}
          accent="orange"
        />
        <StatCard
          role="group"
          aria-label="Total collected"
          title="Total collected"
          value={value((x) => formatMoney(x.totals.totalCollected, x.totals.currency))}
          hint="Successful payments"
          icon={<Banknote />}
          accent="green"
        />
      </div>
      <Card role="region" aria-labelledby="link-daily-heading">
        <CardHeader className="grid gap-1.5">
          <h3 id="link-daily-heading" className="text-base leading-none font-semibold">
            Daily activity
          </h3>
          <CardDescription>Payment attempts and successful payments (left scale) and page views (right scale), last {LINK_ANALYTICS_DAYS} days (UTC days).</CardDescription>
        </CardHeader>
        <CardContent>
          <figure aria-label={`Daily page views and payments, last ${LINK_ANALYTICS_DAYS} days`} data-testid="link-daily-chart">
            {a ? <LinkAnalyticsChart daily={a.daily} currency={a.totals.currency} /> : <Skeleton className="h-[260px] w-full" />}
            {summary && <figcaption className="sr-only">{summary}</figcaption>}
          </figure>
        </CardContent>
      </Card>
    </section>
  );
}

/** "Receipt" (the printable page) and "Download PDF", for a successful payment. */
function ReceiptActions({ linkId, row }: { linkId: string; row: LinkPaymentRow }) {
  const scope = useScope();
  if (row.outcome !== "successful") return null;
  return (
    <div className="flex items-center justify-end gap-1">
      <Button asChild variant="outline" size="sm">
        <Link href={receiptHref(linkId, row.id, scope)} aria-label={`Receipt for ${row.referenceId}`}>
          <ReceiptText aria-hidden /> Receipt
        </Link>
      </Button>
      <Button asChild variant="ghost" size="sm">
        <a href={receiptPdfUrl(linkId, row.id)} download aria-label={`Download PDF receipt for ${row.referenceId}`}>
          <Download aria-hidden /> PDF
        </a>
      </Button>
    </div>
  );
}

function paymentColumns(linkId: string, country: string): ColumnDef<LinkPaymentRow>[] {
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
              {r.phoneNumber && <span title={r.phoneNumber}>{formatNationalPhone(r.phoneNumber, country)}</span>}
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
      header: ({ column }) => <DataTableColumnHeader column={column} title="Amount" />,
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
      header: ({ column }) => <DataTableColumnHeader column={column} title="Created" />,
      cell: ({ row: { original: r } }) => <Timestamp value={r.createdAt} compact />,
    },
    {
      id: "receipt",
      enableSorting: false,
      enableHiding: false,
      meta: { label: "Receipt", align: "right", card: "actions" },
      header: () => <span className="sr-only">Receipt</span>,
      cell: ({ row: { original: r } }) => <ReceiptActions linkId={linkId} row={r} />,
    },
  ];
}

/** The link's payments on the list system: search, outcome filter, sort, paging and export in the URL. */
function LinkPayments({ link }: { link: PaymentLinkDto }) {
  const scopeKey = useScopeKey();
  const urlState = useListState(linkPaymentsSearchParams);
  const query = useQuery({
    queryKey: linkDetailQueryKeys.payments(scopeKey, link.id, urlState),
    queryFn: ({ signal }) => fetchJson<LinkPaymentsResponse>(linkPaymentsUrl(link.id, urlState), signal),
    placeholderData: keepPreviousData,
    retry: retryUnlessClientError,
  });
  const data = query.data;
  const columns = useMemo(() => paymentColumns(link.id, link.country), [link.id, link.country]);
  const list = useDataTable({
    parsers: linkPaymentsSearchParams,
    columns,
    data: data?.rows,
    getRowId: (r) => r.id,
    filterKeys: LINK_PAYMENT_FILTER_KEYS,
    defaultSort: LINK_PAYMENT_DEFAULT_SORT,
    resolvedPage: data && !query.isPlaceholderData ? data.page : undefined,
  });

  return (
    <Card role="region" aria-labelledby="link-payments-heading">
      <CardHeader className="grid gap-1.5">
        <h2 id="link-payments-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
          <History className="size-4" aria-hidden /> Payments
        </h2>
        <CardDescription>Payments made through this link, newest first. A successful payment has a receipt.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <DataTableToolbar
          list={list}
          search={{ placeholder: "Search by reference or phone…", label: "Search payments" }}
          exportHref={linkPaymentsExportUrl(link.id, list.state)}
          actions={
            data && (
              <p className="text-sm text-muted-foreground" aria-live="polite">
                {count(data.total)} payment{data.total === 1 ? "" : "s"}
              </p>
            )
          }
        />
        <DataTable
          table={list.table}
          aria-label="Payments"
          isLoading={query.isPending}
          isFetching={query.isFetching}
          skeletonRows={5}
          rowProps={(row) => ({ "data-testid": "link-payment-row", "data-reference": row.original.referenceId })}
          error={
            query.error ? <DataTableError error={query.error} what="payments" onReset={list.resetView} /> : null
          }
          empty={
            <EmptyState
              icon={<ReceiptText />}
              title="No payments found"
              description={list.isFiltered ? "No payments match your search or filters." : "Payments made through this link appear here."}
            />
          }
        />
        <DataTableOffsetPagination
          list={list}
          rowsDisplayed={query.error ? 0 : (data?.rows.length ?? 0)}
          total={data?.total}
          pageSizes={LINK_PAYMENT_PAGE_SIZES}
          disabled={query.isFetching}
        />
      </CardContent>
    </Card>
  );
}

/**
 * The payment link detail page: the back link, the link's name with its status and actions (Edit,
 * Deactivate / Reactivate for payment_links.manage), sharing (copy and QR), the details, the
 * analytics and the payments with their receipts. The server page prefetched the link, the
 * analytics and the first page of payments under the same keys.
 */
export function LinkDetailView({ linkId }: { linkId: string }) {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const canManage = useCan("payment_links.manage");
  const query = useQuery({
    queryKey: linkDetailQueryKeys.detail(scopeKey, linkId),
    queryFn: ({ signal }) => fetchJson<PaymentLinkDto>(linkUrl(linkId), signal),
    retry: retryUnlessClientError,
  });
  const link = query.data;

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href={paymentLinksHref(scope)}>
          <ArrowLeft aria-hidden /> Back to Payment Links
        </Link>
      </Button>
      {link ? (
        <>
          <PageHeader
            title={link.name}
            description={
              <span className="flex flex-wrap items-center gap-2">
                <span>Payment link</span>
                <span className="font-mono text-xs">{link.shortCode}</span>
                <LinkStatusBadge status={link.status} />
              </span>
            }
            actions={
              canManage && (
                <>
                  <PaymentLinkFormDialog mode="edit" link={link} />
                  <LinkActiveButton link={link} />
                </>
              )
            }
          />
          <div className="space-y-6">
            <ShareCard link={link} />
            <LinkAnalyticsSection linkId={link.id} />
            <DetailsCard link={link} />
            <LinkPayments link={link} />
          </div>
        </>
      ) : query.error ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>This payment link could not be shown</AlertTitle>
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
