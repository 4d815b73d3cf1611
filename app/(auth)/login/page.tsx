import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/scope";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { LoginForm } from "@/components/auth/login-form";
import { loginErrorMessage } from "@/components/auth/login-messages";
import { Logo } from "@/components/shell/logo";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  reset: "Your password has been reset. Sign in with your new password.",
  set: "Your password is set. Sign in to continue.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; notice?: string }>;
}) {
  const { callbackUrl, error, notice } = await searchParams;
  const target = safeCallbackUrl(callbackUrl);
  if (await getSessionUser()) redirect(target);
  return (
    <div className="grid w-full max-w-4xl overflow-hidden rounded-2xl border bg-card shadow-xl md:grid-cols-2">
      <section className="hidden flex-col justify-between bg-gradient-to-br from-primary/90 to-violet-900 p-10 text-white md:flex">
        <Logo className="text-white" />
        <div>
          <h2 className="text-3xl font-semibold">Jump right back in</h2>
          <p className="mt-2 text-white/80">Sign in to continue to your dashboard</p>
        </div>
        <p className="text-xs text-white/60">Collections, payouts and wallets across Africa.</p>
      </section>
      <section className="p-8 sm:p-10">
        <div className="mb-6 md:hidden">
          <Logo />
        </div>
        <h1 className="text-2xl font-semibold">Welcome back</h1>
        <p className="mt-1 text-sm text-muted-foreground">Enter your credentials to access your account</p>
        <LoginForm
          callbackUrl={target}
          notice={notice ? (NOTICES[notice] ?? null) : null}
          initialError={typeof error === "string" ? loginErrorMessage(error) : null}
        />
      </section>
    </div>
  );
}
