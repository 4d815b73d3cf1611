"use client";

import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { RoleSelect } from "./role-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useScope } from "@/components/shell/scope-context";
import { inviteMembersAction } from "@/lib/team/actions";
import { INVITE_TTL_HOURS, MAX_INVITES_PER_REQUEST, splitEmailList } from "@/lib/team/team-constants";
import type { inviteMembersSchema } from "@/lib/team/schemas";
import type { RoleSummary } from "@/lib/team/roles-contract";
import { canGrant } from "./role-utils";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

type FormIn = z.input<typeof inviteMembersSchema>;
type FormOut = z.output<typeof inviteMembersSchema>;

/** The action's schema (and zod) load on first validation; the form starts the download when focused. */
const resolver = zodResolverOnDemand<FormIn, unknown, FormOut>(() => import("@/lib/team/schemas").then((m) => m.inviteMembersSchema));

/** "Invite teammates": one or several addresses and a role; each gets a single-use 72 h link. */
export function InviteDialog({
  open,
  onOpenChange,
  roles,
  onInvited,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  roles: RoleSummary[];
  onInvited(): void;
}) {
  const scope = useScope();
  const grantable = roles.filter((r) => canGrant(r, scope.permissions));
  const defaultRole = grantable.find((r) => r.name === "Viewer")?.id ?? grantable[0]?.id ?? "";
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver,
    defaultValues: { emails: "", roleId: defaultRole },
  });
  const { errors, isSubmitting } = form.formState;
  const emailsText = useWatch({ control: form.control, name: "emails" });
  const roleId = useWatch({ control: form.control, name: "roleId" });
  const count = splitEmailList(emailsText ?? "").length;

  const close = (o: boolean) => {
    if (isSubmitting) return;
    if (!o) {
      form.reset({ emails: "", roleId: defaultRole });
      setFormError(null);
    }
    onOpenChange(o);
  };

  const submit = form.handleSubmit(async () => {
    setFormError(null);
    const res = await inviteMembersAction(form.getValues());
    if (!res.ok) {
      if (res.fieldErrors?.emails) form.setError("emails", { message: res.fieldErrors.emails.join(" ") });
      if (res.fieldErrors?.roleId) form.setError("roleId", { message: res.fieldErrors.roleId[0] });
      if (!res.fieldErrors?.emails && !res.fieldErrors?.roleId) setFormError(res.error);
      return;
    }
    const n = res.data.invited.length;
    toast.success(n === 1 ? `Invite sent to ${res.data.invited[0]!.email}` : `Invites sent to ${n} people`, {
      description: `The link${n === 1 ? "" : "s"} can be used once, within ${INVITE_TTL_HOURS} hours.`,
    });
    if (res.data.mailFailed.length) {
      toast.warning(`The email to ${res.data.mailFailed.join(", ")} could not be delivered`, {
        description: "The invite exists: use Resend invite to try again.",
      });
    }
    onInvited();
    close(false);
  });

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-xl">
        <form onSubmit={submit} onFocus={resolver.preload} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Invite teammates</DialogTitle>
            <DialogDescription>
              Each person gets an email with a link to join {scope.organization}. The link works once and expires after{" "}
              {INVITE_TTL_HOURS} hours.
            </DialogDescription>
          </DialogHeader>
          {formError && (
            <Alert variant="destructive" data-testid="invite-error">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <FormField
            id="invite-emails"
            label="Email addresses"
            required
            error={errors.emails?.message}
            description={`Separate addresses with commas, spaces or new lines. Up to ${MAX_INVITES_PER_REQUEST} at once${count ? ` (${count} entered)` : ""}.`}
          >
            <Textarea
              rows={4}
              placeholder="amina@company.com, brian@company.com"
              autoComplete="off"
              spellCheck={false}
              {...form.register("emails")}
            />
          </FormField>
          <FormField id="invite-role" label="Role" required error={errors.roleId?.message}>
            {(control) => (
              <Controller
                control={form.control}
                name="roleId"
                render={({ field }) => <RoleSelect control={control} roles={grantable} value={field.value} onChange={field.onChange} />}
              />
            )}
          </FormField>
          <RoleHint role={roles.find((r) => r.id === roleId)} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting && <Spinner />}
              Send invites
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RoleHint({ role }: { role: RoleSummary | undefined }) {
  if (!role) return null;
  return (
    <p className="-mt-3 text-xs text-muted-foreground">
      {role.description || `${role.permissions.length} permission${role.permissions.length === 1 ? "" : "s"}`}
    </p>
  );
}
