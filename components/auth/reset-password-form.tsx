"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { resetPasswordWithCode } from "@/lib/auth/password-reset-actions";
import { PASSWORD_MIN } from "@/lib/auth/password-limits";
import { PasswordInput } from "./password-input";
import { RESET_STORAGE_KEY } from "./forgot-password-form";
import { FormBanner } from "./form-banner";
import { placeFieldErrors } from "@/lib/client/place-field-errors";

import type { ResetPasswordValues as Values } from "./reset-password-schema";

const resolver = zodResolverOnDemand<Values>(() => import("./reset-password-schema").then((m) => m.resetPasswordFormSchema));
const FIELDS = ["email", "code", "password", "confirmPassword"] as const;

const noSubscription = () => () => {};
const readSaved = () => sessionStorage.getItem(RESET_STORAGE_KEY);
function parseSaved(raw: string): { email?: string; notice?: string } | null {
  try {
    return JSON.parse(raw) as { email?: string; notice?: string };
  } catch {
    return null;
  }
}

/**
 * Step 2: "Reset Password" with the emailed code (also sets a first password). `email` comes from
 * the mail's link (`?email=`); without it, the address typed on step 1 in this tab fills the field.
 */
export function ResetPasswordForm({ email = "" }: { email?: string }) {
  const router = useRouter();
  const saved = useSyncExternalStore(noSubscription, readSaved, () => null);
  const notice = saved ? (parseSaved(saved)?.notice ?? null) : null;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver, defaultValues: { email, code: "", password: "", confirmPassword: "" } });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    const typed = saved ? parseSaved(saved)?.email : undefined;
    if (typed && !form.getValues("email")) form.setValue("email", typed);
  }, [saved, form]);

  async function onSubmit(values: Values) {
    setFormError(null);
    const res = await resetPasswordWithCode(values);
    if (!res.ok) {
      if (!placeFieldErrors(form.setError, FIELDS, res.fieldErrors)) setFormError(res.error);
      return;
    }
    sessionStorage.removeItem(RESET_STORAGE_KEY);
    router.replace("/login?notice=reset");
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} onFocus={resolver.preload} noValidate className="mt-8 space-y-5">
      {notice && !formError && (
        <FormBanner tone="success" testId="reset-notice">
          {notice}
        </FormBanner>
      )}
      {formError && (
        <FormBanner tone="error" testId="form-error" role="alert">
          {formError}
        </FormBanner>
      )}
      <FormField id="email" label="Email Address" error={errors.email?.message}>
        <Input type="email" autoComplete="username" placeholder="you@company.com" {...form.register("email")} />
      </FormField>
      <FormField id="code" label="One-Time Password (OTP)" error={errors.code?.message}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="Enter the 6-digit OTP" {...form.register("code")} />
      </FormField>
      <FormField
        id="password"
        label="New Password"
        description={`At least ${PASSWORD_MIN} characters. A long phrase is easy to remember and hard to guess.`}
        error={errors.password?.message}
      >
        {(control) => <PasswordInput control={control} autoComplete="new-password" toggleLabel="new password" {...form.register("password")} />}
      </FormField>
      <FormField id="confirmPassword" label="Confirm password" error={errors.confirmPassword?.message}>
        {(control) => (
          <PasswordInput control={control} autoComplete="new-password" toggleLabel="password confirmation" {...form.register("confirmPassword")} />
        )}
      </FormField>
      <Button type="submit" className="w-full" size="lg" disabled={isSubmitting}>
        {isSubmitting && <Spinner />}
        Reset Password
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Didn&apos;t get a code?{" "}
        <Link href="/forgot-password" className="text-primary hover:underline dark:text-violet-300">
          Send a new one
        </Link>
      </p>
    </form>
  );
}
