"use client";

import { useRef, useState } from "react";
import Link from "next/link";
import { Controller, useForm, useWatch } from "react-hook-form";
import { UserCheck } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { useRefreshScope, useScope } from "@/components/shell/scope-context";
import { NetworkSelect, phonePlaceholder } from "@/components/engine/network-select";
import { detectedNetwork } from "@/components/engine/customer-search";
import {
  createCustomerAction,
  suspendCustomerAction,
  updateCustomerAction,
  verifyAccountNameAction,
} from "@/lib/customers/actions";
import { customerName } from "@/lib/customers/format";
import { nameLookupSummary, type ValidateAccountResponse } from "@/lib/customers/name-lookup";
import { ID_TYPE_LABEL, ID_TYPES, latestToday } from "@/lib/customers/customer-fields";
import type { EditableCustomer, SuspendableCustomer, SuspendCustomerInput, UpdateCustomerInput } from "@/lib/customers/schemas";
import { banksOf } from "@/lib/engine/banks";
import { networksOf } from "@/lib/engine/networks";
import { cn } from "@/lib/utils";
import { countryName, who } from "./customer-dialog-utils";
import { placeFieldErrors } from "@/lib/client/place-field-errors";
import { FormFooter, type FormDialogFormProps } from "@/components/ui/form-dialog";
import { browserZone, localInputValue } from "@/lib/client/datetime-local";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

/** Radix selects cannot hold "": this item value stands for "none" and maps to "". */
const NONE = "__none__";

/** The form's values: every field a string ("" = none); customerId only when editing. */
type CustomerFormValues = Required<Omit<UpdateCustomerInput, "customerId">> & { customerId?: string };
type FieldName = Exclude<keyof CustomerFormValues, "customerId">;
const FIELDS: readonly FieldName[] = [
  "phoneNumber",
  "network",
  "firstName",
  "lastName",
  "email",
  "idType",
  "idNumber",
  "dateOfBirth",
  "accountName",
  "accountNumber",
  "bankCode",
];

// The schemas (and zod) load on first validation; the form starts the download when focused.
const createResolver = zodResolverOnDemand<CustomerFormValues>(() => import("@/lib/customers/schemas").then((m) => m.createCustomerSchema));
const updateResolver = zodResolverOnDemand<CustomerFormValues>(() => import("@/lib/customers/schemas").then((m) => m.updateCustomerSchema));
const suspendResolver = zodResolverOnDemand<SuspendCustomerInput>(() => import("@/lib/customers/schemas").then((m) => m.suspendCustomerSchema));

// ---------------------------------------------------------------- Add / Edit

function initialValues(customer: EditableCustomer | undefined, country: string): CustomerFormValues {
  const known = (network: string | null | undefined) => (network && networksOf(country).includes(network) ? network : "");
  return {
    ...(customer ? { customerId: customer.id } : {}),
    phoneNumber: customer?.phoneNumber ?? "",
    network: known(customer?.network),
    firstName: customer?.firstName ?? "",
    lastName: customer?.lastName ?? "",
    email: customer?.email ?? "",
    idType: customer?.idType === "NATIONAL_ID" || customer?.idType === "ECOWAS_ID" ? customer.idType : "",
    idNumber: customer?.idNumber ?? "",
    dateOfBirth: customer?.dateOfBirth ?? "",
    accountName: customer?.accountName ?? "",
    accountNumber: customer?.accountNumber ?? "",
    bankCode: customer?.bankCode ?? "",
  };
}

