"use client";

import { useState } from "react";
import Link from "next/link";
import { Ban, Check, ExternalLink, RotateCcw, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { useCan, useRefreshScope, useScope } from "@/components/shell/scope-context";
import { untrackTransaction } from "@/components/engine/tracked-transactions";
import { ConfirmActionDialog, RejectPayoutDialog } from "@/components/engine/transaction-action-dialogs";
import { runAction } from "@/lib/client/run-action";
import { cancelOfframpAction, cancelTransactionAction, decidePayoutApprovalAction, retryOfframpRefundAction } from "@/lib/engine/actions";
import { AWAITING_APPROVAL } from "@/lib/engine/statuses";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { StatusPill } from "@/components/ui/status-pill";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Separator } from "@/components/ui/separator";
import { Timestamp } from "@/components/shell/timezone";
import { formatMoney } from "@/lib/money";
import { CHAINS, COUNTRIES } from "@/lib/markets";
import { CALLBACK_STATUS_LABEL, formatCrypto, humanize } from "@/lib/transactions/format";
import { KIND_LABEL, statusGroup, type ListSlug } from "@/lib/transactions/kinds";
import type { TxDetail } from "@/lib/transactions/types";
import { webhookLogHref } from "@/lib/webhooks/deliveries-contract";
import { useTxDetail } from "./use-transactions";
import { QueryProvider } from "@/components/shell/query-provider";

type Field = { label: string; value: React.ReactNode; copy?: string | null; mono?: boolean; href?: string | null };

