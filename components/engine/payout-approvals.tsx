"use client";

import { useState } from "react";
import { Check, ShieldCheck, X } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { useCan, useRefreshScope } from "@/components/shell/scope-context";
import { LiveRefresh } from "@/components/data-table/list-refresh";
import { Timestamp } from "@/components/shell/timezone";
import { decidePayoutApprovalAction } from "@/lib/engine/actions";
import type { PayoutApprovalRow } from "@/lib/engine/list-payout-approvals";
import { PAYOUT_CHANNEL_LABEL, type PayoutChannel } from "@/lib/engine/payout-channels";
import { formatMoney } from "@/lib/money";
import { LazyRejectPayoutDialog, loadRejectPayoutDialog } from "./payout-approval-reject-dialog";
import { warmUp } from "@/components/ui/on-demand";

// Fetch the Reject dialog's code as soon as the pointer or focus reaches a Reject button.
const warmReject = warmUp(loadRejectPayoutDialog);
import { runAction } from "@/lib/client/run-action";

export const APPROVALS_REFETCH_MS = 5_000;
export const SELF_SENT_TITLE = "You sent this payout";

/** Who receives it: the phone number, or the bank account / till / paybill details. */
export function recipientOf(row: Pick<PayoutApprovalRow, "phoneNumber" | "recipient">): string {
  if (row.phoneNumber) return row.phoneNumber;
  const r = row.recipient ?? {};
  if (r.bankName || r.bankCode) return [r.bankName ?? r.bankCode, r.accountNumber, r.accountName && `(${r.accountName})`].filter(Boolean).join(" · ");
  if (r.paybillNumber) return `Paybill ${r.paybillNumber}${r.accountNumber ? ` · account ${r.accountNumber}` : ""}`;
  if (r.businessShortcode) return `Till ${r.businessShortcode}${r.accountReference ? ` · ${r.accountReference}` : ""}`;
  return r.phoneNumber ?? "—";
}

/**
 * "Payouts awaiting approval": the selected currency's payouts held for a second member, oldest
 * first, read by the server page and refreshed every 5 s while the tab is visible. Approve sends
 * the payout on its way; Reject asks for a reason. Nobody approves their own (the buttons say so;
 * the server refuses too). `error`: the server could not read them.
 */
export function PayoutApprovals({ data, error }: { data?: PayoutApprovalRow[]; error?: string }) {
  const canDecide = useCan("payouts.approve");
  const refresh = useRefreshScope();
  const [approving, setApproving] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<PayoutApprovalRow | null>(null);
  const [refusal, setRefusal] = useState<{ referenceId: string; message: string } | null>(null);

  const done = (message: string) => {
    setRefusal(null);
    toast.success(message);
    refresh();
  };

  const approve = async (row: PayoutApprovalRow) => {
    setApproving(row.id);
    setRefusal(null);
    const res = await runAction(() => decidePayoutApprovalAction({ transactionId: row.id, decision: "approve" }));
    setApproving(null);
    if (res.ok) done(res.data.message);
    else setRefusal({ referenceId: row.referenceId, message: res.error });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Payouts awaiting approval</CardTitle>
        <CardDescription>
          Payouts at or above the approval threshold wait here until another member with the Approve permission approves or rejects them.
          Their amount is reserved from the payout balance meanwhile.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {refusal && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>Payout {refusal.referenceId} was not approved</AlertTitle>
            <AlertDescription>{refusal.message}</AlertDescription>
          </Alert>
        )}
        <LiveRefresh active intervalMs={APPROVALS_REFETCH_MS} />
        {error ? (
          <Alert variant="destructive" role="alert">
            <AlertTitle>Could not load the payouts awaiting approval</AlertTitle>
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : !data || data.length === 0 ? (
          <EmptyState icon={<ShieldCheck />} title="Nothing to approve" description="No payout in this currency is waiting for approval." />
        ) : (
          <Table aria-label="Payouts awaiting approval">
            <TableHeader>
              <TableRow>
                <TableHead>Reference</TableHead>
                <TableHead>Recipient</TableHead>
                <TableHead className="text-right">Amount</TableHead>
                <TableHead className="text-right">Fee</TableHead>
                <TableHead className="text-right">Total debit</TableHead>
                <TableHead>Requested by</TableHead>
                <TableHead>Time</TableHead>
                {canDecide && (
                  <TableHead>
                    <span className="sr-only">Decision</span>
                  </TableHead>
                )}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.map((row) => {
                const selfSent = !row.canApprove;
                const title = selfSent ? SELF_SENT_TITLE : undefined;
                const busy = approving === row.id;
                return (
                  <TableRow key={row.id}>
                    <TableCell className="font-mono text-xs">{row.referenceId}</TableCell>
                    <TableCell>
                      <div className="text-sm">{recipientOf(row)}</div>
                      <div className="text-xs text-muted-foreground">{PAYOUT_CHANNEL_LABEL[row.channel as PayoutChannel] ?? row.channel}</div>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(row.amount, row.currency)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMoney(row.fee, row.currency)}</TableCell>
                    <TableCell className="text-right font-medium tabular-nums">{formatMoney(row.walletAmount, row.currency)}</TableCell>
                    <TableCell className="text-sm">{row.requestedByEmail ?? "A former member"}</TableCell>
                    <TableCell className="text-xs whitespace-nowrap text-muted-foreground">
                      <Timestamp value={row.createdAt} />
                    </TableCell>
                    {canDecide && (
                      <TableCell>
                        {/* A disabled button gets no hover: the wrapper carries the explanation too. */}
                        <span className="flex justify-end gap-2" title={title}>
                          <Button size="sm" onClick={() => void approve(row)} disabled={selfSent || approving !== null} title={title} aria-busy={busy}>
                            {busy ? <Spinner label="" /> : <Check aria-hidden />}
                            Approve
                          </Button>
                          <Button
                            size="sm"
                            variant="outline"
                            onClick={() => setRejecting(row)}
                            onPointerEnter={warmReject}
                            onFocus={warmReject}
                            disabled={selfSent || approving !== null}
                            title={title}
                          >
                            <X aria-hidden />
                            Reject
                          </Button>
                        </span>
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <LazyRejectPayoutDialog
        open={rejecting !== null}
        onOpenChange={(open) => !open && setRejecting(null)}
        transactionId={rejecting?.id ?? ""}
        referenceId={rejecting?.referenceId ?? ""}
        onRejected={done}
      />
    </Card>
  );
}
