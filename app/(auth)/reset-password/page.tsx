import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Set new password" };

export default async function ResetPasswordPage() {
  await connection(); // rendered per request: the CSP nonce is per request
  return (
    <AuthCard eyebrow="Reset Password" title="Set new password" description="Enter the OTP from the email (valid 10 minutes) and choose a new password.">
      <ResetPasswordForm />
    </AuthCard>
  );
}
