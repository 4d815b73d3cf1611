"use client";

import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { decidePayoutApprovalAction } from "@/lib/engine/actions";
import type { DecideApprovalInput } from "@/lib/engine/schemas";
import { runAction } from "@/lib/client/run-action";
import { FormFooter } from "@/components/ui/form-dialog";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

/** The action's schema (and zod) load on first validation; the form starts the download when focused. */
const resolver = zodResolverOnDemand<DecideApprovalInput>(() => import("@/lib/engine/schemas").then((m) => m.decideApprovalSchema));

/** The Reject payout form: a required reason (components/engine/transaction-action-dialogs.tsx opens it). */
export function RejectForm({
  transactionId,
  referenceId,
  onBusy,
  onCancel,
  onRejected,
}: {
  transactionId: string;
  referenceId: string;
  onBusy(busy: boolean): void;
  onCancel(): void;
  onRejected(message: string): void;
}) {
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<DecideApprovalInput>({
    resolver,
    defaultValues: { transactionId, decision: "reject", reason: "" },
  });

  const onValid = async (values: DecideApprovalInput) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setFormError(null);
    onBusy(true);
    const res = await runAction(() => decidePayoutApprovalAction({ ...values, transactionId, decision: "reject" }));
    inFlight.current = false;
    setSubmitting(false);
    onBusy(false);
    if (res.ok) {
      onRejected(res.data.message);
      return;
    }
    const reasonError = res.fieldErrors?.reason?.[0];
    if (reasonError) form.setError("reason", { message: reasonError });
    else setFormError(res.error);
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(onValid)(e)} onFocus={resolver.preload} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>Reject payout</DialogTitle>
        <DialogDescription>
          Payout <span className="font-mono">{referenceId}</span> will be declined and its reserved amount goes back to the payout balance.
        </DialogDescription>
      </DialogHeader>
      <FormField id="reject-reason" label="Reason" required error={form.formState.errors.reason?.message}>
        <Textarea {...form.register("reason")} aria-required autoFocus rows={3} maxLength={300} placeholder="Why is this payout rejected?" disabled={submitting} />
      </FormField>
      <FormFooter error={formError} submitting={submitting} onCancel={onCancel} cancelLabel="Go back" submitLabel="Reject payout" destructive />
    </form>
  );
}
