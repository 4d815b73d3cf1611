"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signInWithCredentials } from "@/lib/auth/client/sign-in";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { PasswordInput } from "@/components/auth/password-input";
import { acceptInviteAction } from "@/lib/team/accept-invite-actions";
import { PASSWORD_MIN_LENGTH } from "@/lib/team/team-constants";
import type { AcceptInviteInput } from "@/lib/team/schemas";
import { zodResolverOnDemand } from "@/lib/client/zod-resolver-on-demand";

// The schemas (and zod) load on first validation; the form starts the download when focused.
const existingResolver = zodResolverOnDemand<AcceptInviteInput>(() => import("@/lib/team/schemas").then((m) => m.acceptExistingAccountSchema));
const newResolver = zodResolverOnDemand<AcceptInviteInput>(() => import("@/lib/team/schemas").then((m) => m.acceptNewAccountSchema));

/**
 * Accepts the invite (a public, token-checked server action), then signs in with the same email
 * and password through next-auth, and lands on the dashboard.
 */
export function AcceptInviteForm({
  token,
  email,
  organization,
  accountExists,
}: {
  token: string;
  email: string;
  organization: string;
  accountExists: boolean;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<React.ReactNode>(null);
  const resolver = accountExists ? existingResolver : newResolver;
  const form = useForm<AcceptInviteInput>({
    resolver,
    defaultValues: accountExists
      ? { mode: "existing", token, password: "" }
      : { mode: "new", token, name: "", password: "", confirmPassword: "" },
  });
  const { isSubmitting } = form.formState;
  const errors = form.formState.errors as Partial<
    Record<"name" | "password" | "confirmPassword", { message?: string }>
  >;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await acceptInviteAction(values);
    if (!res.ok) {
      const fields = res.fieldErrors ?? {};
      for (const f of ["name", "password", "confirmPassword"] as const) {
        if (fields[f]) form.setError(f, { message: fields[f]![0] });
      }
      if (!fields.name && !fields.password && !fields.confirmPassword) setFormError(res.error);
      return;
    }
    const signedIn = await signInWithCredentials({ email: res.data.email, password: values.password });
    if (!signedIn || signedIn.error) {
      setFormError(
        <>
          You joined {organization}, but signing you in did not work.{" "}
          <Link href="/login" className="underline">
            Sign in
          </Link>{" "}
          with your email and password.
        </>,
      );
      return;
    }
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={submit} onFocus={resolver.preload} noValidate className="mt-6 space-y-5">
      {formError && (
        <Alert variant="destructive" data-testid="accept-error">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <FormField id="invite-email" label="Email Address" description="The address this invitation was sent to.">
        <Input value={email} readOnly autoComplete="username" className="bg-muted/40" />
      </FormField>
      {accountExists ? (
        <FormField
          id="password"
          label="Password"
          error={errors.password?.message}
          description="You already have a Kotani Pay account: enter its password to join."
        >
          {(control) => (
            <PasswordInput control={control} autoComplete="current-password" {...form.register("password")} />
          )}
        </FormField>
      ) : (
        <>
          <FormField id="name" label="Full name" required error={errors.name?.message}>
            <Input autoComplete="name" {...form.register("name")} />
          </FormField>
          <FormField
            id="password"
            label="Password"
            required
            error={errors.password?.message}
            description={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase is easiest to remember.`}
          >
            {(control) => (
              <PasswordInput control={control} autoComplete="new-password" {...form.register("password")} />
            )}
          </FormField>
          <FormField id="confirmPassword" label="Confirm password" required error={errors.confirmPassword?.message}>
            {(control) => (
              <PasswordInput
                control={control}
                toggleLabel="confirmation"
                autoComplete="new-password"
                {...form.register("confirmPassword")}
              />
            )}
          </FormField>
        </>
      )}
      <Button type="submit" className="w-full" size="lg" disabled={isSubmitting}>
        {isSubmitting && <Spinner />}
        {accountExists ? `Join ${organization}` : "Create account and join"}
      </Button>
    </form>
  );
}
