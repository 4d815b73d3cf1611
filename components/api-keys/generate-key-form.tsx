"use client";

import { useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { PasswordInput } from "@/components/auth/password-input";
import { FormFooter, type FormDialogFormProps } from "@/components/ui/form-dialog";
import { DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useScope } from "@/components/shell/scope-context";
import { generateApiKeyAction } from "@/lib/api-keys/actions";
import { generateKeySchema, type GenerateKeyInput } from "@/lib/api-keys/schemas";
import type { KeyOwnerChoice } from "@/lib/api-keys/list-api-keys";
import { cn } from "@/lib/utils";
import { KeyCreatedPanel } from "./key-created-panel";
import { PermissionCheckboxes } from "./permission-checkboxes";
import { browserZone, localInputValue } from "@/lib/client/datetime-local";
import { UNREACHABLE_MESSAGE } from "@/lib/client/run-action";

export interface GenerateKeyFormProps {
  /** The integrator's active members (a user-bound key's owner, and what it may be granted). */
  owners: readonly KeyOwnerChoice[];
  /** The signed-in member: the default owner of a user-bound key. */
  currentUserId: string;
}

/** The form's values: the expiry as the datetime-local input holds it (browser time), the kind as the radio's value. */
interface Values {
  name: string;
  owner: "integrator" | "user";
  userId: string;
  kind: "plain" | "secure";
  expiresAt: string;
  permissions: string[];
  password: string;
}

/** The action's field names → the form's (a wrong TOTP code shows under the password). */
const FIELD_OF: Record<string, keyof Values> = {
  name: "name",
  owner: "owner",
  userId: "userId",
  secure: "kind",
  expiresAt: "expiresAt",
  permissions: "permissions",
  password: "password",
  totpCode: "password",
};

const PASSWORD_HINT = "Needed to generate a key. Not asked again for 5 minutes.";

/** What the action gets: the expiry as a moment with its offset; a user-bound key's owner and permissions only. */
function toInput(v: Values): GenerateKeyInput {
  const expires = v.expiresAt ? new Date(v.expiresAt) : null;
  return {
    name: v.name,
    owner: v.owner,
    ...(v.owner === "user" ? { userId: v.userId || undefined, permissions: v.permissions } : {}),
    secure: v.kind === "secure",
    ...(expires ? { expiresAt: Number.isNaN(expires.getTime()) ? v.expiresAt : expires.toISOString() } : {}),
    ...(v.password ? { password: v.password } : {}),
  } as GenerateKeyInput;
}

/** Field messages of a refused input, each under its field (the first per field). */
function toFieldErrors(fieldErrors: Record<string, string[]> | undefined): Partial<Record<keyof Values, string>> {
  const out: Partial<Record<keyof Values, string>> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    const field = FIELD_OF[key.split(".")[0] ?? ""];
    if (field && messages[0] && !out[field]) out[field] = messages[0];
  }
  return out;
}

/** The same schema the action parses, applied to what the form would send. */
const resolver: Resolver<Values> = async (values) => {
  const parsed = generateKeySchema.safeParse(toInput(values));
  if (parsed.success) {
    const expires = values.expiresAt ? new Date(values.expiresAt) : null;
    if (expires && expires.getTime() <= Date.now()) {
      return { values: {}, errors: { expiresAt: { type: "min", message: "Choose an expiry in the future" } } };
    }
    return { values, errors: {} };
  }
  const errors: FieldErrors<Values> = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0] ?? "")];
    if (field && !errors[field]) errors[field] = { type: issue.code, message: issue.message };
  }
  return { values: {}, errors };
};

/**
 * "+ Generate Key": a name, who owns it (the integrator: every permission; or a member: the
 * permissions chosen here, within their role), plain or secure, an optional expiry and the
 * password again (step-up). On success the key (and a secure key's secret) is shown once.
 */
