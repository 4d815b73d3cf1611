"use client";

import { useRef, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowLeft, ArrowUpFromLine, Send } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { useRefreshScope, useScope, useScopeKey } from "@/components/shell/scope-context";
import { newIdempotencyKey } from "@/lib/client/idempotency-key";
import { fetchJson, listQueryKey } from "@/lib/client/fetch-json";
import { sendMoneyAction } from "@/lib/engine/actions";
import { banksOf, findBank } from "@/lib/engine/banks";
import type { CreatedTransaction } from "@/lib/engine/new-transaction";
import type { PayoutQuote } from "@/lib/engine/quote-payout";
import { PAYOUT_CHANNEL_LABEL, payoutChannelsOf, type PayoutChannel } from "@/lib/engine/payout-channels";
import type { SendMoneyInput } from "@/lib/engine/schemas";
import { formatMoney, parseAmount } from "@/lib/money";
import { cn } from "@/lib/utils";
import { MobileRecipientFields, recipientLabel, useDebouncedValue, type MobileRecipient } from "./customer-search";
import { AmountField, initialRecipient, newReference, withoutEmpty, type DefaultCustomer } from "./new-collection-form";
import { trackTransaction } from "./tracked-transactions";
import { placeFieldErrors } from "@/lib/client/place-field-errors";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { QueryProvider } from "@/components/shell/query-provider";

/** The action's schema (and zod) load on first validation; the form starts the download when focused. */
const resolver = zodResolverOnDemand<SendMoneyInput>(() => import("@/lib/engine/schemas").then((m) => m.sendMoneySchema));

/** The field names a server refusal may name that this form shows under a field. */
const PAYOUT_FIELDS = [
  "channel", "customerId", "phoneNumber", "network", "bankCode", "accountNumber", "accountName", "shortCode", "accountReference", "amount", "referenceId", "description",
] as const;

/** The recipient fields each channel sends; the others are left out (and cleared on a channel change). */
const CHANNEL_FIELDS: Record<PayoutChannel, readonly (keyof SendMoneyInput)[]> = {
  MOBILE_MONEY: ["customerId", "phoneNumber", "network"],
  BANK: ["bankCode", "accountNumber", "accountName"],
  LIPA_NA_MPESA: ["shortCode"],
  PAYBILL: ["shortCode", "accountReference"],
};
const OTHER_CHANNEL_FIELDS = ["bankCode", "accountNumber", "accountName", "shortCode", "accountReference"] as const;

/** The Send Money form (loaded when the dialog opens: components/engine/send-money-dialog.tsx). */
export function SendMoneyForm(props: React.ComponentProps<typeof SendMoneyFormBody>) {
  return (
    // React Query comes with this module, not with the page (lib/client/query-client.ts).
    <QueryProvider>
      <SendMoneyFormBody {...props} />
    </QueryProvider>
  );
}

