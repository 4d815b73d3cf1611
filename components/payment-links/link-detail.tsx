import "server-only";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { SearchParams } from "nuqs/server";
import { ArrowLeft, BadgeCheck, Banknote, Eye, History, MousePointerClick, Percent, ReceiptText } from "lucide-react";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { readForPage } from "@/lib/client/page-data";
import { formatMoney } from "@/lib/money";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";
import { getLinkAnalytics } from "@/lib/payment-links/link-analytics";
import { listLinkPayments } from "@/lib/payment-links/list-link-payments";
import type { PaymentLinkDto } from "@/lib/payment-links/link-dto";
import { LINK_STATUS_LABEL, usageLimit } from "@/lib/payment-links/link-status";
import { LINK_ANALYTICS_DAYS, LINK_PAYMENT_DEFAULT_SORT, LINK_PAYMENT_FILTER_KEYS, linkPaymentsListQuery, paymentLinksHref, type LinkAnalytics } from "@/lib/payment-links/link-payments-contract";
import { linkAnalyticsSchema, linkPaymentsSchema, loadLinkPaymentsSearchParams } from "@/lib/payment-links/link-payments-contract-schema";
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
import { jsonValue } from "@/lib/json";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { PageHeader } from "@/components/shell/page-header";
import { Timestamp } from "@/components/shell/timezone";
import { ListProvider } from "@/components/data-table/list-context";
import { ListError } from "@/components/data-table/list-error";
import { columnControls, ServerDataTable } from "@/components/data-table/server-data-table";
import { LinkActiveButton } from "./link-active-button";
import { LinkDailyChart, LinkPaymentsPagination, LinkPaymentsToolbar } from "./link-detail-controls";
import { linkPaymentColumns } from "./link-payment-columns";
import { LinkShare } from "./link-share";
import { LinkStatusBadge } from "./link-status-badge";
import { PaymentLinkFormDialog } from "./payment-link-form-dialog";

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
function LinkAnalyticsSection({ analytics: a }: { analytics: LinkAnalytics }) {
  const lastDays = a.daily.reduce(
    (s, d) => ({ views: s.views + d.views, attempts: s.attempts + d.attempts, successful: s.successful + d.successful, collected: s.collected + BigInt(d.collected) }),
    { views: 0, attempts: 0, successful: 0, collected: 0n },
  );
  const summary = `Last ${a.days} days: ${count(lastDays.views)} page views, ${count(lastDays.attempts)} payment attempts, ${count(lastDays.successful)} successful payments, ${formatMoney(lastDays.collected, a.totals.currency)} collected.`;

  return (
    <section aria-labelledby="link-analytics-heading" className="space-y-4">
      <h2 id="link-analytics-heading" className="sr-only">
        Analytics
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <StatCard role="group" aria-label="Page views" title="Page views" value={count(a.totals.views)} hint="Checkout visits" icon={<Eye />} accent="blue" />
        <StatCard
          role="group"
          aria-label="Payment attempts"
          title="Payment attempts"
          value={count(a.totals.attempts)}
          hint="Payments started"
          icon={<MousePointerClick />}
          accent="violet"
        />
        <StatCard
          role="group"
          aria-label="Successful payments"
          title="Successful payments"
          value={count(a.totals.successful)}
          hint={`${a.totals.attempts ? percent.format(a.totals.successful / a.totals.attempts) : "0%"} of attempts`}
          icon={<BadgeCheck />}
          accent="green"
        />
        <StatCard
          role="group"
          aria-label="Conversion rate"
          title="Conversion rate"
          value={percent.format(a.totals.conversionRate)}
          hint="Successful payments per page view"
          icon={<Percent />}
          accent="orange"
        />
        <StatCard
          role="group"
          aria-label="Total collected"
          title="Total collected"
          value={formatMoney(a.totals.totalCollected, a.totals.currency)}
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
            <LinkDailyChart daily={a.daily} currency={a.totals.currency} />
            <figcaption className="sr-only">{summary}</figcaption>
          </figure>
        </CardContent>
      </Card>
    </section>
  );
}

/**
 * The payment link's page, rendered on the server: the back link, the link's name with its status
 * and actions (Edit, Deactivate / Reactivate for payment_links.manage), sharing (copy and QR), the
 * details, the analytics, and the payments with their receipts, a list whose search, outcome
 * filter, sort, paging and columns live in the URL (the routes' services, called as the routes
 * call them). The browser runs only the controls (link-detail-controls.tsx) and the actions.
 */
export async function LinkDetail({ scope, linkId, searchParams }: { scope: Scope; linkId: string; searchParams: Promise<SearchParams> }) {
  const [db, state] = await Promise.all([getDb(), loadLinkPaymentsSearchParams(searchParams)]);
  const [found, analytics, payments] = await Promise.all([
    getPaymentLink(db, scope, linkId).catch((e) => {
      if (e instanceof NotFoundError) return null;
      throw e;
    }),
    readForPage(linkAnalyticsSchema, `days=${LINK_ANALYTICS_DAYS}`, (input) => getLinkAnalytics(db, scope, linkId, { days: input.days })),
    readForPage(linkPaymentsSchema, linkPaymentsListQuery(state), (input) => listLinkPayments(db, scope, linkId, input)),
  ]);
  if (!found) notFound();
  const link = jsonValue(found);
  const canManage = scope.permissions.has("payment_links.manage");
  const columns = linkPaymentColumns(link, scope);
  const controls = columnControls(columns);
  const rows = payments.data?.rows ?? [];
  const filtered = LINK_PAYMENT_FILTER_KEYS.some((k) => state[k].length > 0);

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href={paymentLinksHref(scope)}>
          <ArrowLeft aria-hidden /> Back to Payment Links
        </Link>
      </Button>
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
        {analytics.data ? (
          <LinkAnalyticsSection analytics={analytics.data} />
        ) : (
          <Alert variant="destructive" role="alert">
            <AlertTitle>The analytics could not be shown</AlertTitle>
            <AlertDescription>{analytics.error}</AlertDescription>
          </Alert>
        )}
        <DetailsCard link={link} />
        <ListProvider rowIds={rows.map((r) => r.id)}>
          <Card role="region" aria-labelledby="link-payments-heading">
            <CardHeader className="grid gap-1.5">
              <h2 id="link-payments-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
                <History className="size-4" aria-hidden /> Payments
              </h2>
              <CardDescription>Payments made through this link, newest first. A successful payment has a receipt.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-3">
              <LinkPaymentsToolbar linkId={link.id} filters={controls.filters} columns={controls.choices} total={payments.data?.total} />
              <ServerDataTable
                columns={columns}
                rows={rows}
                getRowId={(r) => r.id}
                sort={state.sort}
                defaultSort={LINK_PAYMENT_DEFAULT_SORT}
                hide={state.hide}
                show={state.show}
                aria-label="Payments"
                rowProps={(r) => ({ "data-testid": "link-payment-row", "data-reference": r.referenceId })}
                error={payments.error ? <ListError message={payments.error} what="payments" /> : null}
                empty={
                  <EmptyState
                    icon={<ReceiptText />}
                    title="No payments found"
                    description={filtered ? "No payments match your search or filters." : "Payments made through this link appear here."}
                  />
                }
              />
              <LinkPaymentsPagination rowsDisplayed={rows.length} total={payments.data?.total} resolvedPage={payments.data?.page} />
            </CardContent>
          </Card>
        </ListProvider>
      </div>
    </>
  );
}
