"use client";

import { useId, useRef, useState } from "react";
import Link from "next/link";
import { Controller, useFieldArray, useForm, useWatch, type Path } from "react-hook-form";
import { ExternalLink, ImageUp, Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { FormFooter, type FormDialogFormProps } from "@/components/ui/form-dialog";
import { useRefreshScope, useScope } from "@/components/shell/scope-context";
import { placeFieldErrors } from "@/lib/client/place-field-errors";
import { ENV_PARAM, MARKET_PARAM } from "@/lib/context-url";
import { COUNTRIES, marketKey } from "@/lib/markets";
import { toDecimalString } from "@/lib/money";
import { createPaymentLinkAction, updatePaymentLinkAction } from "@/lib/payment-links/actions";
import type { PaymentLinkDto } from "@/lib/payment-links/link-dto";
import {
  DEFAULT_CUSTOMER_FIELDS,
  FIELD_MODES,
  LINK_METHODS,
  LINK_TYPE_LABEL,
  LINK_TYPES,
  LINK_USAGE_LABEL,
  LINK_USAGES,
  LOGO_MAX_BYTES,
  MAX_PACKAGES,
  PRICING,
  PRICING_LABEL,
  type CustomerFields,
  type FieldMode,
  type LinkMethod,
  type LinkType,
  type LinkUsage,
  type Pricing,
} from "@/lib/payment-links/link-options";
import type { CreatePaymentLinkInput } from "@/lib/payment-links/schemas";
import { cn } from "@/lib/utils";
import { LinkShare } from "./link-share";
import { browserZone, localInputValue } from "@/lib/client/datetime-local";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

export interface PaymentLinkFormProps {
  /** The link to edit; none: create one. */
  link?: PaymentLinkDto;
}

/** The form's values: every text a string ("" = none); the expiry as the datetime-local input holds it (browser time). */
interface LinkFormValues {
  linkId?: string;
  name: string;
  description: string;
  linkType: LinkType;
  pricing: Pricing;
  amount: string;
  minAmount: string;
  maxAmount: string;
  packages: { label: string; amount: string }[];
  paymentMethods: LinkMethod[];
  usage: LinkUsage;
  maxUses: string;
  customerFields: CustomerFields;
  expiresAt: string;
  callbackUrl: string;
  brandColor: string;
  logo?: { fileName: string; base64: string };
  removeLogo: boolean;
}

// The schemas (and zod) load on first validation; the form starts the download when focused.
const createResolver = zodResolverOnDemand<LinkFormValues>(() => import("@/lib/payment-links/schemas").then((m) => m.createPaymentLinkSchema));
const updateResolver = zodResolverOnDemand<LinkFormValues>(() => import("@/lib/payment-links/schemas").then((m) => m.updatePaymentLinkSchema));

const STATIC_FIELDS: readonly Path<LinkFormValues>[] = [
  "name",
  "description",
  "linkType",
  "pricing",
  "amount",
  "minAmount",
  "maxAmount",
  "packages",
  "paymentMethods",
  "usage",
  "maxUses",
  "customerFields.name",
  "customerFields.email",
  "customerFields.phone",
  "expiresAt",
  "callbackUrl",
  "brandColor",
  "logo",
];

const FIELD_MODE_LABEL: Record<FieldMode, string> = { REQUIRED: "Required", OPTIONAL: "Optional", HIDDEN: "Hidden" };
const CUSTOMER_FIELD_LABEL: Record<keyof CustomerFields, string> = { name: "Customer name", email: "Customer email", phone: "Customer phone" };
const PRICING_HINT: Record<Pricing, string> = {
  FIXED: "One amount, the same for everyone",
  VARIABLE: "The payer types an amount between a minimum and a maximum",
  PACKAGE: "The payer picks one of your packages",
  CUSTOMER_CHOICE: "The payer types any amount",
};
const USAGE_HINT: Record<LinkUsage, string> = {
  SINGLE_USE: "Closes after one successful payment",
  MULTIPLE_USE: "Closes after a number of successful payments",
  UNLIMITED: "Stays open until you deactivate it or it expires",
};
const DEFAULT_BRAND_COLOR = "#0f766e";
const OFFLINE = "Could not reach the server. Check your connection and try again.";

function initialValues(link: PaymentLinkDto | undefined): LinkFormValues {
  const money = (minor: string | null) => (minor && link ? toDecimalString(minor, link.currency) : "");
  return {
    ...(link ? { linkId: link.id } : {}),
    name: link?.name ?? "",
    description: link?.description ?? "",
    linkType: (link?.linkType as LinkType | undefined) ?? "STANDARD",
    pricing: (link?.pricing as Pricing | undefined) ?? "FIXED",
    amount: money(link?.amount ?? null),
    minAmount: money(link?.minAmount ?? null),
    maxAmount: money(link?.maxAmount ?? null),
    packages: link?.packages.length ? link.packages.map((p) => ({ label: p.label, amount: money(p.amount) })) : [{ label: "", amount: "" }],
    paymentMethods: link?.paymentMethods.length ? [...link.paymentMethods] : ["MOBILE_MONEY"],
    usage: (link?.usage as LinkUsage | undefined) ?? "UNLIMITED",
    maxUses: link?.usage === "MULTIPLE_USE" && link.maxUses !== null ? String(link.maxUses) : "",
    customerFields: {
      ...(link?.customerFields ?? DEFAULT_CUSTOMER_FIELDS),
      // Mobile money is paid from the payer's number: the checkout always asks for it then.
      ...(!link || link.paymentMethods.includes("MOBILE_MONEY") ? { phone: "REQUIRED" as const } : {}),
    },
    expiresAt: link?.expiresAt ? localInputValue(new Date(link.expiresAt)) : "",
    callbackUrl: link?.callbackUrl ?? "",
    brandColor: link?.brandColor ?? "",
    removeLogo: false,
  };
}

/** What the action gets: only the fields the pricing and usage use; the expiry as a moment with its offset. */
function toInput(v: LinkFormValues): CreatePaymentLinkInput {
  return {
    name: v.name,
    description: v.description,
    linkType: v.linkType,
    pricing: v.pricing,
    ...(v.pricing === "FIXED" ? { amount: v.amount } : {}),
    ...(v.pricing === "VARIABLE" ? { minAmount: v.minAmount, maxAmount: v.maxAmount } : {}),
    ...(v.pricing === "PACKAGE" ? { packages: v.packages } : {}),
    paymentMethods: v.paymentMethods,
    usage: v.usage,
    ...(v.usage === "MULTIPLE_USE" ? { maxUses: v.maxUses } : {}),
    customerFields: v.customerFields,
    ...(v.expiresAt ? { expiresAt: new Date(v.expiresAt).toISOString() } : {}),
    callbackUrl: v.callbackUrl,
    brandColor: v.brandColor,
    ...(v.logo ? { logo: v.logo } : v.removeLogo ? { removeLogo: true } : {}),
  };
}

/** A file → its base64 (no data: prefix) and the data URL for the preview. */
function readFile(file: File): Promise<{ base64: string; dataUrl: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.onload = () => {
      const dataUrl = String(reader.result ?? "");
      const comma = dataUrl.indexOf(",");
      resolve({ base64: comma >= 0 ? dataUrl.slice(comma + 1) : "", dataUrl });
    };
    reader.readAsDataURL(file);
  });
}