function SendMoneyFormBody({
  walletId,
  defaultCustomer,
  onBusy,
  onCancel,
  onDone,
}: {
  walletId?: string;
  /** Opens with this customer selected as the mobile-money recipient (a customer's "Send money"). */
  defaultCustomer?: DefaultCustomer;
  onBusy(busy: boolean): void;
  onCancel(): void;
  onDone(): void;
}) {
  const { market } = useScope();
  const scopeKey = useScopeKey();
  const refreshScope = useRefreshScope();
  const country = market.country;
  const currency = market.currency;
  const channels = payoutChannelsOf(country);
  const banks = banksOf(country);
  // Made once when the dialog opens: a double click or a retry sends the money once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [initialReference] = useState(() => newReference());
  const [recipient, setRecipientState] = useState<MobileRecipient>(() => initialRecipient(defaultCustomer, country));
  const [reviewed, setReviewed] = useState<SendMoneyInput | null>(null);
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<SendMoneyInput>({
    resolver,
    defaultValues: {
      walletId,
      channel: "MOBILE_MONEY",
      customerId: recipient.customer?.id ?? "",
      phoneNumber: recipient.phoneNumber,
      network: recipient.network,
      bankCode: "",
      accountNumber: "",
      accountName: "",
      shortCode: "",
      accountReference: "",
      amount: "",
      referenceId: initialReference,
      description: "",
      idempotencyKey,
    },
  });
  const errors = form.formState.errors;
  const channel = useWatch({ control: form.control, name: "channel" });
  const amountText = (useWatch({ control: form.control, name: "amount" }) ?? "").trim();
  const debouncedAmount = useDebouncedValue(amountText, 250);
  // On the review step the preview is for exactly what is about to be sent.
  const quoteAmount = reviewed ? reviewed.amount.trim() : debouncedAmount;
  const quoteChannel = reviewed?.channel ?? channel;

  const quote = useQuery({
    queryKey: listQueryKey(scopeKey, "payouts", "quote", walletId ?? "", quoteChannel, quoteAmount),
    queryFn: ({ signal }) =>
      fetchJson<PayoutQuote>(`/api/payouts/quote?${new URLSearchParams({ ...(walletId ? { walletId } : {}), channel: quoteChannel, amount: quoteAmount })}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    retry: false,
  });
  const quoteIsCurrent = !!quote.data && !quote.isPlaceholderData && quoteAmount === amountText;

  const setRecipient = (next: MobileRecipient) => {
    setRecipientState(next);
    form.setValue("customerId", next.customer?.id ?? "");
    form.setValue("phoneNumber", next.phoneNumber);
    form.setValue("network", next.network);
    form.clearErrors(["customerId", "phoneNumber", "network"]);
    setFormError(null);
  };

  const setChannel = (next: PayoutChannel) => {
    form.setValue("channel", next);
    for (const f of OTHER_CHANNEL_FIELDS) form.setValue(f, "");
    form.clearErrors();
    setFormError(null);
  };

  /** "Review": checks the form (and the amount against the preview) and shows the summary. */
  const onReview = (values: SendMoneyInput) => {
    setFormError(null);
    const parsed = parseAmount(values.amount ?? "", currency);
    if (!parsed.ok) {
      form.setError("amount", { message: parsed.error });
      return;
    }
    if (quoteIsCurrent && quote.data?.error) {
      form.setError("amount", { message: quote.data.error });
      return;
    }
    setReviewed(values);
  };

  const recipientText = (v: SendMoneyInput): string => {
    switch (v.channel) {
      case "MOBILE_MONEY":
        return recipientLabel(recipient) ?? "the customer";
      case "BANK":
        return `${v.accountName} · ${findBank(country, v.bankCode ?? "")?.name ?? v.bankCode} ${v.accountNumber}`;
      case "LIPA_NA_MPESA":
        return `till ${v.shortCode}`;
      case "PAYBILL":
        return `paybill ${v.shortCode}, account ${v.accountReference}`;
    }
  };

  const done = (tx: CreatedTransaction, to: string) => {
    const amount = formatMoney(tx.amount, tx.currency);
    const description = `${amount} to ${to} · reference ${tx.referenceId}. ${tx.message}`;
    if (tx.status === "AWAITING_APPROVAL") toast.info("Payout waiting for approval", { description });
    else toast.success(`Payout of ${amount} sent`, { description });
    trackTransaction({ id: tx.id, kind: "payout", label: `${amount} to ${to}` });
    refreshScope();
    onDone();
  };

  const send = async () => {
    if (!reviewed || inFlight.current) return;
    setFormError(null);
    inFlight.current = true;
    setSubmitting(true);
    onBusy(true);
    try {
      const fields = CHANNEL_FIELDS[reviewed.channel];
      const recipientFields = Object.fromEntries(fields.map((f) => [f, reviewed[f]]));
      const payload = withoutEmpty({
        walletId,
        channel: reviewed.channel,
        ...recipientFields,
        amount: reviewed.amount,
        referenceId: reviewed.referenceId,
        description: reviewed.description,
      });
      const res = await sendMoneyAction({ ...payload, channel: reviewed.channel, amount: reviewed.amount, idempotencyKey });
      if (res.ok) {
        onBusy(false);
        done(res.data, recipientText(reviewed));
        return;
      }
      // A field refused: back to the form, the message under the field to fix.
      if (placeFieldErrors(form.setError, PAYOUT_FIELDS, res.fieldErrors)) setReviewed(null);
      else setFormError(res.error);
    } catch {
      setFormError("Could not reach the server. Try again: the same request is safe to repeat, the money will not be sent twice.");
    } finally {
      inFlight.current = false;
      setSubmitting(false);
      onBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(onReview)(e)} onFocus={resolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Send Money</DialogTitle>
        <DialogDescription>
          {reviewed ? "Check the payout before sending it." : "Pay out from your payout balance to a phone, a bank account, a till or a paybill."}
        </DialogDescription>
      </DialogHeader>

      {reviewed ? (
        <section aria-label="Payout summary" className="rounded-lg border p-4 text-sm">
          <h3 className="mb-2 font-semibold">Summary</h3>
          <dl className="grid gap-1.5">
            <Row term="Send to" value={PAYOUT_CHANNEL_LABEL[reviewed.channel]} />
            <Row term="Recipient" value={recipientText(reviewed)} />
            <Row term="Amount" value={formatMoney(parseAmountOrZero(reviewed.amount, currency), currency)} />
            <Row term="Reference" value={reviewed.referenceId || "Generated on sending"} />
            {reviewed.description && <Row term="Description" value={reviewed.description} />}
          </dl>
        </section>
      ) : (
        <>
          <fieldset className="grid gap-2" disabled={submitting}>
            <legend className="mb-1 text-sm font-semibold">Send to</legend>
            <RadioGroup value={channel} onValueChange={(v) => setChannel(v as PayoutChannel)} aria-label="Send to" className="grid-cols-2 gap-2">
              {channels.map((c) => {
                const id = `payout-channel-${c.toLowerCase()}`;
                return (
                  <div key={c} className={cn("flex items-center gap-2 rounded-lg border p-3", channel === c && "border-primary bg-primary/5")}>
                    <RadioGroupItem value={c} id={id} />
                    <Label htmlFor={id} className="cursor-pointer">
                      {PAYOUT_CHANNEL_LABEL[c]}
                    </Label>
                  </div>
                );
              })}
            </RadioGroup>
            {errors.channel?.message && <p className="text-xs font-medium text-destructive dark:text-red-300">{errors.channel.message}</p>}
          </fieldset>

          {channel === "MOBILE_MONEY" && (
            <MobileRecipientFields
              idPrefix="payout"
              country={country}
              value={recipient}
              onChange={setRecipient}
              errors={{ customerId: errors.customerId?.message, phoneNumber: errors.phoneNumber?.message, network: errors.network?.message }}
              disabled={submitting}
            />
          )}
          {channel === "BANK" && (
            <fieldset className="grid gap-4" disabled={submitting}>
              <legend className="mb-1 text-sm font-semibold">Bank account</legend>
              <FormField id="payout-bank" label="Bank" error={errors.bankCode?.message}>
                {(control) => (
                  <Controller
                    control={form.control}
                    name="bankCode"
                    render={({ field }) => (
                      <Select value={field.value ?? ""} onValueChange={field.onChange}>
                        <SelectTrigger {...control} className="w-full">
                          <SelectValue placeholder="Choose the bank" />
                        </SelectTrigger>
                        <SelectContent>
                          {banks.map((b) => (
                            <SelectItem key={b.code} value={b.code}>
                              {b.name}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                    )}
                  />
                )}
              </FormField>
              <FormField id="payout-account-number" label="Account number" error={errors.accountNumber?.message}>
                <Input {...form.register("accountNumber")} autoComplete="off" className="font-mono" />
              </FormField>
              <FormField id="payout-account-name" label="Account name" error={errors.accountName?.message} description="The account holder's name">
                <Input {...form.register("accountName")} autoComplete="off" />
              </FormField>
            </fieldset>
          )}
          {channel === "LIPA_NA_MPESA" && (
            <FormField id="payout-till" label="Till number" error={errors.shortCode?.message} description="The business's Lipa na M-Pesa till (5 to 7 digits)">
              <Input {...form.register("shortCode")} inputMode="numeric" autoComplete="off" className="font-mono" disabled={submitting} />
            </FormField>
          )}
          {channel === "PAYBILL" && (
            <fieldset className="grid gap-4" disabled={submitting}>
              <legend className="mb-1 text-sm font-semibold">Paybill</legend>
              <FormField id="payout-paybill" label="Paybill number" error={errors.shortCode?.message} description="5 to 7 digits">
                <Input {...form.register("shortCode")} inputMode="numeric" autoComplete="off" className="font-mono" />
              </FormField>
              <FormField id="payout-paybill-account" label="Account number" error={errors.accountReference?.message} description="The account at the paybill">
                <Input {...form.register("accountReference")} autoComplete="off" />
              </FormField>
            </fieldset>
          )}

          <fieldset className="grid gap-4" disabled={submitting}>
            <AmountField id="payout-amount" currency={currency} error={errors.amount?.message} register={form.register("amount")} />
            <FormField id="payout-reference" label="Reference" error={errors.referenceId?.message} description="Generated for you; you can change it">
              <Input {...form.register("referenceId")} autoComplete="off" className="font-mono" />
            </FormField>
            <FormField id="payout-description" label="Description" error={errors.description?.message} description="Optional">
              <Input {...form.register("description")} autoComplete="off" />
            </FormField>
          </fieldset>
        </>
      )}

      <QuotePreview quote={quote.data} loading={quote.isFetching} failure={quote.error?.message} hasAmount={quoteAmount !== ""} currency={currency} />

      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}

      <DialogFooter>
        {reviewed ? (
          <>
            <Button type="button" variant="outline" onClick={() => setReviewed(null)} disabled={submitting}>
              <ArrowLeft aria-hidden /> Back
            </Button>
            <Button type="button" onClick={() => void send()} disabled={submitting} aria-busy={submitting}>
              {submitting ? <Spinner label="" /> : <Send aria-hidden />}
              {submitting ? "Sending…" : "Confirm and send"}
            </Button>
          </>
        ) : (
          <>
            <Button type="button" variant="outline" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit">
              <ArrowUpFromLine aria-hidden /> Review
            </Button>
          </>
        )}
      </DialogFooter>
    </form>
  );
}

function parseAmountOrZero(text: string, currency: string): bigint {
  const parsed = parseAmount(text, currency);
  return parsed.ok ? parsed.minor : 0n;
}

function Row({ term, value, testId }: { term: string; value: React.ReactNode; testId?: string }) {
  return (
    <div className="flex items-center justify-between gap-4">
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="text-right font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** The live preview: fee, what the recipient gets, the total debit and the payout balance now and after. */
function QuotePreview({
  quote,
  loading,
  failure,
  hasAmount,
  currency,
}: {
  quote: PayoutQuote | undefined;
  loading: boolean;
  failure?: string;
  hasAmount: boolean;
  currency: string;
}) {
  const cur = quote?.currency ?? currency;
  const money = (v: string | undefined) => (hasAmount && v !== undefined ? formatMoney(v, cur) : "—");
  const after = hasAmount && quote?.balanceAfter !== undefined ? BigInt(quote.balanceAfter) : null;
  return (
    <section aria-label="Payout preview" aria-live="polite" aria-busy={loading} className="rounded-lg border border-info/40 bg-info/10 p-4 text-sm">
      <h3 className="mb-2 flex items-center gap-2 font-semibold">
        Preview {loading && <Spinner label="" className="size-3.5" />}
      </h3>
      {failure && !quote ? (
        <p className="text-destructive dark:text-red-300">{failure}</p>
      ) : (
        <>
          <dl className="grid gap-1.5">
            <Row term="Fee" value={money(quote?.fee)} testId="preview-fee" />
            <Row term="Recipient gets" value={money(quote?.transactionAmount)} testId="preview-recipient-gets" />
            <Row term="Total debit" value={money(quote?.totalDebit)} testId="preview-total-debit" />
            <Row term="Payout balance" value={quote ? formatMoney(quote.payoutBalance, cur) : "—"} testId="preview-payout-balance" />
            <Row
              term="Balance after"
              value={<span className={cn(after !== null && after < 0n && "text-destructive dark:text-red-300")}>{money(quote?.balanceAfter)}</span>}
              testId="preview-balance-after"
            />
          </dl>
          {hasAmount && quote?.error && <p className="mt-2 font-medium text-destructive dark:text-red-300">{quote.error}</p>}
          {hasAmount && quote?.needsApproval && quote.approvalThreshold !== null && (
            <p className="mt-2 font-medium text-warning">
              Needs approval by another member (threshold {formatMoney(quote.approvalThreshold, cur)})
            </p>
          )}
          {failure && <p className="mt-2 text-destructive dark:text-red-300">{failure}</p>}
        </>
      )}
    </section>
  );
}
