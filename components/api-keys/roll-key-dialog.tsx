"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import { PasswordInput } from "@/components/auth/password-input";
import { FormDialog, FormFooter, type FormDialogFormProps } from "@/components/ui/form-dialog";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Timestamp } from "@/components/shell/timezone";
import { rollApiKeyAction } from "@/lib/api-keys/actions";
import type { ApiKeyDto } from "@/lib/api-keys/api-key-dto";
import { ROLL_GRACE_MAX_DAYS } from "@/lib/api-keys/schemas";
import { UNREACHABLE_MESSAGE } from "@/lib/client/run-action";
import { KeyCreatedPanel } from "./key-created-panel";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long the old key keeps working. The server accepts now … now + 7 days by its own clock:
 * "Immediately" is a minute from now and "7 days" a minute short of it, so a request that takes a
 * moment (or a clock a little off) is not refused.
 */
const GRACE_PERIODS = [
  { value: "now", label: "Immediately", ms: MINUTE },
  { value: "1h", label: "1 hour", ms: HOUR },
  { value: "24h", label: "24 hours", ms: DAY },
  { value: "3d", label: "3 days", ms: 3 * DAY },
  { value: "7d", label: `${ROLL_GRACE_MAX_DAYS} days`, ms: ROLL_GRACE_MAX_DAYS * DAY - MINUTE },
] as const;
type Grace = (typeof GRACE_PERIODS)[number]["value"];

interface Values {
  grace: Grace;
  password: string;
}

const FIELD_OF: Record<string, keyof Values> = { oldKeyExpiresAt: "grace", password: "password", totpCode: "password" };

export interface RollKeyFormProps {
  apiKey: Pick<ApiKeyDto, "id" | "name">;
}

/** "Roll": a new key replaces this one; the old one works until the chosen time. Controlled by the row menu. */
export function RollKeyDialog({ apiKey, open, onOpenChange }: RollKeyFormProps & { open: boolean; onOpenChange(open: boolean): void }) {
  return (
    <FormDialog<RollKeyFormProps>
      label="Roll"
      Form={RollKeyForm}
      formProps={{ apiKey }}
      contentClassName="sm:max-w-lg"
      open={open}
      onOpenChange={onOpenChange}
    />
  );
}

function RollKeyForm({ apiKey, onBusy, onCancel, onDone }: RollKeyFormProps & FormDialogFormProps) {
  const router = useRouter();
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [rolled, setRolled] = useState<{ secretKey: string; signingSecret: string | null; oldUntil: string | null } | null>(null);
  const form = useForm<Values>({ defaultValues: { grace: "24h", password: "" } });
  const { errors } = form.formState;
  const submitting = form.formState.isSubmitting;

  const submit = async (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    onBusy(true);
    setFormError(null);
    try {
      const ms = GRACE_PERIODS.find((g) => g.value === values.grace)?.ms ?? DAY;
      const res = await rollApiKeyAction({
        keyId: apiKey.id,
        oldKeyExpiresAt: new Date(Date.now() + ms).toISOString(),
        ...(values.password ? { password: values.password } : {}),
      });
      if (res.ok) {
        form.setValue("password", "");
        setRolled({ secretKey: res.data.secretKey, signingSecret: res.data.signingSecret, oldUntil: res.data.old.expiresAt });
        router.refresh();
        return;
      }
      let placed = false;
      for (const [key, messages] of Object.entries(res.fieldErrors ?? {})) {
        const field = FIELD_OF[key.split(".")[0] ?? ""];
        if (field && messages[0]) {
          form.setError(field, { message: messages[0] });
          placed = true;
        }
      }
      if (!placed) setFormError(res.error);
    } catch {
      setFormError(UNREACHABLE_MESSAGE);
    } finally {
      inFlight.current = false;
      onBusy(false);
    }
  };

  if (rolled) {
    return (
      <KeyCreatedPanel
        description={
          <>
            {apiKey.name} was rolled.{" "}
            {rolled.oldUntil ? (
              <>
                The old key keeps working until <Timestamp value={rolled.oldUntil} />.
              </>
            ) : (
              "The old key keeps working for now."
            )}
          </>
        }
        secretKey={rolled.secretKey}
        signingSecret={rolled.signingSecret}
        onDone={() => {
          router.refresh();
          onDone();
        }}
      />
    );
  }

  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Roll {apiKey.name}</DialogTitle>
        <DialogDescription>
          A new key replaces this one. The old key keeps working until the time you choose (at most {ROLL_GRACE_MAX_DAYS} days).
        </DialogDescription>
      </DialogHeader>
      <fieldset className="grid gap-4" disabled={submitting}>
        <FormField id={`${idp}-grace`} label="Old key keeps working" error={errors.grace?.message}>
          {(control) => (
            <Controller
              control={form.control}
              name="grace"
              render={({ field }) => (
                <Select value={field.value} onValueChange={field.onChange} disabled={submitting}>
                  <SelectTrigger {...control} className="w-full sm:w-60">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {GRACE_PERIODS.map((g) => (
                      <SelectItem key={g.value} value={g.value}>
                        {g.label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            />
          )}
        </FormField>
        <FormField
          id={`${idp}-password`}
          label="Your password"
          error={errors.password?.message}
          description="Needed to roll a key. Not asked again for 5 minutes."
        >
          {(control) => <PasswordInput control={control} autoComplete="current-password" {...form.register("password")} />}
        </FormField>
      </fieldset>
      <FormFooter error={formError} submitting={submitting} onCancel={onCancel} submitLabel="Roll key" busyLabel="Rolling…" />
    </form>
  );
}
