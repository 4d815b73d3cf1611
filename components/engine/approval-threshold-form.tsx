"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import type { ApprovalThreshold } from "@/lib/engine/approval-thresholds";
import { setApprovalThresholdAction } from "@/lib/engine/actions";
import { formatMoney, toDecimalString } from "@/lib/money";
import { runAction } from "@/lib/client/run-action";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import type { ThresholdsFormValues } from "./approval-threshold-schema";

/** The card's form: one row per currency, each the Save action's own schema (loaded on first validation). */
type ThresholdsForm = ThresholdsFormValues;
const resolver = zodResolverOnDemand<ThresholdsForm>(() => import("./approval-threshold-schema").then((m) => m.thresholdsFormSchema));

const asInput = (threshold: string | null, currency: string) => (threshold === null ? "" : toDecimalString(threshold, currency));

/**
 * The thresholds' form (approval-threshold-card.tsx opens it; loaded then, react-hook-form with
 * it): empty turns approvals off for that currency. One Save for the card: it saves the
 * currencies whose value changed. Done (or Escape) closes it.
 */
export function ThresholdsForm({ initial, onClose }: { initial: ApprovalThreshold[]; onClose(): void }) {
  const router = useRouter();
  const inFlight = useRef(false);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  // What the server holds now (minor units), per currency.
  const [saved, setSaved] = useState<Record<string, string | null>>(() => Object.fromEntries(initial.map((t) => [t.currency, t.threshold])));
  const form = useForm<ThresholdsForm>({
    resolver,
    defaultValues: { thresholds: initial.map((t) => ({ currency: t.currency, threshold: asInput(t.threshold, t.currency) })) },
  });

  const onValid = async (values: ThresholdsForm) => {
    if (inFlight.current) return;
    const changed = values.thresholds
      .map((v, index) => ({ index, currency: v.currency, threshold: (v.threshold ?? "").trim() }))
      .filter((v) => v.threshold !== asInput(saved[v.currency] ?? null, v.currency));
    if (changed.length === 0) {
      toast.info("No approval threshold changed");
      return;
    }
    inFlight.current = true;
    setSaving(true);
    setFormError(null);
    const next = { ...saved };
    for (const v of changed) {
      const res = await runAction(() => setApprovalThresholdAction({ currency: v.currency, threshold: v.threshold }));
      if (res.ok) {
        next[v.currency] = res.data.threshold;
        form.setValue(`thresholds.${v.index}.threshold`, asInput(res.data.threshold, v.currency));
        toast.success(
          res.data.threshold === null
            ? `Payout approvals are off for ${v.currency}: no approval threshold`
            : `${v.currency} approval threshold set to ${formatMoney(res.data.threshold, v.currency)}`,
        );
        continue;
      }
      const fieldError = res.fieldErrors?.threshold?.[0];
      if (fieldError) form.setError(`thresholds.${v.index}.threshold`, { message: fieldError });
      else setFormError(`${v.currency}: ${res.error}`);
    }
    setSaved(next);
    inFlight.current = false;
    setSaving(false);
    // The card's summary (a server prop) follows.
    router.refresh();
  };

  return (
    <form
      onSubmit={(e) => void form.handleSubmit(onValid)(e)}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !saving) onClose();
      }}
      noValidate
      className="grid gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {initial.map(({ currency }, index) => {
          const current = saved[currency] ?? null;
          return (
            <FormField
              key={currency}
              id={`approval-threshold-${currency}`}
              label={`Approval threshold (${currency})`}
              error={form.formState.errors.thresholds?.[index]?.threshold?.message}
              description={current === null ? "Off: no payout waits" : `Payouts from ${formatMoney(current, currency)} wait`}
            >
              <Input
                {...form.register(`thresholds.${index}.threshold`)}
                autoFocus={index === 0}
                inputMode="decimal"
                autoComplete="off"
                placeholder="Off"
                className="tabular-nums"
                disabled={saving}
              />
            </FormField>
          );
        })}
      </div>
      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={saving} aria-busy={saving}>
          {saving && <Spinner label="" />}
          Save
        </Button>
        <Button type="button" variant="outline" disabled={saving} onClick={onClose}>
          Done
        </Button>
      </div>
    </form>
  );
}
