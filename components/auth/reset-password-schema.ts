import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-limits";

// Loaded on first use (zodResolverOnDemand in reset-password-form.tsx): the page does not ship zod.
export const resetPasswordFormSchema = z
  .object({
    email: z.string().trim().min(1, "Enter your email address").email("Enter a valid email address").max(254),
    code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit OTP from the email"),
    password: z
      .string()
      .min(1, "Enter a new password")
      .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
      .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`),
    confirmPassword: z.string().min(1, "Confirm your new password"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });
export type ResetPasswordValues = z.infer<typeof resetPasswordFormSchema>;
