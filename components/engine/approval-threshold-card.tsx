"use client";

import { useId, useRef, useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { useCan } from "@/components/shell/scope-context";
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
 * "Payout approvals" (Wallets page, settings.manage): per currency, the amount from which a
 * payout waits for a second member; empty turns approvals off for that currency. One Save for the
 * card: it saves the currencies whose value changed.
 */
export function ApprovalThresholdCard({ thresholds }: { thresholds: ApprovalThreshold[] }) {
  const canManage = useCan("settings.manage");
  const titleId = useId();
  if (!canManage) return null;
  return (
    <Card role="region" aria-labelledby={titleId} className="mt-6">
      <CardHeader>
        <CardTitle id={titleId}>Payout approvals</CardTitle>
        <CardDescription>Payouts at or above the threshold wait for another member with the Approve permission.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {thresholds.length === 0 ? (
          <p className="text-sm text-muted-foreground">No currency is enabled for this environment.</p>
        ) : (
          <ThresholdsForm initial={thresholds} />
        )}
        <Button asChild variant="link" className="px-0">
          <Link href="/payouts/approvals">Payouts awaiting approval</Link>
        </Button>
      </CardContent>
    </Card>
  );
}

function ThresholdsForm({ initial }: { initial: ApprovalThreshold[] }) {
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
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(onValid)(e)} onFocus={resolver.preload} noValidate className="grid gap-4">
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
      <div>
        <Button type="submit" disabled={saving} aria-busy={saving}>
          {saving && <Spinner label="" />}
          Save
        </Button>
      </div>
    </form>
  );
}
