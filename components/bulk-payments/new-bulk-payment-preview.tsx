"use client";

import { useId, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { CheckCircle2, RotateCcw, Wallet } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { newIdempotencyKey } from "@/lib/client/idempotency-key";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { useScope } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import { confirmBulkUploadAction } from "@/lib/bulk-payments/actions";
import type { BulkValidation, CurrencyGroup, WalletChoice } from "@/lib/bulk-payments/constants";
import type { ConfirmBulkInput } from "@/lib/bulk-payments/schemas";
import { bulkUploadHref, walletsHref } from "@/lib/bulk-payments/uploads-contract";
import { IssuesTable } from "./bulk-issues-table";
import { Figure } from "./figure";

// --- Step 3: Preview --------------------------------------------------------------------------

/** What the batch debits from the wallet's payout balance: the fees too when the wallet bears them. */
function debitOf(group: CurrencyGroup, wallet: WalletChoice | undefined): bigint | null {
  if (!wallet) return null;
  return BigInt(group.totalAmount) + (wallet.payoutFeeBearer === "WALLET" ? BigInt(group.totalFees) : 0n);
}

function CurrencyCard({
  group,
  wallets,
  walletId,
  onWallet,
  error,
  disabled,
}: {
  group: CurrencyGroup;
  wallets: WalletChoice[];
  walletId: string | undefined;
  onWallet(id: string): void;
  error?: string;
  disabled: boolean;
}) {
  const scope = useScope();
  const id = useId();
  const c = group.currency;
  const wallet = wallets.find((w) => w.id === walletId);
  const debit = debitOf(group, wallet);
  const remaining = wallet && debit !== null ? BigInt(wallet.payoutBalance) - debit : null;
  const short = remaining !== null && remaining < 0n;
  const money = (v: bigint | string) => formatMoney(v, c);
  return (
    <Card role="region" aria-label={`Payment in ${c}`} data-testid="bulk-currency-card" data-currency={c}>
      <CardHeader className="grid gap-1.5">
        <h3 className="text-base leading-none font-semibold">{c}</h3>
        <CardDescription>
          {group.recipients.toLocaleString("en-US")} recipient{group.recipients === 1 ? "" : "s"}: one batch, paid from one wallet.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Figure term="Recipients">{group.recipients.toLocaleString("en-US")}</Figure>
          <Figure term="Total amount">{money(group.totalAmount)}</Figure>
          <Figure term="Total fees">{money(group.totalFees)}</Figure>
          <Figure term="Total debit">{debit === null ? <span className="text-muted-foreground">Choose a wallet</span> : money(debit)}</Figure>
        </dl>
        {wallets.length === 0 ? (
          <Alert variant="destructive" role="alert">
            <AlertTitle>No {c} wallet</AlertTitle>
            <AlertDescription>
              <p>There is no active {c} wallet in this environment to pay from.</p>
              <Link href={walletsHref(scope)} className="font-medium underline underline-offset-2">
                Top up wallet for {c}
              </Link>
            </AlertDescription>
          </Alert>
        ) : (
          <FormField id={id} label={`Wallet for ${c}`} error={error}>
            {(control) => (
              <NativeSelect
                {...control}
                value={walletId ?? ""}
                onChange={(e) => onWallet(e.target.value)}
                disabled={disabled}
                placeholder="Choose a wallet"
                className="w-full"
                wrapperClassName="w-full"
              >
                {wallets.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name} · {formatMoney(w.payoutBalance, w.currency)} payout balance
                  </option>
                ))}
              </NativeSelect>
            )}
          </FormField>
        )}
        {wallet && remaining !== null && (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Figure term="Payout balance">{money(wallet.payoutBalance)}</Figure>
            <Figure term="Remaining after">
              <span className={cn(short && "text-destructive dark:text-red-300")}>{money(remaining)}</span>
            </Figure>
            <Figure term="Fees paid by">{wallet.payoutFeeBearer === "WALLET" ? "The wallet" : "The recipients"}</Figure>
          </dl>
        )}
        {short && debit !== null && wallet && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>Not enough in {wallet.name}</AlertTitle>
            <AlertDescription>
              <p>
                This batch needs {money(debit)} and the payout balance is {money(wallet.payoutBalance)}: {money(-remaining!)} short.
              </p>
              <Link href={walletsHref(scope)} className="font-medium underline underline-offset-2">
                Top up wallet for {c}
              </Link>
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

type DetailsInput = Pick<ConfirmBulkInput, "name" | "description">;
// zod and the schema load when the details are first focused (or at the first validation).
const detailsResolver = zodResolverOnDemand<DetailsInput>(() => import("./bulk-details-schema").then((m) => m.bulkDetailsSchema));

/** Step 3, Preview: loaded when a file passes the check (new-bulk-payment.tsx), with react-hook-form. */
export function PreviewStep({ result, onRestart }: { result: BulkValidation; onRestart(): void }) {
  const scope = useScope();
  const router = useRouter();
  const ackId = useId();
  // One key per opened preview (crypto.randomUUID, or getRandomValues outside a secure context):
  // a double click (or a second tab) confirms once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [walletFor, setWalletFor] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      result.currencyBreakdown.flatMap((g) => {
        const list = result.wallets[g.currency] ?? [];
        return list.length === 1 ? [[g.currency, list[0].id]] : [];
      }),
    ),
  );
  const [acknowledged, setAcknowledged] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [walletErrors, setWalletErrors] = useState<Record<string, string>>({});
  const [ackError, setAckError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const form = useForm<DetailsInput>({ resolver: detailsResolver, defaultValues: { name: "", description: "" } });
  const errors = form.formState.errors;

  const groups = result.currencyBreakdown;
  const blocked = groups.some((g) => {
    const wallet = (result.wallets[g.currency] ?? []).find((w) => w.id === walletFor[g.currency]);
    const debit = debitOf(g, wallet);
    return !wallet || debit === null || BigInt(wallet.payoutBalance) < debit;
  });
  const needsAck = !!result.duplicateOf && !acknowledged;

  const onValid = async (values: DetailsInput) => {
    if (inFlight.current || blocked || needsAck || !result.uploadId) return;
    inFlight.current = true;
    setSubmitting(true);
    setFormError(null);
    setWalletErrors({});
    setAckError(null);
    const walletSelections = groups.map((g) => ({ currency: g.currency, walletId: walletFor[g.currency]! }));
    let res: Awaited<ReturnType<typeof confirmBulkUploadAction>>;
    try {
      res = await confirmBulkUploadAction({
        uploadId: result.uploadId,
        name: values.name,
        description: values.description?.trim() ? values.description : undefined,
        walletSelections,
        acknowledgeDuplicate: result.duplicateOf ? acknowledged : undefined,
        idempotencyKey,
      });
    } catch {
      res = { ok: false, error: UNREACHABLE };
    }
    inFlight.current = false;
    setSubmitting(false);
    if (res.ok) {
      toast.success(res.data.message, { description: values.name });
      router.push(bulkUploadHref(res.data.uploadId, scope));
      return;
    }
    const fe = res.fieldErrors ?? {};
    let placed = false;
    if (fe.name?.[0]) {
      form.setError("name", { message: fe.name[0] });
      placed = true;
    }
    if (fe.description?.[0]) {
      form.setError("description", { message: fe.description[0] });
      placed = true;
    }
    if (fe.acknowledgeDuplicate?.[0]) {
      setAckError(fe.acknowledgeDuplicate[0]);
      placed = true;
    }
    const byWallet: Record<string, string> = {};
    for (const [key, messages] of Object.entries(fe)) {
      const m = /^walletSelections\.(\d+)\.walletId$/.exec(key);
      const currency = m ? walletSelections[Number(m[1])]?.currency : undefined;
      if (currency && messages[0]) byWallet[currency] = messages[0];
    }
    if (Object.keys(byWallet).length) {
      setWalletErrors(byWallet);
      placed = true;
    }
    if (!placed) setFormError(res.error);
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(onValid)(e)} onFocus={detailsResolver.preload} noValidate className="grid gap-6">
      <Card role="region" aria-labelledby="bulk-preview-heading">
        <CardHeader className="grid gap-1.5">
          <h2 id="bulk-preview-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
            <CheckCircle2 className="size-4 text-success" aria-hidden /> {result.fileName} is ready
          </h2>
          <CardDescription>
            {result.totalRecords.toLocaleString("en-US")} recipient{result.totalRecords === 1 ? "" : "s"} in{" "}
            {groups.length === 1 ? "1 currency" : `${groups.length} currencies`}: one batch per currency. Nothing is paid until you process
            each batch.
          </CardDescription>
        </CardHeader>
        {(result.duplicateOf || result.warnings.length > 0) && (
          <CardContent className="grid gap-4">
            {result.duplicateOf && (
              <Alert variant="warning" role="alert">
                <AlertTitle>
                  This file was uploaded on <Timestamp value={result.duplicateOf.createdAt} /> as {result.duplicateOf.name}
                </AlertTitle>
                <AlertDescription>
                  <p>Confirming it again pays the same recipients again.</p>
                  <div className="mt-2 flex items-center gap-2">
                    <Checkbox
                      id={ackId}
                      checked={acknowledged}
                      onCheckedChange={(v) => setAcknowledged(v === true)}
                      disabled={submitting}
                      aria-describedby={ackError ? `${ackId}-error` : undefined}
                    />
                    <Label htmlFor={ackId}>Upload anyway</Label>
                  </div>
                  {ackError && (
                    <p id={`${ackId}-error`} className="text-xs font-medium text-destructive dark:text-red-300">
                      {ackError}
                    </p>
                  )}
                </AlertDescription>
              </Alert>
            )}
            {result.warnings.length > 0 && (
              <details className="rounded-md border p-3">
                <summary className="cursor-pointer text-sm font-medium">
                  {result.warnings.length.toLocaleString("en-US")} warning{result.warnings.length === 1 ? "" : "s"}: worth a look, they do not
                  stop the payment
                </summary>
                <div className="mt-3">
                  <IssuesTable rows={result.warnings.map((w) => ({ ...w, kind: "warning" }))} label="Warnings" total={result.warnings.length} />
                </div>
              </details>
            )}
          </CardContent>
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        {groups.map((g) => (
          <CurrencyCard
            key={g.currency}
            group={g}
            wallets={result.wallets[g.currency] ?? []}
            walletId={walletFor[g.currency]}
            onWallet={(id) => setWalletFor((prev) => ({ ...prev, [g.currency]: id }))}
            error={walletErrors[g.currency]}
            disabled={submitting}
          />
        ))}
      </div>

      <Card role="region" aria-labelledby="bulk-details-heading">
        <CardHeader className="grid gap-1.5">
          <h2 id="bulk-details-heading" className="text-base leading-none font-semibold">
            Details
          </h2>
          <CardDescription>How this bulk payment is listed.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset className="grid gap-4 sm:max-w-xl" disabled={submitting}>
            <FormField id="bulk-name" label="Name" required error={errors.name?.message}>
              <Input {...form.register("name")} autoComplete="off" maxLength={100} placeholder="November payroll" aria-required />
            </FormField>
            <FormField id="bulk-description" label="Description" error={errors.description?.message}>
              <Textarea {...form.register("description")} rows={2} maxLength={500} />
            </FormField>
          </fieldset>
        </CardContent>
      </Card>

      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={submitting || blocked || needsAck} aria-busy={submitting}>
          {submitting ? <Spinner label="" /> : <Wallet aria-hidden />}
          Confirm
        </Button>
        <Button type="button" variant="outline" onClick={onRestart} disabled={submitting}>
          <RotateCcw aria-hidden /> Upload a different file
        </Button>
        {(blocked || needsAck) && (
          <p className="text-sm text-muted-foreground" role="status">
            {needsAck ? 'Choose "Upload anyway" to pay this file again.' : "Choose a wallet with enough payout balance for each currency."}
          </p>
        )}
      </div>
    </form>
  );
}