export function GenerateKeyForm({ owners, currentUserId, onBusy, onCancel, onDone }: GenerateKeyFormProps & FormDialogFormProps) {
  const scope = useScope();
  const router = useRouter();
  const idp = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const inFlight = useRef(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secretKey: string; signingSecret: string | null } | null>(null);
  const [minExpiry] = useState(() => localInputValue(new Date()));

  const defaultUser = owners.some((o) => o.userId === currentUserId) ? currentUserId : (owners[0]?.userId ?? "");
  const form = useForm<Values>({
    resolver,
    defaultValues: { name: "", owner: "integrator", userId: defaultUser, kind: "plain", expiresAt: "", permissions: [], password: "" },
  });
  const { errors } = form.formState;
  const submitting = form.formState.isSubmitting;
  const owner = useWatch({ control: form.control, name: "owner" });
  const userId = useWatch({ control: form.control, name: "userId" });
  const member = owners.find((o) => o.userId === userId);

  const submit = async (values: Values) => {
    if (inFlight.current) return;
    inFlight.current = true;
    onBusy(true);
    setFormError(null);
    try {
      const res = await generateApiKeyAction(toInput(values));
      if (res.ok) {
        form.setValue("password", "");
        setCreated({ name: res.data.key.name, secretKey: res.data.secretKey, signingSecret: res.data.signingSecret });
        router.refresh();
        return;
      }
      const placed = toFieldErrors(res.fieldErrors);
      for (const [field, message] of Object.entries(placed)) form.setError(field as keyof Values, { message });
      if (Object.keys(placed).length === 0) setFormError(res.error);
    } catch {
      setFormError(UNREACHABLE_MESSAGE);
    } finally {
      inFlight.current = false;
      onBusy(false);
    }
  };

  if (created) {
    return (
      <KeyCreatedPanel
        description={`${created.name} is ready. Send it with every API request as Authorization: Bearer <key>.`}
        secretKey={created.secretKey}
        signingSecret={created.signingSecret}
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
        <DialogTitle>Generate API key</DialogTitle>
        <DialogDescription>
          A {scope.environment === "production" ? "Production" : "Sandbox"} key for {scope.organization}. It is shown once, when it is
          generated.
        </DialogDescription>
      </DialogHeader>

      <fieldset className="grid gap-4" disabled={submitting}>
        <FormField id={`${idp}-name`} label="Name" required error={errors.name?.message}>
          <Input {...form.register("name")} autoComplete="off" placeholder="Checkout server" maxLength={60} />
        </FormField>
      </fieldset>

      <fieldset className="grid gap-3" disabled={submitting}>
        <legend className="mb-2 text-sm font-medium">Who owns it</legend>
        <Controller
          control={form.control}
          name="owner"
          render={({ field }) => (
            <RadioGroup value={field.value} onValueChange={field.onChange} aria-label="Who owns it" className="grid gap-2">
              <OptionCard id={`${idp}-owner-integrator`} value="integrator" checked={field.value === "integrator"} title="Integrator level" hint="every permission" />
              <OptionCard id={`${idp}-owner-user`} value="user" checked={field.value === "user"} title="Bound to a user" hint="starts with no permissions" />
            </RadioGroup>
          )}
        />
        {errors.owner?.message && <FieldMessage>{errors.owner.message}</FieldMessage>}

        {owner === "user" && (
          <div className="grid gap-4 rounded-lg border bg-muted/20 p-3">
            <FormField id={`${idp}-member`} label="Member" error={errors.userId?.message} description="The key acts for this member: never beyond their role.">
              {(control) => (
                <Controller
                  control={form.control}
                  name="userId"
                  render={({ field }) => (
                    <Select
                      value={field.value}
                      onValueChange={(next) => {
                        field.onChange(next);
                        const allowed = new Set(owners.find((o) => o.userId === next)?.permissions ?? []);
                        form.setValue(
                          "permissions",
                          form.getValues("permissions").filter((p) => allowed.has(p)),
                        );
                      }}
                      disabled={submitting}
                    >
                      <SelectTrigger {...control} className="w-full">
                        <SelectValue placeholder="Choose a member" />
                      </SelectTrigger>
                      <SelectContent>
                        {owners.map((o) => (
                          <SelectItem key={o.userId} value={o.userId}>
                            {o.email}
                            {o.userId === currentUserId ? " (you)" : ""}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              )}
            </FormField>
            {member && (
              <Controller
                control={form.control}
                name="permissions"
                render={({ field }) => (
                  <PermissionCheckboxes
                    idPrefix={`${idp}-perm`}
                    allowed={member.permissions}
                    held={scope.permissions}
                    value={field.value}
                    onChange={field.onChange}
                    memberLabel={member.email}
                    disabled={submitting}
                    error={errors.permissions?.message}
                  />
                )}
              />
            )}
          </div>
        )}
      </fieldset>

      <fieldset className="grid gap-3" disabled={submitting}>
        <legend className="mb-2 text-sm font-medium">Kind</legend>
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <RadioGroup value={field.value} onValueChange={field.onChange} aria-label="Kind" className="grid gap-2">
              <OptionCard id={`${idp}-kind-plain`} value="plain" checked={field.value === "plain"} title="Plain key" />
              <OptionCard
                id={`${idp}-kind-secure`}
                value="secure"
                checked={field.value === "secure"}
                title="Secure key"
                hint="requests are signed with a secret (x-timestamp, x-nonce, x-signature)"
              />
            </RadioGroup>
          )}
        />
        {errors.kind?.message && <FieldMessage>{errors.kind.message}</FieldMessage>}
      </fieldset>

      <fieldset className="grid gap-4" disabled={submitting}>
        <FormField
          id={`${idp}-expires`}
          label="Expires"
          error={errors.expiresAt?.message}
          description={`Optional. Your local time (${browserZone()}); leave empty for a key that never expires.`}
          className="sm:max-w-72"
        >
          <Input {...form.register("expiresAt")} type="datetime-local" min={minExpiry} />
        </FormField>

        <FormField id={`${idp}-password`} label="Your password" error={errors.password?.message} description={PASSWORD_HINT}>
          {(control) => <PasswordInput control={control} autoComplete="current-password" {...form.register("password")} />}
        </FormField>
      </fieldset>

      <FormFooter error={formError} submitting={submitting} onCancel={onCancel} submitLabel="Generate" busyLabel="Generating…" />
    </form>
  );
}

/** A radio with its label ("Integrator level — every permission"): the whole text is the radio's name. */
function OptionCard({ id, value, checked, title, hint }: { id: string; value: string; checked: boolean; title: string; hint?: string }) {
  return (
    <div className={cn("flex items-start gap-3 rounded-lg border p-3 transition-colors", checked && "border-primary bg-primary/5")}>
      <RadioGroupItem value={value} id={id} className="mt-0.5" />
      <Label htmlFor={id} className="block cursor-pointer leading-snug font-normal">
        <span className="font-medium">{title}</span>
        {hint && <span className="text-muted-foreground"> — {hint}</span>}
      </Label>
    </div>
  );
}

function FieldMessage({ children }: { children: React.ReactNode }) {
  return <p className="text-xs font-medium text-destructive dark:text-red-300">{children}</p>;
}
