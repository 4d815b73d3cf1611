"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { useQuery } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import { transferDepositBalanceAction } from "@/lib/wallets/actions";
import { parseAmount } from "@/lib/money";
import type { TransferFormInput } from "@/lib/wallets/schemas";
import type { TransferResult, WalletDto } from "@/lib/wallets/types";
import { FormFooter } from "@/components/ui/form-dialog";
import { useScopeKey } from "@/components/shell/scope-context";
import { fetchWalletsOverview, walletsKey } from "./api";
import { newIdempotencyKey } from "@/lib/client/idempotency-key";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { QueryProvider } from "@/components/shell/query-provider";

/** The action's schema (and zod) load on first validation; the form starts the download when focused. */
const resolver = zodResolverOnDemand<TransferFormInput>(() => import("@/lib/wallets/schemas").then((m) => m.transferFormSchema));

// Kept here too: the money forms import it from this module.

interface TransferDialogProps {
  wallet: WalletDto;
  open: boolean;
  onOpenChange(open: boolean): void;
  onTransferred(result: TransferResult): void;
}

/** Transfer Deposit Balance: deposit → main balance, entire or a specific amount, with a live preview. */
export function TransferDialog(props: React.ComponentProps<typeof TransferDialogBody>) {
  return (
    // React Query comes with this module, not with the page (lib/client/query-client.ts).
    <QueryProvider>
      <TransferDialogBody {...props} />
    </QueryProvider>
  );
}

function TransferDialogBody({ wallet, open, onOpenChange, onTransferred }: TransferDialogProps) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent className="sm:max-w-lg" onInteractOutside={(e) => busy && e.preventDefault()}>
        {/* Mounted per opening: a fresh idempotency key and form every time the modal opens. */}
        {open && <TransferForm wallet={wallet} onBusy={setBusy} onCancel={() => onOpenChange(false)} onTransferred={onTransferred} />}
      </DialogContent>
    </Dialog>
  );
}