export function CustomerForm({ customer, onBusy, onCancel, onDone }: { customer?: EditableCustomer } & FormDialogFormProps) {
  const editing = !!customer;
  const { market } = useScope();
  const country = market.country;
  const banks = banksOf(country);
  const invalidate = useRefreshScope();
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);

  const resolver = editing ? updateResolver : createResolver;
  const form = useForm<CustomerFormValues>({
    resolver,
    defaultValues: initialValues(customer, country),
  });
  const errors = form.formState.errors;
  const submitting = form.formState.isSubmitting;
  const idp = editing ? "edit-customer" : "add-customer";

  const phone = useWatch({ control: form.control, name: "phoneNumber" }) ?? "";
  const network = useWatch({ control: form.control, name: "network" }) ?? "";
  const detected = detectedNetwork(phone, country);
  const networkHint =
    networksOf(country).length === 0
      ? `No mobile networks are listed for ${countryName(country)}: saved as not supported`
      : network
        ? network === detected
          ? "Detected from the number"
          : undefined
        : phone.replace(/\D/g, "").length >= 4
          ? "Not detected from this number: choose it, or it is saved as not supported"
          : "Detected from the number";

  const submit = async (values: CustomerFormValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    onBusy(true);
    setFormError(null);
    setExistingId(null);
    try {
      const res =
        editing && customer
          ? await updateCustomerAction({ ...values, customerId: customer.id })
          : await createCustomerAction(values);
      if (res.ok) {
        toast.success(res.data.message, { description: customerName(res.data.customer.firstName, res.data.customer.lastName) ?? res.data.customer.phoneNumber ?? undefined });
        invalidate();
        onBusy(false);
        onDone();
        return;
      }
      const existing = res.fieldErrors?.existingCustomerId?.[0];
      if (existing && existing !== customer?.id) setExistingId(existing);
      if (!placeFieldErrors(form.setError, FIELDS, res.fieldErrors)) setFormError(res.error);
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      inFlight.current = false;
      onBusy(false);
    }
  };

  const phoneError = errors.phoneNumber?.message ? (
    <>
      {errors.phoneNumber.message}
      {existingId && (
        <>
          {" "}
          <Link href={`/customers/${encodeURIComponent(existingId)}`} className="underline underline-offset-2">
            Open the existing customer
          </Link>
        </>
      )}
    </>
  ) : undefined;

  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} onFocus={resolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{editing ? "Edit Customer" : "Add Customer"}</DialogTitle>
        <DialogDescription>
          {editing
            ? `Customer key ${customer.customerKey}`
            : `A mobile money customer in ${countryName(country)}. The number is checked for ${countryName(country)}.`}
        </DialogDescription>
      </DialogHeader>

      <fieldset className="grid gap-4" disabled={submitting}>
        <FormField id={`${idp}-phone`} label="Phone number" required error={phoneError}>
          {(control) => (
            <div className="flex items-start gap-2">
              <Input
                {...form.register("phoneNumber", {
                  onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                    form.setValue("network", detectedNetwork(e.target.value, country));
                    setExistingId(null);
                  },
                })}
                {...control}
                type="tel"
                inputMode="tel"
                autoComplete="off"
                placeholder={phonePlaceholder(country)}
                className="flex-1"
              />
              <VerifyNameButton
                customer={customer}
                getInput={() => {
                  const v = form.getValues();
                  return { phoneNumber: v.phoneNumber, network: v.network, name: [v.firstName, v.lastName].map((p) => p.trim()).filter(Boolean).join(" ") };
                }}
                onPhoneError={(message) => form.setError("phoneNumber", { message })}
                onNetworkError={(message) => form.setError("network", { message })}
                onStored={invalidate}
                resetKey={phone}
              />
            </div>
          )}
        </FormField>

        <FormField id={`${idp}-network`} label="Network" error={errors.network?.message} description={networkHint}>
          {(control) => (
            <Controller
              control={form.control}
              name="network"
              render={({ field }) => <NetworkSelect country={country} value={field.value} onChange={field.onChange} control={control} disabled={submitting} />}
            />
          )}
        </FormField>

        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id={`${idp}-first-name`} label="First name" error={errors.firstName?.message}>
            <Input {...form.register("firstName")} autoComplete="off" />
          </FormField>
          <FormField id={`${idp}-last-name`} label="Last name" error={errors.lastName?.message}>
            <Input {...form.register("lastName")} autoComplete="off" />
          </FormField>
        </div>

        <FormField id={`${idp}-email`} label="Email" error={errors.email?.message}>
          <Input {...form.register("email")} type="email" inputMode="email" autoComplete="off" placeholder="name@example.com" />
        </FormField>

        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id={`${idp}-id-type`} label="ID type" error={errors.idType?.message}>
            {(control) => (
              <Controller
                control={form.control}
                name="idType"
                render={({ field }) => (
                  <Select value={field.value || NONE} onValueChange={(v) => field.onChange(v === NONE ? "" : v)} disabled={submitting}>
                    <SelectTrigger {...control} className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value={NONE}>No ID</SelectItem>
                      {ID_TYPES.map((t) => (
                        <SelectItem key={t} value={t}>
                          {ID_TYPE_LABEL[t]}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            )}
          </FormField>
          <FormField id={`${idp}-id-number`} label="ID number" error={errors.idNumber?.message}>
            <Input {...form.register("idNumber")} autoComplete="off" />
          </FormField>
        </div>

        <FormField id={`${idp}-dob`} label="Date of birth" error={errors.dateOfBirth?.message}>
          <Input {...form.register("dateOfBirth")} type="date" min="1900-01-01" max={latestToday()} />
        </FormField>

        {banks.length > 0 && (
          <fieldset className="grid gap-4 rounded-lg border p-4">
            <legend className="px-1 text-sm font-semibold">Bank payee (optional)</legend>
            <FormField id={`${idp}-account-name`} label="Account name" error={errors.accountName?.message}>
              <Input {...form.register("accountName")} autoComplete="off" />
            </FormField>
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id={`${idp}-account-number`} label="Account number" error={errors.accountNumber?.message}>
                <Input {...form.register("accountNumber")} autoComplete="off" inputMode="numeric" />
              </FormField>
              <FormField id={`${idp}-bank`} label="Bank" error={errors.bankCode?.message}>
                {(control) => (
                  <Controller
                    control={form.control}
                    name="bankCode"
                    render={({ field }) => (
                      <Select value={field.value || NONE} onValueChange={(v) => field.onChange(v === NONE ? "" : v)} disabled={submitting}>
                        <SelectTrigger {...control} className="w-full">
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          <SelectItem value={NONE}>No bank</SelectItem>
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
            </div>
          </fieldset>
        )}
      </fieldset>

      <FormFooter error={formError} submitting={submitting} onCancel={onCancel} submitLabel={editing ? "Save Changes" : "Create Customer"} />
    </form>
  );
}

/**
 * "Verify name": the registered name of the number (§3.5 account validation), compared with the
 * typed first and last name; the result inline (role="status"). Editing a customer whose number is
 * unchanged verifies the customer itself, so the result is stored on them.
 */
function VerifyNameButton({
  customer,
  getInput,
  onPhoneError,
  onNetworkError,
  onStored,
  resetKey,
}: {
  customer?: EditableCustomer;
  getInput(): { phoneNumber: string; network: string; name: string };
  onPhoneError(message: string): void;
  onNetworkError(message: string): void;
  onStored(): void;
  /** The phone as typed: a new number clears the previous result. */
  resetKey: string;
}) {
  const [state, setState] = useState<{ key: string; busy: boolean; result: ValidateAccountResponse | null; error: string | null }>({
    key: resetKey,
    busy: false,
    result: null,
    error: null,
  });
  const current = state.key === resetKey ? state : { key: resetKey, busy: false, result: null, error: null };

  const verify = async () => {
    const { phoneNumber, network, name } = getInput();
    if (!phoneNumber.trim()) {
      onPhoneError("Enter a phone number");
      return;
    }
    setState({ key: resetKey, busy: true, result: null, error: null });
    const sameCustomer = customer && customer.phoneNumber && phoneNumber.trim() === customer.phoneNumber;
    try {
      const res = await verifyAccountNameAction({
        ...(sameCustomer ? { customerId: customer.id } : { phoneNumber }),
        ...(network ? { network } : {}),
        ...(name ? { accountName: name } : {}),
      });
      if (res.ok) {
        setState({ key: resetKey, busy: false, result: res.data, error: null });
        if (res.data.customerId) onStored();
        return;
      }
      const phoneError = res.fieldErrors?.phoneNumber?.[0];
      const networkError = res.fieldErrors?.network?.[0];
      if (phoneError) onPhoneError(phoneError);
      if (networkError) onNetworkError(networkError);
      setState({ key: resetKey, busy: false, result: null, error: phoneError || networkError ? "Could not verify: check the number" : res.error });
    } catch {
      setState({ key: resetKey, busy: false, result: null, error: "Could not reach the server. Try again." });
    }
  };

  const r = current.result;
  const text = current.busy ? "Verifying…" : r ? nameLookupSummary(r) : (current.error ?? "");
  const tone = r
    ? r.nameLookupStatus === "MATCHED"
      ? r.nameMatch && !r.nameMatch.matched
        ? "text-amber-700 dark:text-amber-300"
        : "text-emerald-700 dark:text-emerald-300"
      : "text-muted-foreground"
    : current.error
      ? "text-destructive dark:text-red-300"
      : "text-muted-foreground";

  return (
    <div className="grid w-44 shrink-0 gap-1">
      <Button type="button" variant="outline" onClick={() => void verify()} disabled={current.busy} aria-busy={current.busy}>
        {current.busy ? <Spinner label="" /> : <UserCheck aria-hidden />}
        Verify name
      </Button>
      <p role="status" aria-label="Name verification" className={cn("text-xs font-medium break-words", tone)}>
        {text}
      </p>
      {r?.nameLookupReason && <p className="text-xs text-muted-foreground">{r.nameLookupReason}</p>}
    </div>
  );
}

// ---------------------------------------------------------------- Suspend / Reactivate

export function SuspendForm({ customer, onBusy, onCancel, onDone }: { customer: SuspendableCustomer } & FormDialogFormProps) {
  const invalidate = useRefreshScope();
  const [formError, setFormError] = useState<string | null>(null);
  const [min] = useState(() => localInputValue(new Date()));
  const form = useForm<SuspendCustomerInput>({
    resolver: suspendResolver,
    defaultValues: { customerId: customer.id, until: "" },
  });
  const submitting = form.formState.isSubmitting;

  const submit = async (values: SuspendCustomerInput) => {
    setFormError(null);
    onBusy(true);
    try {
      // The input holds the browser's local time: the server gets the moment with its offset.
      const until = new Date(values.until).toISOString();
      const res = await suspendCustomerAction({ customerId: customer.id, until });
      if (res.ok) {
        toast.success(res.data.message, { description: `${who(customer)} is suspended until ${new Date(until).toLocaleString()}.` });
        invalidate();
        onBusy(false);
        onDone();
        return;
      }
      if (res.fieldErrors?.until?.[0]) form.setError("until", { message: res.fieldErrors.until[0] });
      else setFormError(res.error);
    } catch {
      setFormError("Could not reach the server. Check your connection and try again.");
    } finally {
      onBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} onFocus={suspendResolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Suspend customer</DialogTitle>
        <DialogDescription>{who(customer)} can&apos;t be asked to pay or be paid until then. You can reactivate them at any time.</DialogDescription>
      </DialogHeader>
      <FormField id="suspend-customer-until" label="Suspended until" required error={form.formState.errors.until?.message} description={`Your local time (${browserZone()})`}>
        <Input {...form.register("until")} type="datetime-local" min={min} disabled={submitting} />
      </FormField>
      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel} disabled={submitting}>
          Cancel
        </Button>
        <Button type="submit" variant="destructive" disabled={submitting} aria-busy={submitting}>
          {submitting && <Spinner label="" />}
          Suspend customer
        </Button>
      </DialogFooter>
    </form>
  );
}
