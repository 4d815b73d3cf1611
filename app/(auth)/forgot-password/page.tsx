import type { Metadata } from "next";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage() {
  await connection(); // rendered per request: the CSP nonce is per request
  return (
    <AuthCard
      eyebrow="Request Reset OTP"
      title="Reset your password"
      description="Enter the email address of your account and we'll email you a 6-digit one-time password (OTP). First time here? Use this form to set your password."
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
