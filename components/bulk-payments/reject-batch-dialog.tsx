"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormFooter } from "@/components/ui/form-dialog";
import { FormField } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { formatMoney } from "@/lib/money";
import { decideBulkBatchAction } from "@/lib/bulk-payments/actions";
import type { BulkBatchDto } from "@/lib/bulk-payments/dto";
import { runAction } from "@/lib/client/run-action";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import type { RejectBatchValues as RejectValues } from "./reject-batch-schema";

export type BatchResult = { batchId: string; status: string; message: string };
export type Result = { ok: true; data: BatchResult } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

const count = (n: number) => n.toLocaleString("en-US");

const resolver = zodResolverOnDemand<RejectValues>(() => import("./reject-batch-schema").then((m) => m.rejectBatchSchema));

/** "Reject": a required reason; the batch is not paid. Loaded on first use (batch-actions.tsx). */
export default function RejectBatchDialog({
  batch,
  label,
  open,
  onOpenChange,
  onDone,
}: {
  batch: Pick<BulkBatchDto, "id" | "currency" | "totalAmount" | "totalPayments">;
  label: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  onDone(res: BatchResult): void;
}) {
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RejectValues>({ resolver, defaultValues: { reason: "" } });
  const onValid = async (values: RejectValues) => {
    setSubmitting(true);
    setFormError(null);
    const res: Result = await runAction(() => decideBulkBatchAction({ batchId: batch.id, decision: "reject", reason: values.reason }));
    setSubmitting(false);
    if (res.ok) {
      form.reset();
      onOpenChange(false);
      onDone(res.data);
      return;
    }
    if (res.fieldErrors?.reason?.[0]) form.setError("reason", { message: res.fieldErrors.reason[0] });
    else setFormError(res.error);
  };
  return (
    <Dialog open={open} onOpenChange={(o) => !submitting && onOpenChange(o)}>
      <DialogContent onInteractOutside={(e) => submitting && e.preventDefault()}>
        <form onSubmit={(e) => void form.handleSubmit(onValid)(e)} onFocus={resolver.preload} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Reject {label}?</DialogTitle>
            <DialogDescription>
              None of its {count(batch.totalPayments)} payments ({formatMoney(batch.totalAmount, batch.currency)}) is sent.
            </DialogDescription>
          </DialogHeader>
          <FormField id={`reject-${batch.id}`} label="Reason" required error={form.formState.errors.reason?.message}>
            <Textarea {...form.register("reason")} rows={3} maxLength={300} autoFocus disabled={submitting} placeholder="Why is this batch rejected?" />
          </FormField>
          <FormFooter error={formError} submitting={submitting} onCancel={() => onOpenChange(false)} cancelLabel="Go back" submitLabel="Reject batch" destructive />
        </form>
      </DialogContent>
    </Dialog>
  );
}
