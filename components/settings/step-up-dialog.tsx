"use client";

import { useId, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { PasswordInput } from "@/components/auth/password-input";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";

/** What the webhook actions answer (lib/auth/guard.ts ActionResult). */
export type StepUpResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

// Its own module (unreachable.ts): the settings page says it without loading this dialog.

/**
 * A small dialog that asks for the password again (step-up) before a sensitive action: reveal,
 * generate or rotate the signing secret. The password may stay empty when this session confirmed
 * it in the last five minutes: the server decides, and its refusal shows under the field.
 */
export function StepUpDialog<T>({
  open,
  onOpenChange,
  title,
  description,
  submitLabel = "Confirm",
  busyLabel,
  destructive = false,
  run,
  onDone,
  renderResult,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description: React.ReactNode;
  submitLabel?: string;
  busyLabel?: string;
  destructive?: boolean;
  /** The action, given the password typed (undefined when left empty). */
  run(password: string | undefined): Promise<StepUpResult<T>>;
  /** Called with the action's data; without `renderResult` the dialog then closes. */
  onDone(data: T): void;
  /** What the dialog shows once the action succeeded (e.g. the secret; with its own DialogTitle), instead of closing; `close` ends it. */
  renderResult?: (data: T, close: () => void) => React.ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const change = (next: boolean) => {
    if (busy) return;
    onOpenChange(next);
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogContent className="sm:max-w-md" onInteractOutside={(e) => busy && e.preventDefault()}>
        {open && (
          <StepUpForm
            title={title}
            description={description}
            submitLabel={submitLabel}
            busyLabel={busyLabel}
            destructive={destructive}
            run={run}
            onBusy={setBusy}
            onCancel={() => change(false)}
            onDone={(data) => {
              if (!renderResult) onOpenChange(false);
              onDone(data);
            }}
            renderResult={renderResult && ((data: T) => renderResult(data, () => change(false)))}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}

function StepUpForm<T>({
  title,
  description,
  submitLabel,
  busyLabel,
  destructive,
  run,
  onBusy,
  onCancel,
  onDone,
  renderResult,
}: {
  title: string;
  description: React.ReactNode;
  submitLabel: string;
  busyLabel?: string;
  destructive: boolean;
  run(password: string | undefined): Promise<StepUpResult<T>>;
  onBusy(busy: boolean): void;
  onCancel(): void;
  onDone(data: T): void;
  renderResult?: (data: T) => React.ReactNode;
}) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<{ data: T } | null>(null);
  const form = useForm<{ password: string }>({ defaultValues: { password: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = async ({ password }: { password: string }) => {
    if (inFlight.current) return;
    inFlight.current = true;
    onBusy(true);
    setFormError(null);
    try {
      const res = await run(password ? password : undefined);
      if (res.ok) {
        form.reset({ password: "" });
        if (renderResult) setResult({ data: res.data });
        onDone(res.data);
        return;
      }
      const fieldMessage = res.fieldErrors?.password?.[0] ?? res.fieldErrors?.totpCode?.[0];
      if (fieldMessage) form.setError("password", { message: fieldMessage }, { shouldFocus: true });
      else setFormError(res.error);
    } catch {
      setFormError(UNREACHABLE);
    } finally {
      inFlight.current = false;
      onBusy(false);
    }
  };

  // The result view brings its own DialogTitle.
  if (result && renderResult) return <div className="grid gap-5">{renderResult(result.data)}</div>;

  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      <FormField
        id={`${id}-password`}
        label="Your password"
        error={errors.password?.message}
        description="Confirms it is you. Not asked again for 5 minutes."
      >
        {(control) => <PasswordInput control={control} autoComplete="current-password" autoFocus disabled={isSubmitting} {...form.register("password")} />}
      </FormField>
      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
          {isSubmitting && <Spinner label="" />}
          {isSubmitting && busyLabel ? busyLabel : submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
