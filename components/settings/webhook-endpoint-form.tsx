"use client";

import { useId, useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { Save } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { updateWebhookSettingsAction } from "@/lib/webhooks/actions";
import { EVENT_LABEL, SETTLEMENT_EVENTS, TRANSACTION_EVENTS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import type { WebhookSettingsView } from "@/lib/webhooks/get-webhook-settings";
import type { updateWebhookSettingsSchema } from "@/lib/webhooks/schemas";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

type FormIn = z.input<typeof updateWebhookSettingsSchema>;
type FormOut = z.output<typeof updateWebhookSettingsSchema>;

/** The action's schema (and zod) load on first validation; the form starts the download when focused. */
const resolver = zodResolverOnDemand<FormIn, unknown, FormOut>(() => import("@/lib/webhooks/schemas").then((m) => m.updateWebhookSettingsSchema));

const KNOWN = new Set<string>(WEBHOOK_EVENTS);
const valuesOf = (s: WebhookSettingsView): FormIn => ({ url: s.url ?? "", events: s.events.filter((e): e is WebhookEvent => KNOWN.has(e)) });

/** One group of event checkboxes; each is named by its label, the event's name in mono describes it. */
function EventGroup({
  id,
  legend,
  hint,
  events,
  value,
  onChange,
  disabled,
}: {
  id: string;
  legend: string;
  hint: string;
  events: readonly WebhookEvent[];
  value: WebhookEvent[];
  onChange(next: WebhookEvent[]): void;
  disabled: boolean;
}) {
  const set = (event: WebhookEvent, on: boolean) => onChange(on ? [...value.filter((e) => e !== event), event] : value.filter((e) => e !== event));
  const all = events.every((e) => value.includes(e));
  const setAll = (on: boolean) => onChange(on ? [...new Set([...value, ...events])] : value.filter((e) => !events.includes(e)));
  return (
    <fieldset className="grid content-start gap-3 rounded-lg border p-4" disabled={disabled}>
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className="-mt-1 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">{hint}</p>
        <Button type="button" variant="link" size="sm" className="h-auto px-0" onClick={() => setAll(!all)} aria-label={`${all ? "Clear" : "Select"} all ${legend.toLowerCase()}`}>
          {all ? "Clear all" : "Select all"}
        </Button>
      </div>
      <ul className="grid gap-2.5">
        {events.map((event) => {
          const base = `${id}-${event.replace(/\./g, "-")}`;
          return (
            <li key={event} className="flex items-start gap-2.5">
              <Checkbox
                id={base}
                checked={value.includes(event)}
                onCheckedChange={(v) => set(event, v === true)}
                aria-labelledby={`${base}-label`}
                aria-describedby={`${base}-name`}
                className="mt-0.5"
              />
              <label htmlFor={base} className="grid cursor-pointer gap-0.5 leading-tight">
                <span id={`${base}-label`} className="text-sm">
                  {EVENT_LABEL[event]}
                </span>
                <code id={`${base}-name`} className="font-mono text-xs text-muted-foreground">
                  {event}
                </code>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * The endpoint and its events (Settings → Webhooks): the URL (https in production; the server
 * refuses private, loopback and link-local addresses and says so under the field), transaction
 * events on by default, settlement events opt-in. Saved with the action's own schema.
 */
export function WebhookEndpointForm({ settings, onSaved }: { settings: WebhookSettingsView; onSaved(next: WebhookSettingsView): void }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({ resolver, defaultValues: valuesOf(settings) });
  const { errors, isSubmitting, isDirty } = form.formState;

  const submit = async (values: FormOut) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setFormError(null);
    try {
      const res = await updateWebhookSettingsAction(values);
      if (res.ok) {
        form.reset(valuesOf(res.data));
        onSaved(res.data);
        toast.success("Webhook settings saved");
        return;
      }
      let placed = false;
      for (const [key, messages] of Object.entries(res.fieldErrors ?? {})) {
        const field = key.split(".")[0];
        if ((field === "url" || field === "events") && messages[0]) {
          form.setError(field, { message: messages[0] }, { shouldFocus: field === "url" });
          placed = true;
        }
      }
      if (!placed) setFormError(res.error);
    } catch {
      setFormError(UNREACHABLE);
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} onFocus={resolver.preload} noValidate className="grid gap-5" aria-label="Webhook endpoint">
      <FormField
        id={`${id}-url`}
        label="Webhook URL"
        error={errors.url?.message}
        description={
          settings.requireHttps
            ? "https required in production. Leave empty to stop sending signed events here."
            : "https required in production (http is accepted in the Sandbox). Leave empty to stop sending signed events here."
        }
      >
        <Input
          type="url"
          inputMode="url"
          placeholder="https://example.com/webhooks/kotani"
          autoComplete="off"
          spellCheck={false}
          className="font-mono text-sm"
          disabled={isSubmitting}
          {...form.register("url")}
        />
      </FormField>

      <Controller
        control={form.control}
        name="events"
        render={({ field }) => (
          <div className="grid gap-4 lg:grid-cols-2">
            <EventGroup
              id={`${id}-tx`}
              legend="Transaction events"
              hint="On by default: every status change of your transactions."
              events={TRANSACTION_EVENTS}
              value={field.value}
              onChange={field.onChange}
              disabled={isSubmitting}
            />
            <EventGroup
              id={`${id}-st`}
              legend="Settlement events (opt-in)"
              hint="Off unless you tick them: settlements and settlement batches."
              events={SETTLEMENT_EVENTS}
              value={field.value}
              onChange={field.onChange}
              disabled={isSubmitting}
            />
          </div>
        )}
      />
      {errors.events?.message && <p className="text-xs font-medium text-destructive dark:text-red-300">{errors.events.message}</p>}

      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
          {isSubmitting ? <Spinner label="" /> : <Save aria-hidden />}
          Save webhook settings
        </Button>
        {isDirty && !isSubmitting && <span className="text-xs text-muted-foreground">Unsaved changes</span>}
      </div>
    </form>
  );
}
