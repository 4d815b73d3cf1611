import type { Metadata } from "next";
import { connection } from "next/server";
import { z } from "zod";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Set new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection(); // rendered per request: the CSP nonce is per request
  // The reset mail's link carries the address (lib/mail/templates.ts): fill it in when it is one.
  const { email } = await searchParams;
  const prefill = typeof email === "string" && z.email().max(254).safeParse(email).success ? email : undefined;
  return (
    <AuthCard eyebrow="Reset Password" title="Set new password" description="Enter the OTP from the email (valid 10 minutes) and choose a new password.">
      <ResetPasswordForm email={prefill} />
    </AuthCard>
  );
}