function TransferForm({
  wallet: shown,
  onBusy,
  onCancel,
  onTransferred,
}: {
  wallet: WalletDto;
  onBusy(busy: boolean): void;
  onCancel(): void;
  onTransferred(result: TransferResult): void;
}) {
  // The page's wallets query, read again when the dialog opens (this form mounts per opening) and
  // when the window regains focus: another tab or a teammate may have moved the balance since.
  const { data: fresh, isFetchedAfterMount, isError } = useQuery({
    queryKey: walletsKey(useScopeKey()),
    queryFn: fetchWalletsOverview,
    staleTime: 0,
    refetchOnMount: "always",
    refetchOnWindowFocus: "always",
  });
  const wallet = fresh?.wallets.find((w) => w.id === shown.id) ?? shown;
  // The page behind shows what the server rendered: a balance read again now (not a cached one,
  // not after a refusal) that differs asks the server for the page again.
  const router = useRouter();
  const moved = isFetchedAfterMount && !isError && wallet.depositBalance !== shown.depositBalance;
  useEffect(() => {
    if (moved) router.refresh();
  }, [moved, wallet.depositBalance, router]);
  const currency = wallet.currency;
  const deposit = BigInt(wallet.depositBalance);
  const payout = BigInt(wallet.payoutBalance);
  // Made once when the modal opens: a double click or a retry of this request moves money once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<TransferFormInput>({
    resolver,
    defaultValues: { walletId: wallet.id, mode: "entire", amount: "", idempotencyKey },
  });
  const mode = useWatch({ control: form.control, name: "mode" });
  const amountText = useWatch({ control: form.control, name: "amount" }) ?? "";

  let previewAmount: bigint | null = null;
  let liveError: string | null = null;
  if (mode === "entire") {
    previewAmount = deposit;
  } else if (amountText.trim()) {
    const parsed = parseAmount(amountText, currency);
    if (!parsed.ok) liveError = parsed.error;
    else if (parsed.minor > deposit) liveError = `Amount is more than the deposit balance (${formatMoney(deposit, currency)} available)`;
    else previewAmount = parsed.minor;
  }

  const onValid = async (values: TransferFormInput) => {
    // A second click while the first request is out does nothing (the button is disabled too).
    if (inFlight.current) return;
    setFormError(null);
    if (values.mode === "specific") {
      const parsed = parseAmount(values.amount ?? "", currency);
      const error = !parsed.ok
        ? parsed.error
        : parsed.minor > deposit
          ? `Amount is more than the deposit balance (${formatMoney(deposit, currency)} available)`
          : null;
      if (error) {
        form.setError("amount", { message: error });
        return;
      }
    }
    inFlight.current = true;
    setSubmitting(true);
    onBusy(true);
    try {
      const res = await transferDepositBalanceAction({ ...values, amount: values.mode === "specific" ? values.amount : undefined, idempotencyKey });
      if (res.ok) {
        onBusy(false);
        onTransferred(res.data);
        return;
      }
      const amountErrors = res.fieldErrors?.amount;
      if (amountErrors?.length && values.mode === "specific") form.setError("amount", { message: amountErrors[0] });
      else setFormError(res.error);
    } catch {
      setFormError("Could not reach the server. Nothing was moved twice: try again, the same request is safe to repeat.");
    } finally {
      inFlight.current = false;
      setSubmitting(false);
      onBusy(false);
    }
  };

  const amountError = form.formState.errors.amount?.message ?? (mode === "specific" ? liveError : null);
  const canSubmit = !submitting && deposit > 0n && (mode === "entire" || previewAmount !== null);

  return (
    <form onSubmit={(e) => void form.handleSubmit(onValid)(e)} onFocus={resolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Transfer Deposit Balance</DialogTitle>
        <DialogDescription>Move funds from your deposit balance to your main wallet balance for immediate use.</DialogDescription>
      </DialogHeader>

      <section aria-label={`${wallet.name} Summary`} className="rounded-lg border bg-muted/30 p-4">
        <h3 className="mb-3 text-sm font-semibold">{wallet.name} Summary</h3>
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-muted-foreground">Main Balance</dt>
            <dd className="font-semibold tabular-nums">{formatMoney(payout, currency)}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Deposit Balance</dt>
            <dd className="font-semibold tabular-nums text-warning">{formatMoney(deposit, currency)}</dd>
          </div>
        </dl>
      </section>

      <fieldset className="grid gap-3" disabled={submitting}>
        <legend className="mb-2 text-sm font-semibold">Transfer Amount</legend>
        <RadioGroup
          value={mode}
          onValueChange={(v) => {
            form.setValue("mode", v as "entire" | "specific");
            form.clearErrors("amount");
            setFormError(null);
          }}
          aria-label="Transfer Amount"
        >
          <ModeOption value="entire" checked={mode === "entire"} title="Transfer entire deposit balance" badge="Recommended">
            Move all {formatMoney(deposit, currency)} to main balance
          </ModeOption>
          <ModeOption value="specific" checked={mode === "specific"} title="Transfer specific amount">
            Choose a custom amount to transfer
          </ModeOption>
        </RadioGroup>
        {mode === "specific" && (
          <FormField id="transfer-amount" label={`Amount (${currency})`} error={amountError ?? undefined}>
            <Input
              {...form.register("amount")}
              inputMode="decimal"
              autoComplete="off"
              autoFocus
              placeholder="0.00"
              className="tabular-nums"
            />
          </FormField>
        )}
      </fieldset>

      <section aria-label="Transfer Preview" aria-live="polite" className="rounded-lg border border-success/40 bg-success/10 p-4 text-sm">
        <h3 className="mb-2 font-semibold text-success">Transfer Preview</h3>
        <dl className="grid gap-1.5">
          <div className="flex items-center justify-between gap-4">
            <dt className="text-muted-foreground">Amount to transfer</dt>
            <dd className="font-semibold tabular-nums" data-testid="preview-amount">
              {previewAmount === null ? "—" : formatMoney(previewAmount, currency)}
            </dd>
          </div>
          <div className="flex items-center justify-between gap-4">
            <dt className="text-muted-foreground">New main balance</dt>
            <dd className="font-semibold tabular-nums" data-testid="preview-main-balance">
              {previewAmount === null ? "—" : formatMoney(payout + previewAmount, currency)}
            </dd>
          </div>
        </dl>
      </section>

      <FormFooter
        error={formError}
        submitting={submitting}
        onCancel={onCancel}
        submitDisabled={!canSubmit}
        icon={<ArrowRight aria-hidden />}
        submitLabel="Transfer"
        busyLabel="Transferring…"
      />
    </form>
  );
}

function ModeOption({
  value,
  checked,
  title,
  badge,
  children,
}: {
  value: string;
  checked: boolean;
  title: string;
  badge?: string;
  children: React.ReactNode;
}) {
  const id = `transfer-mode-${value}`;
  return (
    <div className={cn("flex items-start gap-3 rounded-lg border p-3 transition-colors", checked && "border-primary bg-primary/5")}>
      <RadioGroupItem value={value} id={id} aria-describedby={`${id}-hint`} className="mt-0.5" />
      <div className="grid gap-1">
        <Label htmlFor={id} className="cursor-pointer">
          {title}
          {badge && (
            <Badge variant="success" className="ml-1">
              {badge}
            </Badge>
          )}
        </Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {children}
        </p>
      </div>
    </div>
  );
}
