"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { requestResetCode } from "@/lib/auth/password-reset-actions";
import { FormBanner } from "./form-banner";

export const RESET_STORAGE_KEY = "kotani.reset";

import type { ForgotPasswordValues as Values } from "./forgot-password-schema";

const resolver = zodResolverOnDemand<Values>(() => import("./forgot-password-schema").then((m) => m.forgotPasswordSchema));

/** Step 1: "Send Reset OTP". The answer is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ resolver, defaultValues: { email: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: Values) {
    setFormError(null);
    const res = await requestResetCode(values);
    if (!res.ok) {
      if (res.fieldErrors?.email) form.setError("email", { message: res.fieldErrors.email[0] });
      else setFormError(res.error);
      return;
    }
    sessionStorage.setItem(RESET_STORAGE_KEY, JSON.stringify({ email: values.email.trim(), notice: res.data.message }));
    router.push("/reset-password");
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} onFocus={resolver.preload} noValidate className="mt-8 space-y-5">
      {formError && (
        <FormBanner tone="error" testId="form-error" role="alert">
          {formError}
        </FormBanner>
      )}
      <FormField id="email" label="Email Address" error={errors.email?.message}>
        <Input type="email" autoComplete="username" placeholder="you@company.com" {...form.register("email")} />
      </FormField>
      <Button type="submit" className="w-full" size="lg" disabled={isSubmitting}>
        {isSubmitting && <Spinner />}
        Send Reset OTP
      </Button>
    </form>
  );
}
