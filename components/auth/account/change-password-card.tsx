"use client";

import { useForm } from "react-hook-form";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import { changeOwnPassword } from "@/lib/auth/account-actions";
import { PASSWORD_MIN } from "@/lib/auth/password-limits";
import { PasswordInput } from "../password-input";
import { placeFieldErrors } from "@/lib/client/place-field-errors";

import type { ChangePasswordValues as Values } from "./change-password-schema";

const resolver = zodResolverOnDemand<Values>(() => import("./change-password-schema").then((m) => m.changePasswordFormSchema));
const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/**
 * The form, loaded when the account page's "Change password" is first used (react-hook-form is
 * ~11 kB the page would otherwise load for a form most visits never touch). Opens with the
 * current password focused; closes on success or Cancel.
 */
export function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const form = useForm<Values>({ resolver, defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: Values) {
    const res = await changeOwnPassword(values);
    if (!res.ok) {
      if (!placeFieldErrors(form.setError, FIELDS, res.fieldErrors)) form.setError("root", { message: res.error });
      return;
    }
    toast.success("Password changed. Your other sessions were signed out.");
    onClose();
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} onFocus={resolver.preload} onKeyDown={(e) => e.key === "Escape" && !isSubmitting && onClose()} noValidate className="max-w-md space-y-4" aria-label="Change password">
      {errors.root?.message && (
        <p role="alert" className="text-sm text-destructive dark:text-red-300">
          {errors.root.message}
        </p>
      )}
      <FormField id="currentPassword" label="Current password" error={errors.currentPassword?.message}>
        {(c) => <PasswordInput control={c} autoComplete="current-password" toggleLabel="current password" autoFocus {...form.register("currentPassword")} />}
      </FormField>
      <FormField id="newPassword" label="New password" description={`At least ${PASSWORD_MIN} characters; common passwords are refused.`} error={errors.newPassword?.message}>
        {(c) => <PasswordInput control={c} autoComplete="new-password" toggleLabel="new password" {...form.register("newPassword")} />}
      </FormField>
      <FormField id="confirmPassword" label="Confirm new password" error={errors.confirmPassword?.message}>
        {(c) => <PasswordInput control={c} autoComplete="new-password" toggleLabel="password confirmation" {...form.register("confirmPassword")} />}
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting && <Spinner />}
          Change password
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
