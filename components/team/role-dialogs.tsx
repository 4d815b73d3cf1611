"use client";

import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
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
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useScope } from "@/components/shell/scope-context";
import { createRoleAction, deleteRoleAction, updateRoleAction } from "@/lib/team/actions";
import { ROLE_NAME_MAX_LENGTH } from "@/lib/team/team-constants";
import type { roleInputSchema } from "@/lib/team/schemas";
import type { RoleSummary } from "@/lib/team/roles-contract";
import { PermissionMatrix } from "./permission-matrix";
import { canGrant } from "./role-utils";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

type FormIn = z.input<typeof roleInputSchema>;
type FormOut = z.output<typeof roleInputSchema>;

/** The action's schema (and zod) load on first validation; the form starts the download when focused. */
const resolver = zodResolverOnDemand<FormIn, unknown, FormOut>(() => import("@/lib/team/schemas").then((m) => m.roleInputSchema));

/** Create a custom role, edit one, or look at a built-in one (read-only). */
export function RoleEditorDialog({
  open,
  role,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  /** null: a new role. */
  role: RoleSummary | null;
  onOpenChange(open: boolean): void;
  onSaved(): void;
}) {
  const scope = useScope();
  const readOnly = role?.isBuiltin ?? false;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver,
    values: { name: role?.name ?? "", description: role?.description ?? "", permissions: role?.permissions ?? [] },
  });
  const { errors, isSubmitting } = form.formState;

  const close = (o: boolean) => {
    if (isSubmitting) return;
    if (!o) setFormError(null);
    onOpenChange(o);
  };

  const submit = form.handleSubmit(async () => {
    setFormError(null);
    const values = form.getValues();
    const res = role ? await updateRoleAction({ ...values, roleId: role.id }) : await createRoleAction(values);
    if (!res.ok) {
      if (res.fieldErrors?.name) form.setError("name", { message: res.fieldErrors.name[0] });
      else setFormError(res.error);
      return;
    }
    toast.success(role ? `Role "${res.data.name}" saved` : `Role "${res.data.name}" created`, {
      description: role ? "Its members get the new permissions on their next request." : undefined,
    });
    onSaved();
    close(false);
  });

  const title = readOnly ? role!.name : role ? `Edit role: ${role.name}` : "Create role";
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-2xl">
        <form onSubmit={submit} onFocus={resolver.preload} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle className="flex items-center gap-2">
              {title}
              {readOnly && <Badge variant="secondary">Built-in</Badge>}
            </DialogTitle>
            <DialogDescription>
              {readOnly
                ? "Built-in roles cannot be changed. Create a custom role to grant a different set of permissions."
                : "Choose what members with this role can see and do. You can only grant permissions you hold yourself."}
            </DialogDescription>
          </DialogHeader>
          {formError && (
            <Alert variant="destructive" data-testid="role-error">
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          {!readOnly && (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="role-name" label="Role name" required error={errors.name?.message}>
                <Input
                  maxLength={ROLE_NAME_MAX_LENGTH}
                  autoComplete="off"
                  placeholder="e.g. Customer Support"
                  {...form.register("name")}
                />
              </FormField>
              <FormField id="role-description" label="Description" error={errors.description?.message}>
                <Textarea
                  rows={1}
                  className="min-h-9"
                  placeholder="What this role is for"
                  {...form.register("description")}
                />
              </FormField>
            </div>
          )}
          {readOnly && role?.description && <p className="text-sm text-muted-foreground">{role.description}</p>}
          <Controller
            control={form.control}
            name="permissions"
            render={({ field }) => (
              <PermissionMatrix
                value={field.value as string[]}
                onChange={field.onChange}
                readOnly={readOnly}
                held={scope.permissions}
              />
            )}
          />
          {errors.permissions && (
            <p className="text-xs font-medium text-destructive dark:text-red-300">{errors.permissions.message}</p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => close(false)} disabled={isSubmitting}>
              {readOnly ? "Close" : "Cancel"}
            </Button>
            {!readOnly && (
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting && <Spinner />}
                {role ? "Save changes" : "Create role"}
              </Button>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Delete a custom role; a role in use first moves its members (and pending invites) to another role. */
export function DeleteRoleDialog({
  open,
  role,
  roles,
  onOpenChange,
  onDeleted,
}: {
  open: boolean;
  role: RoleSummary;
  /** Every role: where its members may move. */
  roles: RoleSummary[];
  onOpenChange(open: boolean): void;
  onDeleted(): void;
}) {
  const scope = useScope();
  const [target, setTarget] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Each opening starts afresh.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setTarget("");
      setError(null);
    }
  }
  const inUse = role.memberCount + role.pendingInviteCount > 0;
  const targets = roles.filter((r) => r.id !== role.id && canGrant(r, scope.permissions));

  const confirm = async () => {
    setPending(true);
    setError(null);
    const res = await deleteRoleAction({ roleId: role.id, ...(inUse && target ? { reassignToRoleId: target } : {}) });
    setPending(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    const moved = res.data.membersMoved;
    toast.success(`Role "${res.data.name}" deleted`, {
      description: moved
        ? `${moved} member${moved === 1 ? "" : "s"} moved to ${roles.find((r) => r.id === target)?.name}.`
        : undefined,
    });
    onDeleted();
    onOpenChange(false);
  };

  const who = [
    role.memberCount ? `${role.memberCount} member${role.memberCount === 1 ? "" : "s"}` : "",
    role.pendingInviteCount ? `${role.pendingInviteCount} pending invite${role.pendingInviteCount === 1 ? "" : "s"}` : "",
  ]
    .filter(Boolean)
    .join(" and ");

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete role</DialogTitle>
          <DialogDescription>
            {inUse
              ? `${role.name} has ${who}. Choose the role they move to; moved members sign in again.`
              : `Delete the ${role.name} role? Nobody has it.`}
          </DialogDescription>
        </DialogHeader>
        {error && (
          <Alert variant="destructive" data-testid="dialog-error">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        {inUse && (
          <FormField id="reassign-role" label="Move members to" required>
            {(control) => <RoleSelect control={control} roles={targets} value={target} onChange={setTarget} />}
          </FormField>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="destructive" onClick={confirm} disabled={pending || (inUse && !target)}>
            {pending && <Spinner />}
            {inUse ? "Move members and delete" : "Delete role"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
