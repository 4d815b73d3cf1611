"use client";

import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useScope } from "@/components/shell/scope-context";
import { COUNTRIES, CURRENCIES, marketKey } from "@/lib/markets";
import { createWalletAction, updateWalletAction } from "@/lib/wallets/actions";
import type { CreateWalletInput, UpdateWalletInput } from "@/lib/wallets/schemas";
import type { WalletDto } from "@/lib/wallets/types";
import { FormFooter } from "@/components/ui/form-dialog";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

// The actions' schemas (and zod) load on first validation; each form starts the download when focused.
const createResolver = zodResolverOnDemand<CreateWalletInput>(() => import("@/lib/wallets/schemas").then((m) => m.createWalletSchema));
const updateResolver = zodResolverOnDemand<UpdateWalletInput>(() => import("@/lib/wallets/schemas").then((m) => m.updateWalletSchema));

/** "+ Add Wallet": a name and one of the integrator's markets in the current environment. */
export function AddWalletDialog({ open, onOpenChange, onSaved }: { open: boolean; onOpenChange(open: boolean): void; onSaved(w: WalletDto): void }) {
  const scope = useScope();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateWalletInput>({
    resolver: createResolver,
    values: {
      name: `My ${scope.market.currency} Wallet`,
      market: marketKey(scope.market),
    },
  });
  const submitting = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await createWalletAction(values);
    if (!res.ok) {
      for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) {
        if (field === "name" || field === "market") form.setError(field, { message: messages[0] });
      }
      if (!res.fieldErrors?.name && !res.fieldErrors?.market) setFormError(res.error);
      return;
    }
    toast.success("Fiat wallet has been successfully created.");
    onSaved(res.data);
    onOpenChange(false);
    form.reset();
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !submitting && onOpenChange(o)}>
      <DialogContent>
        <form onSubmit={submit} onFocus={createResolver.preload} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Add Wallet</DialogTitle>
            <DialogDescription>Create a fiat wallet for one of your markets in {scope.environment === "production" ? "Production" : "Sandbox"}.</DialogDescription>
          </DialogHeader>
          <FormField id="wallet-name" label="Wallet name" required error={form.formState.errors.name?.message}>
            <Input {...form.register("name")} autoComplete="off" />
          </FormField>
          <FormField id="wallet-market" label="Currency and country" required error={form.formState.errors.market?.message}>
            {(a11y) => (
              <Controller
                control={form.control}
                name="market"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <SelectTrigger {...a11y} className="w-full">
                      <SelectValue placeholder="Choose a market" />
                    </SelectTrigger>
                    <SelectContent>
                      {scope.markets.map((m) => (
                        <SelectItem key={marketKey(m)} value={marketKey(m)}>
                          {m.currency} · {COUNTRIES[m.country]?.name ?? m.country}
                          <span className="text-muted-foreground"> ({CURRENCIES[m.currency]?.name ?? m.currency})</span>
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            )}
          </FormField>
          <FormFooter error={formError} submitting={submitting} onCancel={() => onOpenChange(false)} submitLabel="Create Wallet" />
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Edit Wallet: name and lock. A locked wallet refuses transfers. */
export function EditWalletDialog({
  wallet,
  open,
  onOpenChange,
  onSaved,
}: {
  wallet: WalletDto;
  open: boolean;
  onOpenChange(open: boolean): void;
  onSaved(w: WalletDto): void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UpdateWalletInput>({
    resolver: updateResolver,
    values: { walletId: wallet.id, name: wallet.name, locked: wallet.locked },
  });
  const submitting = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await updateWalletAction(values);
    if (!res.ok) {
      if (res.fieldErrors?.name) form.setError("name", { message: res.fieldErrors.name[0] });
      else setFormError(res.error);
      return;
    }
    toast.success("Wallet updated");
    onSaved(res.data);
    onOpenChange(false);
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !submitting && onOpenChange(o)}>
      <DialogContent>
        <form onSubmit={submit} onFocus={updateResolver.preload} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Edit Wallet</DialogTitle>
            <DialogDescription>
              {wallet.currency} wallet · ID {wallet.id}
            </DialogDescription>
          </DialogHeader>
          <FormField id="edit-wallet-name" label="Wallet name" required error={form.formState.errors.name?.message}>
            <Input {...form.register("name")} autoComplete="off" />
          </FormField>
          <Controller
            control={form.control}
            name="locked"
            render={({ field }) => (
              <div className="flex items-start justify-between gap-4 rounded-lg border p-3">
                <div className="grid gap-1">
                  <Label htmlFor="edit-wallet-locked">Lock wallet</Label>
                  <p id="edit-wallet-locked-hint" className="text-xs text-muted-foreground">
                    A locked wallet blocks transactions, including deposit balance transfers.
                  </p>
                </div>
                <Switch id="edit-wallet-locked" aria-describedby="edit-wallet-locked-hint" checked={field.value} onCheckedChange={field.onChange} />
              </div>
            )}
          />
          {formError && (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={submitting}>
              Cancel
            </Button>
            <Button type="submit" disabled={submitting}>
              {submitting && <Spinner label="" />}
              Save Changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