export function PaymentLinkForm({ link, onBusy, onCancel, onDone }: PaymentLinkFormProps & FormDialogFormProps) {
  const editing = !!link;
  const scope = useScope();
  const currency = link?.currency ?? scope.market.currency;
  const countryName = COUNTRIES[link?.country ?? scope.market.country]?.name ?? scope.market.country;
  // The list or the link's page is rendered on the server: ask for it again.
  const refresh = useRefreshScope();
  const inFlight = useRef(false);
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<PaymentLinkDto | null>(null);
  const [logoPreview, setLogoPreview] = useState<string | null>(null);
  const [minExpiry] = useState(() => localInputValue(new Date()));
  const fileInput = useRef<HTMLInputElement>(null);

  const resolver = editing ? updateResolver : createResolver;
  const form = useForm<LinkFormValues>({
    resolver,
    defaultValues: initialValues(link),
  });
  const { errors } = form.formState;
  const submitting = form.formState.isSubmitting;
  const packages = useFieldArray({ control: form.control, name: "packages" });

  const pricing = useWatch({ control: form.control, name: "pricing" });
  const usage = useWatch({ control: form.control, name: "usage" });
  const methods = useWatch({ control: form.control, name: "paymentMethods" });
  const brandColor = useWatch({ control: form.control, name: "brandColor" });
  const removeLogo = useWatch({ control: form.control, name: "removeLogo" });
  const mobileMoney = methods.includes("MOBILE_MONEY");

  const submit = async (values: LinkFormValues) => {
    if (inFlight.current) return;
    inFlight.current = true;
    onBusy(true);
    setFormError(null);
    try {
      const input = toInput(values);
      const res = link ? await updatePaymentLinkAction({ ...input, linkId: link.id }) : await createPaymentLinkAction(input);
      if (res.ok) {
        toast.success(res.data.message, { description: res.data.link.name });
        refresh();
        if (link) {
          onBusy(false);
          onDone();
        } else {
          setCreated(res.data.link);
        }
        return;
      }
      const fields = [
        ...STATIC_FIELDS,
        ...values.packages.flatMap((_, i) => [`packages.${i}.label`, `packages.${i}.amount`] as Path<LinkFormValues>[]),
      ];
      const fieldErrors = res.fieldErrors && {
        ...res.fieldErrors,
        ...(res.fieldErrors["logo.base64"] && !res.fieldErrors.logo ? { logo: res.fieldErrors["logo.base64"] } : {}),
      };
      if (!placeFieldErrors(form.setError, fields, fieldErrors)) setFormError(res.error);
    } catch {
      setFormError(OFFLINE);
    } finally {
      inFlight.current = false;
      onBusy(false);
    }
  };

  const chooseLogo = async (file: File | undefined) => {
    form.clearErrors("logo");
    if (!file) return;
    if (file.type !== "image/png" && file.type !== "image/jpeg") {
      form.setError("logo", { message: "The logo must be a PNG or JPEG image" });
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      form.setError("logo", { message: "The logo must be at most 512 kB" });
      return;
    }
    try {
      const { base64, dataUrl } = await readFile(file);
      form.setValue("logo", { fileName: file.name, base64 });
      form.setValue("removeLogo", false);
      setLogoPreview(dataUrl);
    } catch {
      form.setError("logo", { message: "The logo could not be read" });
    }
  };

  const clearLogo = () => {
    form.setValue("logo", undefined);
    setLogoPreview(null);
    form.clearErrors("logo");
    if (fileInput.current) fileInput.current.value = "";
  };

  if (created) {
    const context = new URLSearchParams({ [MARKET_PARAM]: marketKey(scope.market), [ENV_PARAM]: scope.environment });
    return (
      <div className="grid gap-5">
        <DialogHeader>
          <DialogTitle>Link created</DialogTitle>
          <DialogDescription>{created.name} is live. Share its link or QR code with the people who should pay it.</DialogDescription>
        </DialogHeader>
        <LinkShare path={created.path} name={created.name} />
        <DialogFooter>
          <Button asChild variant="outline">
            <Link href={`/payment-links/${encodeURIComponent(created.id)}?${context}`} onClick={onDone}>
              <ExternalLink aria-hidden /> Open link page
            </Link>
          </Button>
          <Button type="button" onClick={onDone}>
            Done
          </Button>
        </DialogFooter>
      </div>
    );
  }

  const logoError = errors.logo?.message ?? errors.logo?.base64?.message ?? errors.logo?.fileName?.message;
  const packagesError = errors.packages?.message ?? errors.packages?.root?.message;
  const hasStoredLogo = !!link?.hasLogo && !removeLogo;

  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} onFocus={resolver.preload} noValidate className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{editing ? "Edit payment link" : "Create payment link"}</DialogTitle>
        <DialogDescription>
          {editing
            ? `The link's address (${link.path}) stays the same.`
            : `A checkout page your customers in ${countryName} pay through, in ${currency}.`}
        </DialogDescription>
      </DialogHeader>

      <fieldset className="grid gap-4" disabled={submitting}>
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <FormField id={`${idp}-name`} label="Name" required error={errors.name?.message}>
            <Input {...form.register("name")} autoComplete="off" placeholder="Monthly membership" maxLength={100} />
          </FormField>
          <FormField id={`${idp}-type`} label="Type" error={errors.linkType?.message}>
            {(control) => (
              <Controller
                control={form.control}
                name="linkType"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange} disabled={submitting}>
                    <SelectTrigger {...control} className="w-full">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {LINK_TYPES.map((t) => (
                        <SelectItem key={t} value={t}>
                          {LINK_TYPE_LABEL[t]}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            )}
          </FormField>
        </div>

        <FormField id={`${idp}-description`} label="Description" error={errors.description?.message} description="Shown to the payer on the checkout page">
          <Textarea {...form.register("description")} rows={2} maxLength={500} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-3" disabled={submitting}>
        <legend className="mb-2 text-sm font-semibold">Pricing</legend>
        <Controller
          control={form.control}
          name="pricing"
          render={({ field }) => (
            <RadioGroup value={field.value} onValueChange={field.onChange} aria-label="Pricing" className="grid gap-2 sm:grid-cols-2">
              {PRICING.map((p) => (
                <OptionCard key={p} id={`${idp}-pricing-${p}`} value={p} checked={field.value === p} title={PRICING_LABEL[p]} hint={PRICING_HINT[p]} />
              ))}
            </RadioGroup>
          )}
        />

        <FormField id={`${idp}-currency`} label="Currency" description={`The market you are in (${countryName}): a link is paid in its currency`} className="sm:max-w-48">
          <Input value={currency} readOnly aria-readonly="true" className="bg-muted/40" />
        </FormField>

        {pricing === "FIXED" && (
          <FormField id={`${idp}-amount`} label="Amount" required error={errors.amount?.message} className="sm:max-w-64">
            <Input {...form.register("amount")} inputMode="decimal" autoComplete="off" placeholder="500" className="tabular-nums" />
          </FormField>
        )}
        {pricing === "VARIABLE" && (
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id={`${idp}-min`} label="Minimum amount" required error={errors.minAmount?.message}>
              <Input {...form.register("minAmount")} inputMode="decimal" autoComplete="off" placeholder="100" className="tabular-nums" />
            </FormField>
            <FormField id={`${idp}-max`} label="Maximum amount" required error={errors.maxAmount?.message}>
              <Input {...form.register("maxAmount")} inputMode="decimal" autoComplete="off" placeholder="10,000" className="tabular-nums" />
            </FormField>
          </div>
        )}
        {pricing === "PACKAGE" && (
          <div className="grid gap-3" role="group" aria-label="Packages">
            {packages.fields.map((item, i) => (
              <div key={item.id} className="grid grid-cols-[1fr_10rem_auto] items-start gap-2">
                <FormField id={`${idp}-package-${i}-label`} label={`Package ${i + 1} label`} error={errors.packages?.[i]?.label?.message}>
                  <Input {...form.register(`packages.${i}.label`)} autoComplete="off" placeholder="e.g. Gold" maxLength={60} />
                </FormField>
                <FormField id={`${idp}-package-${i}-amount`} label={`Package ${i + 1} amount`} error={errors.packages?.[i]?.amount?.message}>
                  <Input {...form.register(`packages.${i}.amount`)} inputMode="decimal" autoComplete="off" placeholder="1,000" className="tabular-nums" />
                </FormField>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  className="mt-6"
                  aria-label={`Remove package ${i + 1}`}
                  onClick={() => packages.remove(i)}
                  disabled={packages.fields.length <= 1}
                >
                  <Trash2 aria-hidden />
                </Button>
              </div>
            ))}
            {packagesError && <p className="text-xs font-medium text-destructive dark:text-red-300">{packagesError}</p>}
            <div className="flex items-center gap-3">
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => packages.append({ label: "", amount: "" })}
                disabled={packages.fields.length >= MAX_PACKAGES}
              >
                <Plus aria-hidden /> Add package
              </Button>
              <span className="text-xs text-muted-foreground">
                {packages.fields.length} of {MAX_PACKAGES} packages, amounts in {currency}
              </span>
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="grid gap-3" disabled={submitting}>
        <legend className="mb-2 text-sm font-semibold">Payment methods</legend>
        <Controller
          control={form.control}
          name="paymentMethods"
          render={({ field }) => (
            <div className="grid gap-2 sm:grid-cols-2">
              {LINK_METHODS.map((m) => {
                const id = `${idp}-method-${m.value}`;
                const checked = field.value.includes(m.value);
                return (
                  <div key={m.value} className={cn("flex items-start gap-3 rounded-lg border p-3", !m.enabled && "opacity-70")}>
                    <Checkbox
                      id={id}
                      checked={checked}
                      // A method not enabled can be unticked (a link saved before it was switched off), never ticked.
                      disabled={(!m.enabled && !checked) || submitting}
                      aria-describedby={m.enabled ? undefined : `${id}-hint`}
                      aria-invalid={errors.paymentMethods ? true : undefined}
                      className="mt-0.5"
                      onCheckedChange={(v) => {
                        const next = v === true ? [...field.value, m.value] : field.value.filter((x) => x !== m.value);
                        field.onChange(next);
                        if (v === true && m.value === "MOBILE_MONEY") form.setValue("customerFields.phone", "REQUIRED");
                      }}
                    />
                    <div className="grid gap-0.5">
                      <Label htmlFor={id} className="cursor-pointer">
                        {m.label}
                      </Label>
                      {!m.enabled && (
                        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                          Not enabled for this account
                        </p>
                      )}
                    </div>
                  </div>
                );
              })}
            </div>
          )}
        />
        {errors.paymentMethods?.message && (
          <p className="text-xs font-medium text-destructive dark:text-red-300">{errors.paymentMethods.message}</p>
        )}
      </fieldset>

      <fieldset className="grid gap-3" disabled={submitting}>
        <legend className="mb-2 text-sm font-semibold">Usage</legend>
        <Controller
          control={form.control}
          name="usage"
          render={({ field }) => (
            <RadioGroup value={field.value} onValueChange={field.onChange} aria-label="Usage" className="grid gap-2 sm:grid-cols-3">
              {LINK_USAGES.map((u) => (
                <OptionCard key={u} id={`${idp}-usage-${u}`} value={u} checked={field.value === u} title={LINK_USAGE_LABEL[u]} hint={USAGE_HINT[u]} />
              ))}
            </RadioGroup>
          )}
        />
        {usage === "MULTIPLE_USE" && (
          <FormField
            id={`${idp}-max-uses`}
            label="Maximum uses"
            required
            error={errors.maxUses?.message}
            description={link && link.currentUses > 0 ? `Paid ${link.currentUses} times so far` : "Successful payments before the link closes"}
            className="sm:max-w-48"
          >
            <Input {...form.register("maxUses")} inputMode="numeric" autoComplete="off" placeholder="10" className="tabular-nums" />
          </FormField>
        )}
      </fieldset>

      <fieldset className="grid gap-3" disabled={submitting}>
        <legend className="mb-2 text-sm font-semibold">What the checkout asks the payer</legend>
        {(Object.keys(CUSTOMER_FIELD_LABEL) as (keyof CustomerFields)[]).map((key) => {
          const locked = key === "phone" && mobileMoney;
          const labelId = `${idp}-cf-${key}-label`;
          const hintId = `${idp}-cf-${key}-hint`;
          const error = errors.customerFields?.[key]?.message;
          return (
            <div key={key} className="grid gap-1.5 sm:grid-cols-[10rem_1fr] sm:items-center">
              <span id={labelId} className="text-sm font-medium">
                {CUSTOMER_FIELD_LABEL[key]}
              </span>
              <div className="grid gap-1">
                <Controller
                  control={form.control}
                  name={`customerFields.${key}`}
                  render={({ field }) => (
                    <RadioGroup
                      value={locked ? "REQUIRED" : field.value}
                      onValueChange={field.onChange}
                      aria-labelledby={labelId}
                      aria-describedby={locked || error ? hintId : undefined}
                      disabled={locked || submitting}
                      className="flex flex-wrap gap-4"
                    >
                      {FIELD_MODES.map((mode) => {
                        const id = `${idp}-cf-${key}-${mode}`;
                        return (
                          <div key={mode} className="flex items-center gap-2">
                            <RadioGroupItem value={mode} id={id} />
                            <Label htmlFor={id} className="font-normal">
                              {FIELD_MODE_LABEL[mode]}
                            </Label>
                          </div>
                        );
                      })}
                    </RadioGroup>
                  )}
                />
                {(locked || error) && (
                  <p id={hintId} className={cn("text-xs", error ? "font-medium text-destructive dark:text-red-300" : "text-muted-foreground")}>
                    {error ?? "Mobile money needs the payer's number"}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </fieldset>

      <fieldset className="grid gap-4" disabled={submitting}>
        <legend className="mb-2 text-sm font-semibold">Options</legend>
        <FormField
          id={`${idp}-expires`}
          label="Expires at"
          error={errors.expiresAt?.message}
          description={`Optional. Your local time (${browserZone()}); leave empty to keep it open`}
          className="sm:max-w-72"
        >
          <Input {...form.register("expiresAt")} type="datetime-local" min={minExpiry} />
        </FormField>

        <FormField id={`${idp}-callback`} label="Callback URL" error={errors.callbackUrl?.message} description="Optional. We post each payment's outcome here">
          <Input {...form.register("callbackUrl")} type="url" inputMode="url" autoComplete="off" placeholder="https://example.com/webhooks/payments" />
        </FormField>

        <FormField id={`${idp}-brand`} label="Brand colour" error={errors.brandColor?.message} description="Optional. The checkout's accent colour, like #0f766e">
          {(control) => (
            <div className="flex items-center gap-2 sm:max-w-72">
              <input
                type="color"
                aria-label="Colour picker"
                value={/^#[0-9a-fA-F]{6}$/.test(brandColor) ? brandColor.toLowerCase() : DEFAULT_BRAND_COLOR}
                onChange={(e) => form.setValue("brandColor", e.target.value, { shouldValidate: !!errors.brandColor })}
                disabled={submitting}
                className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-input bg-transparent p-1"
              />
              <Input {...form.register("brandColor")} {...control} autoComplete="off" placeholder={DEFAULT_BRAND_COLOR} maxLength={7} className="font-mono" />
            </div>
          )}
        </FormField>

        <FormField
          id={`${idp}-logo`}
          label="Logo"
          error={logoError}
          description="Optional. PNG or JPEG, at most 512 kB, shown on the checkout page"
        >
          {(control) => (
            <div className="flex flex-wrap items-center gap-3">
              {logoPreview ? (
                // A data: URL of the chosen file: next/image has nothing to optimise.
                // eslint-disable-next-line @next/next/no-img-element
                <img src={logoPreview} alt="Logo preview" className="size-14 rounded-md border bg-white object-contain" />
              ) : (
                <div aria-hidden className="flex size-14 items-center justify-center rounded-md border border-dashed text-muted-foreground">
                  <ImageUp className="size-5" />
                </div>
              )}
              <input
                {...control}
                ref={fileInput}
                type="file"
                accept="image/png,image/jpeg"
                onChange={(e) => void chooseLogo(e.target.files?.[0])}
                disabled={submitting}
                className="max-w-64 text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-transparent file:px-3 file:py-1.5 file:text-sm file:font-medium"
              />
              {logoPreview && (
                <Button type="button" variant="ghost" size="sm" onClick={clearLogo}>
                  Clear
                </Button>
              )}
              {editing && hasStoredLogo && !logoPreview && (
                <Button type="button" variant="outline" size="sm" onClick={() => form.setValue("removeLogo", true)}>
                  <Trash2 aria-hidden /> Remove logo
                </Button>
              )}
              {editing && link.hasLogo && removeLogo && !logoPreview && (
                <p className="text-xs text-muted-foreground" role="status">
                  The logo is removed when you save.{" "}
                  <button type="button" className="underline underline-offset-2" onClick={() => form.setValue("removeLogo", false)}>
                    Keep it
                  </button>
                </p>
              )}
            </div>
          )}
        </FormField>
      </fieldset>

      <FormFooter error={formError} submitting={submitting} onCancel={onCancel} submitLabel={editing ? "Save changes" : "Create link"} />
    </form>
  );
}

/** One choice of a radio group, as a card: the title labels the radio, the hint describes it. */
function OptionCard({ id, value, checked, title, hint }: { id: string; value: string; checked: boolean; title: string; hint: string }) {
  return (
    <div className={cn("flex items-start gap-3 rounded-lg border p-3 transition-colors", checked && "border-primary bg-primary/5")}>
      <RadioGroupItem value={value} id={id} aria-describedby={`${id}-hint`} className="mt-0.5" />
      <div className="grid gap-0.5">
        <Label htmlFor={id} className="cursor-pointer">
          {title}
        </Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}
