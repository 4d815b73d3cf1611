"use client";

import { useRef, useState } from "react";
import { useForm, type UseFormRegisterReturn } from "react-hook-form";
import { Send } from "lucide-react";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, type FieldControlProps } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { toast } from "@/components/ui/toaster";
import { useRefreshScope, useScope } from "@/components/shell/scope-context";
import { newIdempotencyKey } from "@/lib/client/idempotency-key";
import { createCollectionAction } from "@/lib/engine/actions";
import type { CreatedTransaction } from "@/lib/engine/new-transaction";
import { COLLECTION_METHODS } from "@/lib/engine/collection-methods";
import type { NewCollectionInput } from "@/lib/engine/schemas";
import { formatMoney, parseAmount } from "@/lib/money";
import { cn } from "@/lib/utils";
import { networksOf } from "@/lib/engine/networks";
import { MobileRecipientFields, recipientLabel, type MobileRecipient } from "./customer-search";
import { trackTransaction } from "./tracked-transactions";
import { placeFieldErrors } from "@/lib/client/place-field-errors";
import { FormFooter } from "@/components/ui/form-dialog";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { QueryProvider } from "@/components/shell/query-provider";

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A reference like the server makes (8 alphanumerics, each equally likely), for the forms to pre-fill. */
export function newReference(length = 8): string {
  let out = "";
  while (out.length < length) {
    // 62 × 4 = 248: bytes ≥ 248 are dropped so every character is equally likely.
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) if (b < 248 && out.length < length) out += ALPHANUMERIC[b % 62];
  }
  return out;
}

/** Empty optional fields are left out of what the action receives. */
export function withoutEmpty<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => !(typeof v === "string" && v.trim() === ""))) as T;
}

/**
 * The customer a dialog opens for (the customer detail page's "Request payment" / "Send money"):
 * the form starts with them selected, as if picked in the customer search.
 */
export interface DefaultCustomer {
  id: string;
  /** First and last name, or null when the customer has none. */
  name: string | null;
  /** E.164. */
  phoneNumber: string;
  network: string;
  customerKey?: string;
}

/** The recipient a form starts with: the default customer selected (their network when the country has it), or nobody. */
export function initialRecipient(customer: DefaultCustomer | undefined, country: string): MobileRecipient {
  if (!customer) return { customer: null, phoneNumber: "", network: "" };
  return {
    customer: {
      id: customer.id,
      customerKey: customer.customerKey ?? "",
      name: customer.name,
      phoneNumber: customer.phoneNumber,
      network: customer.network,
    },
    phoneNumber: "",
    network: networksOf(country).includes(customer.network) ? customer.network : "",
  };
}

/** The action's schema (and zod) load on first validation; the form starts the download when focused. */
const resolver = zodResolverOnDemand<NewCollectionInput>(() => import("@/lib/engine/schemas").then((m) => m.newCollectionSchema));

/** The field names a server refusal may name that this form shows under a field. */
const COLLECTION_FIELDS = ["customerId", "phoneNumber", "network", "amount", "referenceId", "description", "callbackUrl"] as const;

export function NewCollectionForm(props: React.ComponentProps<typeof NewCollectionFormBody>) {
  return (
    // React Query comes with this module, not with the page (lib/client/query-client.ts).
    <QueryProvider>
      <NewCollectionFormBody {...props} />
    </QueryProvider>
  );
}

