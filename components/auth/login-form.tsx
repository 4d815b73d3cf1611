"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signInWithCredentials } from "@/lib/auth/client/sign-in";
import { useForm } from "react-hook-form";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { PasswordInput } from "./password-input";
import { LOGIN_MESSAGES, loginErrorMessage } from "./login-messages";
import { FormBanner } from "./form-banner";

import type { LoginValues } from "./login-schema";

const resolver = zodResolverOnDemand<LoginValues>(() => import("./login-schema").then((m) => m.loginSchema));

/**
 * Sign-in in one or two steps: email + password; then, only when the password was right and the
 * account has two-factor on, a code from the authenticator app (or a recovery code). The second
 * step re-sends the email and password with the code: nothing is trusted between the steps.
 */
export function LoginForm({ callbackUrl, notice, initialError }: { callbackUrl: string; notice?: string | null; initialError?: string | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const [credentials, setCredentials] = useState<LoginValues | null>(null);
  const form = useForm<LoginValues>({ resolver, defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: LoginValues, second?: { totp?: string; recoveryCode?: string }) {
    setFormError(null);
    const res = await signInWithCredentials({ ...values, ...second });
    if (res && !res.error && res.ok) {
      router.replace(callbackUrl);
      router.refresh();
      return "ok" as const;
    }
    if (res?.error === "TwoFactorRequired") {
      setCredentials(values);
      return "two-factor" as const;
    }
    if (second && res?.error === "CredentialsSignin") {
      // The password no longer works (changed meanwhile): start again.
      setCredentials(null);
    }
    setFormError(loginErrorMessage(res?.error ?? "CredentialsSignin", res?.status));
    return "error" as const;
  }

  if (credentials) {
    return (
      <TwoFactorStep
        error={formError}
        onBack={() => {
          setCredentials(null);
          setFormError(null);
          form.setValue("password", "");
        }}
        onSubmit={(second) => submit(credentials, second)}
      />
    );
  }

  return (
    <form onSubmit={form.handleSubmit((v) => submit(v))} onFocus={resolver.preload} noValidate className="mt-8 space-y-5">
      {notice && !formError && (
        <FormBanner tone="success" testId="login-notice">
          {notice}
        </FormBanner>
      )}
      {formError && (
        <FormBanner tone="error" testId="login-error">
          {formError}
        </FormBanner>
      )}
      <FormField id="email" label="Email Address" error={errors.email?.message}>
        <Input type="email" autoComplete="username" placeholder="you@company.com" {...form.register("email")} />
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        {(control) => <PasswordInput control={control} autoComplete="current-password" {...form.register("password")} />}
      </FormField>
      <div className="flex justify-end">
        <Link href="/forgot-password" className="text-sm text-primary hover:underline dark:text-violet-300">
          Forgot your password?
        </Link>
      </div>
      <Button type="submit" className="w-full" size="lg" disabled={isSubmitting}>
        {isSubmitting && <Spinner />}
        Sign in
      </Button>
    </form>
  );
}

function TwoFactorStep({
  error,
  onBack,
  onSubmit,
}: {
  error: string | null;
  onBack: () => void;
  onSubmit: (second: { totp?: string; recoveryCode?: string }) => Promise<"ok" | "two-factor" | "error">;
}) {
  const [mode, setMode] = useState<"totp" | "recovery">("totp");
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = code.trim();
    if (mode === "totp" && !/^\d{6}$/.test(value)) return setFieldError(LOGIN_MESSAGES.codeFormat);
    if (mode === "recovery" && !/^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(value)) return setFieldError(LOGIN_MESSAGES.recoveryFormat);
    setFieldError(null);
    setPending(true);
    const outcome = await onSubmit(mode === "totp" ? { totp: value } : { recoveryCode: value });
    setPending(false);
    if (outcome === "error") setCode("");
  }

  return (
    <form onSubmit={submit} noValidate className="mt-8 space-y-5" aria-labelledby="two-factor-title">
      <div className="flex items-start gap-3">
        <ShieldCheck className="mt-0.5 size-5 text-primary dark:text-violet-300" aria-hidden />
        <div>
          <h2 id="two-factor-title" className="font-medium">
            Two-factor authentication
          </h2>
          <p className="text-sm text-muted-foreground">
            {mode === "totp"
              ? "Enter the 6-digit code from your authenticator app."
              : "Enter one of the recovery codes you saved when you turned on two-factor. Each works once."}
          </p>
        </div>
      </div>
      {error && (
        <FormBanner tone="error" testId="login-error">
          {error}
        </FormBanner>
      )}
      {mode === "totp" ? (
        <FormField id="totp" label="Authentication code" error={fieldError}>
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="123456"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))}
          />
        </FormField>
      ) : (
        <FormField id="recoveryCode" label="Recovery code" error={fieldError}>
          <Input autoComplete="off" placeholder="xxxxx-xxxxx" maxLength={11} autoFocus value={code} onChange={(e) => setCode(e.target.value)} />
        </FormField>
      )}
      <Button type="submit" className="w-full" size="lg" disabled={pending}>
        {pending && <Spinner />}
        Verify
      </Button>
      <div className="flex items-center justify-between text-sm">
        <button type="button" onClick={onBack} className="text-muted-foreground hover:text-foreground">
          Back
        </button>
        <button
          type="button"
          className="text-primary hover:underline dark:text-violet-300"
          onClick={() => {
            setMode((m) => (m === "totp" ? "recovery" : "totp"));
            setCode("");
            setFieldError(null);
          }}
        >
          {mode === "totp" ? "Use a recovery code instead" : "Use your authenticator app instead"}
        </button>
      </div>
    </form>
  );
}