function FieldList({ fields }: { fields: Field[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-3 sm:grid-cols-2">
      {fields.map((f) => (
        <div key={f.label} className="min-w-0">
          <dt className="text-xs text-muted-foreground">{f.label}</dt>
          <dd className="mt-0.5 flex min-w-0 items-center gap-1 text-sm">
            <span className={f.mono ? "truncate font-mono text-xs" : "break-words"} title={typeof f.value === "string" ? f.value : undefined}>
              {f.value === null || f.value === undefined || f.value === "" ? <span className="text-muted-foreground">—</span> : f.value}
            </span>
            {f.href && (
              <a href={f.href} target="_blank" rel="noopener noreferrer" className="text-muted-foreground hover:text-foreground" aria-label={`Open ${f.label} in the explorer`}>
                <ExternalLink className="size-3.5" aria-hidden />
              </a>
            )}
            {f.copy && <CopyButton value={f.copy} label={f.label} className="-my-1 size-6" />}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

function fields(tx: TxDetail): { main: Field[]; money: Field[]; crypto: Field[]; provider: Field[] } {
  const money = (v: string) => formatMoney(v, tx.currency);
  const explorer = tx.chain ? CHAINS[tx.chain] : undefined;
  const crypto = tx.kind === "onramp" || tx.kind === "offramp";
  return {
    main: [
      { label: "Transaction ID", value: tx.id, copy: tx.id, mono: true },
      { label: "Reference ID", value: tx.referenceId, copy: tx.referenceId, mono: true },
      { label: "Reference Number", value: String(tx.referenceNumber), copy: String(tx.referenceNumber) },
      { label: "Kind", value: KIND_LABEL[tx.kind] },
      { label: "Type", value: humanize(tx.channel) },
      { label: "Status", value: <StatusPill status={tx.status} /> },
      { label: "Phone number", value: tx.phoneNumber, copy: tx.phoneNumber },
      { label: "Network", value: tx.network },
      { label: "Country", value: COUNTRIES[tx.country]?.name ?? tx.country },
      { label: "Currency", value: tx.currency },
      { label: "Environment", value: humanize(tx.environment) },
      { label: "Customer ID", value: tx.customerId, copy: tx.customerId, mono: true },
      { label: "Wallet ID", value: tx.walletId, copy: tx.walletId, mono: true },
      { label: "Created At", value: <Timestamp value={tx.createdAt} /> },
      { label: "Completed At", value: <Timestamp value={tx.completedAt} /> },
      { label: "Updated At", value: <Timestamp value={tx.updatedAt} /> },
    ],
    money: [
      { label: crypto ? "Fiat Amount" : "Amount", value: money(tx.amount) },
      { label: "Transaction Amount", value: money(tx.transactionAmount) },
      { label: "Fee", value: money(tx.fee) },
      ...(tx.walletAmount !== null && (tx.kind === "payout" || tx.kind === "collection")
        ? [
            tx.kind === "payout"
              ? { label: "Debited from payout balance", value: `${money(tx.walletAmount)}${statusGroup(tx.status) === "failed" ? " (given back)" : ""}` }
              : { label: statusGroup(tx.status) === "successful" ? "Credited to deposit balance" : "Credited on success", value: money(tx.walletAmount) },
            { label: "Fee paid by", value: tx.feeBearer === "WALLET" ? "Your wallet" : tx.kind === "payout" ? "The recipient" : "The customer" },
          ]
        : []),
      ...(tx.description ? [{ label: "Description", value: tx.description }] : []),
    ],
    crypto: crypto
      ? [
          { label: "Crypto Amount", value: formatCrypto(tx.cryptoAmount, tx.token) },
          { label: "Token", value: tx.token },
          { label: "Chain", value: explorer?.name ?? tx.chain },
          { label: tx.kind === "onramp" ? "Receiver Address" : "Sender Address", value: tx.cryptoAddress, copy: tx.cryptoAddress, mono: true, href: tx.cryptoAddress && explorer ? explorer.explorer(tx.cryptoAddress) : null },
          { label: "Tx Hash", value: tx.txHash, copy: tx.txHash, mono: true, href: tx.txHash && explorer ? explorer.txExplorer(tx.txHash) : null },
          { label: "Deposit Status", value: tx.depositStatus },
          { label: "Onchain Status", value: tx.onchainStatus },
          ...(tx.kind === "offramp"
            ? [
                { label: "Refund Status", value: tx.refundStatus ? <StatusPill status={tx.refundStatus} /> : null },
                { label: "Refund Tx Hash", value: tx.refundTxHash, copy: tx.refundTxHash, mono: true, href: tx.refundTxHash && explorer ? explorer.txExplorer(tx.refundTxHash) : null },
              ]
            : []),
        ]
      : [],
    provider: [
      { label: "Provider", value: tx.provider },
      { label: "Provider Reference", value: tx.providerReference, copy: tx.providerReference, mono: true },
      { label: "Telco ID", value: tx.telcoId, copy: tx.telcoId, mono: true },
      { label: "Callback URL", value: tx.callbackUrl, copy: tx.callbackUrl, mono: true },
      { label: "Callback Status", value: tx.callbackStatus === null ? null : (CALLBACK_STATUS_LABEL[tx.callbackStatus] ?? String(tx.callbackStatus)) },
      { label: "Payment Link", value: tx.paymentLinkId, mono: true },
      { label: "Bulk Item", value: tx.bulkItemId, mono: true },
    ],
  };
}

/** A collection or payout the engine created can be cancelled while the network has not answered. */
const CANCELLABLE = new Set(["PENDING", "INITIATED", AWAITING_APPROVAL]);

/**
 * What can be done to the transaction from here: cancel (engine collections and payouts), approve
 * or reject (payouts held for approval), cancel an offramp or retry its refund. Each needs its
 * permission (the server checks again); a refusal's message is shown as it comes.
 */
function TransactionActions({ tx }: { tx: TxDetail }) {
  const canCancelCollection = useCan("collections.create");
  const canCancelPayout = useCan("payouts.create");
  const canDecide = useCan("payouts.approve");
  const canManageOfframp = useCan("offramp.manage");
  const refresh = useRefreshScope();
  const [dialog, setDialog] = useState<"cancel" | "cancel-offramp" | "reject" | null>(null);
  const [busy, setBusy] = useState<"approve" | "retry" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const engineTx = (tx.kind === "collection" || tx.kind === "payout") && tx.origin !== null;
  const showCancel = engineTx && CANCELLABLE.has(tx.status) && (tx.kind === "collection" ? canCancelCollection : canCancelPayout);
  const showDecide = tx.kind === "payout" && tx.status === AWAITING_APPROVAL && canDecide;
  const showCancelOfframp = tx.kind === "offramp" && tx.status === "PENDING" && canManageOfframp;
  const showRetry = tx.kind === "offramp" && tx.status === "REFUND_FAILED" && canManageOfframp;
  const kindLabel = KIND_LABEL[tx.kind].toLowerCase();

  const done = (message: string) => {
    setError(null);
    toast.success(message);
    refresh();
  };

  const approve = async () => {
    setBusy("approve");
    setError(null);
    const res = await runAction(() => decidePayoutApprovalAction({ transactionId: tx.id, decision: "approve" }));
    setBusy(null);
    if (res.ok) done(res.data.message);
    else setError(res.error);
  };

  const retryRefund = async () => {
    setBusy("retry");
    setError(null);
    const res = await runAction(() => retryOfframpRefundAction({ transactionId: tx.id }));
    setBusy(null);
    if (res.ok) done(res.data.message);
    else setError(res.error);
  };

  const cancel = async (offramp: boolean): Promise<string | null> => {
    const res = await runAction(() => (offramp ? cancelOfframpAction : cancelTransactionAction)({ transactionId: tx.id }));
    if (!res.ok) return res.error;
    // This tab's own watcher need not announce it again.
    untrackTransaction(tx.id);
    done(res.data.message);
    return null;
  };

  const hasActions = showCancel || showDecide || showCancelOfframp || showRetry;
  return (
    <>
      {(hasActions || error) && (
        <Section title="Actions">
          {hasActions && (
            <div className="flex flex-wrap items-center gap-2">
              {showDecide && (
                <>
                  <Button onClick={() => void approve()} disabled={busy !== null} aria-busy={busy === "approve"}>
                    {busy === "approve" ? <Spinner label="" /> : <Check aria-hidden />}
                    Approve
                  </Button>
                  <Button variant="outline" onClick={() => setDialog("reject")} disabled={busy !== null}>
                    <X aria-hidden />
                    Reject
                  </Button>
                </>
              )}
              {showCancel && (
                <Button variant="outline" onClick={() => setDialog("cancel")} disabled={busy !== null}>
                  <Ban aria-hidden />
                  Cancel transaction
                </Button>
              )}
              {showCancelOfframp && (
                <Button variant="outline" onClick={() => setDialog("cancel-offramp")} disabled={busy !== null}>
                  <Ban aria-hidden />
                  Cancel offramp
                </Button>
              )}
              {showRetry && (
                <Button onClick={() => void retryRefund()} disabled={busy !== null} aria-busy={busy === "retry"}>
                  {busy === "retry" ? <Spinner label="" /> : <RotateCcw aria-hidden />}
                  Retry refund
                </Button>
              )}
              {tx.kind === "payout" && tx.status === AWAITING_APPROVAL && (
                <Button asChild variant="link" className="px-1">
                  <Link href="/payouts/approvals">All payouts awaiting approval</Link>
                </Button>
              )}
            </div>
          )}
          {error && (
            <Alert variant="destructive" role="alert">
              <AlertTitle>Not done</AlertTitle>
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
        </Section>
      )}
      {/* Mounted whatever the status: a status that moves on while a dialog is open does not close it. */}
      <ConfirmActionDialog
        open={dialog === "cancel"}
        onOpenChange={(open) => setDialog(open ? "cancel" : null)}
        title="Cancel this transaction?"
        description={
          tx.kind === "payout"
            ? `The payout of ${formatMoney(tx.amount, tx.currency)} will not be sent and its amount goes back to the payout balance.`
            : `The ${kindLabel} of ${formatMoney(tx.amount, tx.currency)} will be cancelled.`
        }
        confirmLabel="Yes, cancel transaction"
        onConfirm={() => cancel(false)}
      />
      <ConfirmActionDialog
        open={dialog === "cancel-offramp"}
        onOpenChange={(open) => setDialog(open ? "cancel-offramp" : null)}
        title="Cancel this offramp?"
        description="No crypto has arrived yet: the offramp is cancelled and nothing is paid out."
        confirmLabel="Yes, cancel offramp"
        onConfirm={() => cancel(true)}
      />
      <RejectPayoutDialog
        open={dialog === "reject"}
        onOpenChange={(open) => setDialog(open ? "reject" : null)}
        transactionId={tx.id}
        referenceId={tx.referenceId}
        onRejected={done}
      />
    </>
  );
}

/**
 * The transaction's webhook deliveries, newest first: one row per attempt (time, event, URL,
 * status, HTTP code, attempt), and the way to the full log (request, response, resend) for those
 * who manage Settings.
 */
function CallbackDeliveries({ tx }: { tx: TxDetail }) {
  const scope = useScope();
  const canOpenLog = useCan("settings.manage");
  const logLink = canOpenLog && (
    <Button asChild variant="link" size="sm" className="h-auto px-0">
      <Link href={webhookLogHref(tx.referenceId, scope)}>View in webhook log</Link>
    </Button>
  );
  if (tx.deliveries.length === 0) {
    return <p className="text-sm text-muted-foreground">No callback deliveries yet.</p>;
  }
  return (
    <div className="space-y-2">
      {/* Focusable: it scrolls sideways in the narrow sheet (axe scrollable-region-focusable). */}
      <div tabIndex={0} role="group" aria-label="Callback deliveries" className="overflow-x-auto rounded-md border">
        <table className="w-full text-xs" aria-label="Callback deliveries">
          <thead className="bg-muted/40 text-xs text-muted-foreground">
            <tr className="border-b text-left">
              <th scope="col" className="px-2 py-1.5 font-medium">Time</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Event</th>
              <th scope="col" className="px-2 py-1.5 font-medium">URL</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Status</th>
              <th scope="col" className="px-2 py-1.5 text-right leading-tight font-medium">HTTP code</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">Attempt</th>
            </tr>
          </thead>
          <tbody>
            {tx.deliveries.map((d) => (
              <tr key={d.id} className="border-b align-top last:border-0" data-testid="callback-delivery">
                <td className="px-2 py-1.5 text-xs whitespace-nowrap">
                  <Timestamp value={d.createdAt} />
                </td>
                <td className="max-w-[8rem] px-2 py-1.5">
                  <code className="block truncate font-mono text-xs" title={d.event}>
                    {d.event}
                  </code>
                </td>
                <td className="max-w-[8rem] px-2 py-1.5">
                  <span className="block truncate font-mono text-xs text-muted-foreground" title={d.url}>
                    {d.url}
                  </span>
                </td>
                <td className="px-2 py-1.5">
                  <StatusPill status={d.status} />
                  {d.status === "FAILED" && d.nextAttemptAt && (
                    <span className="mt-0.5 block text-xs whitespace-nowrap text-muted-foreground">
                      Retry <Timestamp value={d.nextAttemptAt} />
                    </span>
                  )}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums" title={d.error ?? undefined}>
                  {d.responseStatus ?? <span className="text-muted-foreground">—</span>}
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">{d.attempt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {logLink}
    </div>
  );
}

function DetailBody({ tx }: { tx: TxDetail }) {
  const f = fields(tx);
  const failed = statusGroup(tx.status) === "failed";
  return (
    <div className="space-y-6 px-4 pb-8">
      <TransactionActions key={tx.id} tx={tx} />
      {failed && (tx.errorMessage || tx.errorCode) && (
        <Alert variant="destructive">
          <AlertTitle>Failure reason{tx.errorCode ? ` · ${tx.errorCode}` : ""}</AlertTitle>
          <AlertDescription>{tx.errorMessage ?? "No message from the provider"}</AlertDescription>
        </Alert>
      )}
      <Section title="Details">
        <FieldList fields={f.main} />
      </Section>
      <Separator />
      <Section title="Amounts">
        <FieldList fields={f.money} />
      </Section>
      {f.crypto.length > 0 && (
        <>
          <Separator />
          <Section title="Crypto">
            <FieldList fields={f.crypto} />
          </Section>
        </>
      )}
      <Separator />
      <Section title="Provider and callback">
        <FieldList fields={f.provider} />
      </Section>
      <Separator />
      <Section title="Status timeline">
        {tx.history.length === 0 ? (
          <p className="text-sm text-muted-foreground">No status changes recorded.</p>
        ) : (
          <ol className="relative space-y-4 border-l pl-5" aria-label="Status changes, oldest first">
            {tx.history.map((h) => (
              <li key={h.id} className="relative">
                <span className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-background bg-primary" aria-hidden />
                <div className="flex flex-wrap items-center gap-2">
                  <StatusPill status={h.status} />
                  <span className="text-xs text-muted-foreground">
                    <Timestamp value={h.createdAt} />
                  </span>
                </div>
                {h.note && <p className="mt-1 text-sm text-muted-foreground">{h.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Separator />
      <Section title="Callback deliveries">
        <CallbackDeliveries tx={tx} />
      </Section>
      {tx.metadata && Object.keys(tx.metadata).length > 0 && (
        <>
          <Separator />
          <Section title="Metadata">
            <pre tabIndex={0} className="max-h-48 overflow-auto rounded bg-muted p-3 text-xs">{JSON.stringify(tx.metadata, null, 2)}</pre>
          </Section>
        </>
      )}
    </div>
  );
}

type SheetProps = { slug: ListSlug; id: string | null; onClose: () => void };

/** The detail of one transaction (`?tx=<id>`), opened from a row or straight from a URL; it fetches (React Query, loaded with it). */
export function TransactionDetailSheet(props: SheetProps) {
  return (
    <QueryProvider>
      <DetailSheet {...props} />
    </QueryProvider>
  );
}

function DetailSheet({ slug, id, onClose }: SheetProps) {
  const { data, error, isLoading } = useTxDetail(slug, id);
  return (
    <Sheet open={!!id} onOpenChange={(open) => !open && onClose()}>
      <SheetContent className="w-full gap-0 sm:max-w-2xl">
        <SheetHeader className="border-b">
          <SheetTitle className="flex flex-wrap items-center gap-2">
            Transaction {data ? <span className="font-mono text-base">{data.referenceId}</span> : null}
            {data && <StatusPill status={data.status} />}
          </SheetTitle>
          <SheetDescription>
            {data
              ? `${KIND_LABEL[data.kind]} of ${formatMoney(data.amount, data.currency)} · ${humanize(data.channel)}`
              : "Every field, the status timeline and the callback deliveries"}
          </SheetDescription>
        </SheetHeader>
        <div className="pt-4">
          {isLoading ? (
            <div className="space-y-3 px-4">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} className="h-8 w-full" />
              ))}
            </div>
          ) : error ? (
            <div className="px-4">
              <Alert variant="destructive">
                <AlertTitle>Could not open this transaction</AlertTitle>
                <AlertDescription>{error.message === "Transaction not found" ? "It does not exist in this market and environment." : error.message}</AlertDescription>
              </Alert>
            </div>
          ) : data ? (
            <DetailBody tx={data} />
          ) : null}
        </div>
      </SheetContent>
    </Sheet>
  );
}