function NewCollectionFormBody({
  walletId,
  defaultCustomer,
  onBusy,
  onCancel,
  onDone,
}: {
  walletId?: string;
  defaultCustomer?: DefaultCustomer;
  onBusy(busy: boolean): void;
  onCancel(): void;
  onDone(): void;
}) {
  const { market, environment } = useScope();
  const refreshScope = useRefreshScope();
  const country = market.country;
  const currency = market.currency;
  // Made once when the dialog opens: a double click or a retry requests the payment once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [initialReference] = useState(() => newReference());
  const [recipient, setRecipientState] = useState<MobileRecipient>(() => initialRecipient(defaultCustomer, country));
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<NewCollectionInput>({
    resolver,
    defaultValues: {
      walletId,
      customerId: recipient.customer?.id ?? "",
      phoneNumber: recipient.phoneNumber,
      network: recipient.network,
      amount: "",
      referenceId: initialReference,
      description: "",
      callbackUrl: "",
      idempotencyKey,
    },
  });
  const errors = form.formState.errors;

  const setRecipient = (next: MobileRecipient) => {
    setRecipientState(next);
    form.setValue("customerId", next.customer?.id ?? "");
    form.setValue("phoneNumber", next.phoneNumber);
    form.setValue("network", next.network);
    form.clearErrors(["customerId", "phoneNumber", "network"]);
    setFormError(null);
  };

  const done = (tx: CreatedTransaction) => {
    const who = recipientLabel(recipient) ?? "the customer";
    toast.success(`Payment request sent to ${who}`, {
      description: `${formatMoney(tx.amount, tx.currency)} · reference ${tx.referenceId}. ${tx.message}`,
    });
    trackTransaction({ id: tx.id, kind: "collection", label: `${formatMoney(tx.amount, tx.currency)} from ${who}` });
    refreshScope();
    onDone();
  };

  const onValid = async (values: NewCollectionInput) => {
    if (inFlight.current) return;
    setFormError(null);
    const parsed = parseAmount(values.amount ?? "", currency);
    if (!parsed.ok) {
      form.setError("amount", { message: parsed.error });
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    onBusy(true);
    try {
      const res = await createCollectionAction({ ...withoutEmpty(values), amount: values.amount, idempotencyKey });
      if (res.ok) {
        onBusy(false);
        done(res.data);
        return;
      }
      if (!placeFieldErrors(form.setError, COLLECTION_FIELDS, res.fieldErrors)) setFormError(res.error);
    } catch {
      setFormError("Could not reach the server. Try again: the same request is safe to repeat, it will not be sent twice.");
    } finally {
      inFlight.current = false;
      setSubmitting(false);
      onBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(onValid)(e)} onFocus={resolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>New Collection</DialogTitle>
        <DialogDescription>Ask a customer to pay: they confirm the payment on their phone.</DialogDescription>
      </DialogHeader>

      <MobileRecipientFields
        idPrefix="collection"
        country={country}
        value={recipient}
        onChange={setRecipient}
        errors={{ customerId: errors.customerId?.message, phoneNumber: errors.phoneNumber?.message, network: errors.network?.message }}
        disabled={submitting}
      />

      <fieldset className="grid gap-4" disabled={submitting}>
        <AmountField id="collection-amount" currency={currency} error={errors.amount?.message} register={form.register("amount")} />
        <FormField id="collection-reference" label="Reference" error={errors.referenceId?.message} description="Generated for you; you can change it">
          <Input {...form.register("referenceId")} autoComplete="off" className="font-mono" />
        </FormField>
        <FormField id="collection-description" label="Description" error={errors.description?.message} description="Optional">
          <Input {...form.register("description")} autoComplete="off" />
        </FormField>
        <FormField
          id="collection-callback"
          label="Callback URL"
          error={errors.callbackUrl?.message}
          description="Optional: we post the final status here"
        >
          <Input {...form.register("callbackUrl")} type="url" inputMode="url" autoComplete="off" placeholder="https://example.com/webhooks" />
        </FormField>
      </fieldset>

      <CollectionMethod sandbox={environment === "sandbox"} />

      <FormFooter error={formError} submitting={submitting} onCancel={onCancel} icon={<Send aria-hidden />} submitLabel="Request payment" busyLabel="Requesting…" />
    </form>
  );
}

/** "Amount" with the currency code beside it; what is typed stays text (parsed against the currency). */
export function AmountField({
  id,
  currency,
  error,
  register,
}: {
  id: string;
  currency: string;
  error?: string;
  register: UseFormRegisterReturn;
}) {
  return (
    <FormField id={id} label="Amount" error={error}>
      {(control: FieldControlProps) => (
        <div className="relative">
          <Input
            {...register}
            {...control}
            aria-describedby={[control["aria-describedby"], `${id}-currency`].filter(Boolean).join(" ")}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            className="pr-14 tabular-nums"
          />
          <span id={`${id}-currency`} className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-sm font-medium text-muted-foreground">
            {currency}
          </span>
        </div>
      )}
    </FormField>
  );
}

/** Mobile money (STK push) is the one method; bank checkout and card are listed, not offered. */
function CollectionMethod({ sandbox }: { sandbox: boolean }) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-semibold">Method</legend>
      <RadioGroup value="MOBILE_MONEY" aria-label="Method" className="gap-2">
        {COLLECTION_METHODS.map((m) => {
          const id = `collection-method-${m.value.toLowerCase()}`;
          return (
            <div key={m.value} className={cn("flex items-start gap-3 rounded-lg border p-3", m.enabled ? "border-primary bg-primary/5" : "opacity-70")}>
              <RadioGroupItem value={m.value} id={id} disabled={!m.enabled} aria-describedby={m.enabled ? undefined : `${id}-hint`} className="mt-0.5" />
              <div className="grid gap-1">
                <Label htmlFor={id}>{m.label}</Label>
                {!m.enabled && (
                  <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                    {sandbox ? "Not enabled in the sandbox" : "Not enabled for your account"}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </RadioGroup>
    </fieldset>
  );
}
