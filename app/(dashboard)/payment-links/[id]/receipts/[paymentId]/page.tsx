import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, Download } from "lucide-react";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { formatMoney } from "@/lib/money";
import { getDashboardReceipt } from "@/lib/payment-links/dashboard-receipt";
import { LINK_ROUTE_ID, paymentLinkHref, RECEIPT_NOT_SUCCESSFUL, receiptPdfUrl } from "@/lib/payment-links/link-payments-contract";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StatusPill } from "@/components/ui/status-pill";
import { Timestamp } from "@/components/shell/timezone";
import { PrintButton } from "@/components/payment-links/print-button";

export const metadata: Metadata = { title: "Receipt" };

/**
 * In print, only the receipt: the dashboard's sidebar, top bar and this page's buttons are hidden
 * (the shell is not ours to change, so the rule lives here), and the receipt takes the page.
 */
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  [data-print-receipt], [data-print-receipt] * { visibility: visible !important; }
  html, body { background: #fff !important; }
  [data-print-receipt] { position: absolute !important; top: 0; left: 0; right: 0; width: auto !important; max-width: 40rem !important; margin: 0 auto !important; }
  @page { margin: 16mm; }
}`;

function Row({ term, children, strong }: { term: string; children: React.ReactNode; strong?: boolean }) {
  return (
    <div className="flex items-baseline justify-between gap-6 py-2">
      <dt className="text-sm text-muted-foreground print:text-neutral-600">{term}</dt>
      <dd className={strong ? "text-right text-base font-semibold tabular-nums" : "text-right text-sm tabular-nums break-words"}>
        {children ?? <span className="text-muted-foreground print:text-neutral-600">—</span>}
      </dd>
    </div>
  );
}

/** A payment link payment's receipt, printable (the browser's print) or as a PDF download. */
export default async function ReceiptPage({ params }: { params: Promise<{ id: string; paymentId: string }> }) {
  const scope = await requirePageScope("payment_links.read");
  const { id, paymentId } = await pageParams(params);
  if (!LINK_ROUTE_ID.test(id) || !LINK_ROUTE_ID.test(paymentId)) notFound();
  const db = await getDb();
  const receipt = await getDashboardReceipt(db, scope, id, paymentId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const back = paymentLinkHref(id, scope);
  const successful = receipt.outcome === "successful";
  // The fee the payer was charged: none when the merchant's wallet bears it (total = amount).
  const payerFee = BigInt(receipt.totalPaid) - BigInt(receipt.amount);

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Button asChild variant="ghost" size="sm" className="-ml-2">
          <Link href={back}>
            <ArrowLeft aria-hidden /> Back to {receipt.linkName}
          </Link>
        </Button>
        {successful && (
          <div className="flex flex-wrap items-center gap-2">
            <PrintButton />
            <Button asChild variant="outline">
              <a href={receiptPdfUrl(id, paymentId)} download>
                <Download aria-hidden /> Download PDF
              </a>
            </Button>
          </div>
        )}
      </div>

      {!successful ? (
        <Alert variant="warning" role="alert" className="max-w-xl">
          <AlertTitle>{RECEIPT_NOT_SUCCESSFUL}</AlertTitle>
          <AlertDescription>
            Payment {receipt.referenceId} is {receipt.status.toLowerCase().replace(/_/g, " ")}
            {receipt.reason ? `: ${receipt.reason}` : "."}
          </AlertDescription>
        </Alert>
      ) : (
        <article
          data-print-receipt
          aria-labelledby="receipt-heading"
          className="mx-auto max-w-xl rounded-xl border bg-card p-6 text-card-foreground shadow-sm sm:p-8 print:rounded-none print:border-0 print:bg-white print:p-0 print:text-black print:shadow-none"
        >
          <header className="flex flex-wrap items-start justify-between gap-4 border-b pb-4 print:border-neutral-300">
            <div>
              <p className="text-sm font-medium text-muted-foreground print:text-neutral-600">{receipt.merchantName}</p>
              <h1 id="receipt-heading" className="text-2xl font-semibold tracking-tight">
                Receipt
              </h1>
              <p className="mt-1 text-sm">{receipt.linkName}</p>
            </div>
            <div className="grid justify-items-end gap-1 text-right">
              <StatusPill status={receipt.status} />
              {receipt.sandbox && (
                <span className="text-xs text-muted-foreground print:text-neutral-600">Sandbox: no real money moved</span>
              )}
            </div>
          </header>

          <div className="py-6 text-center">
            <p className="text-sm text-muted-foreground print:text-neutral-600">Total paid</p>
            <p className="text-3xl font-semibold tracking-tight tabular-nums">{formatMoney(receipt.totalPaid, receipt.currency)}</p>
          </div>

          <dl className="divide-y border-y print:divide-neutral-300 print:border-neutral-300">
            <Row term="Reference">
              <span className="font-mono">{receipt.referenceId}</span>
            </Row>
            <Row term="Date paid">
              <Timestamp value={receipt.completedAt ?? receipt.createdAt} />
            </Row>
            <Row term="Paid by">{receipt.payerName}</Row>
            <Row term="Phone">{receipt.phoneMasked}</Row>
            <Row term="Network">{receipt.network}</Row>
            <Row term="Amount">{formatMoney(receipt.amount, receipt.currency)}</Row>
            <Row term="Fee">{formatMoney(payerFee > 0n ? payerFee : 0n, receipt.currency)}</Row>
            <Row term="Total paid" strong>
              {formatMoney(receipt.totalPaid, receipt.currency)}
            </Row>
            <Row term="Status">{receipt.status === "SUCCESSFUL" ? "Successful" : receipt.status}</Row>
          </dl>

          <p className="mt-6 text-center text-xs text-muted-foreground print:text-neutral-600">
            Paid to {receipt.merchantName} through a Kotani payment link ({receipt.shortCode}).
          </p>
        </article>
      )}
    </>
  );
}
