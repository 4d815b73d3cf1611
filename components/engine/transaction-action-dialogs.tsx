"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { FormLoading } from "@/components/ui/form-dialog";


/**
 * A yes/no dialog for a consequential engine action. The refusal's message stays in the dialog;
 * the dismiss button is "Go back" so it never reads like the action ("Cancel transaction").
 */
export function ConfirmActionDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  /** Resolves to null when done (the dialog closes), or to the refusal's message. */
  onConfirm(): Promise<string | null>;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (next: boolean) => {
    if (pending) return;
    if (!next) setError(null);
    onOpenChange(next);
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    const refused = await onConfirm();
    setPending(false);
    if (refused) setError(refused);
    else onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent onInteractOutside={(e) => pending && e.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {error && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => change(false)} disabled={pending}>
            Go back
          </Button>
          <Button variant="destructive" onClick={() => void confirm()} disabled={pending} aria-busy={pending}>
            {pending && <Spinner label="" />}
            {confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The reason form (react-hook-form) loads when the dialog first opens. */
const RejectForm = dynamic(() => import("./reject-payout-form").then((m) => m.RejectForm), { loading: FormLoading });

/** "Reject payout": a required reason, then the payout is DECLINED and its reservation comes back. */
export function RejectPayoutDialog({
  open,
  onOpenChange,
  transactionId,
  referenceId,
  onRejected,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  transactionId: string;
  referenceId: string;
  onRejected(message: string): void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent onInteractOutside={(e) => busy && e.preventDefault()}>
        {/* Mounted per opening: an empty reason every time. */}
        {open && (
          <RejectForm
            transactionId={transactionId}
            referenceId={referenceId}
            onBusy={setBusy}
            onCancel={() => onOpenChange(false)}
            onRejected={(message) => {
              onOpenChange(false);
              onRejected(message);
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
