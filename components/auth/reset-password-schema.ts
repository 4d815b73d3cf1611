import { z } from "zod";
import { PASSWORDS_DIFFER, confirmPasswordField, newPasswordField } from "./new-password-fields";

// Loaded on first use (zodResolverOnDemand in reset-password-form.tsx): the page does not ship zod.
export const resetPasswordFormSchema = z
  .object({
    email: z.string().trim().min(1, "Enter your email address").email("Enter a valid email address").max(254),
    code: z.string().trim().regex(/^\d{6}$/, "Enter the 6-digit OTP from the email"),
    password: newPasswordField,
    confirmPassword: confirmPasswordField,
  })
  .refine((v) => v.password === v.confirmPassword, PASSWORDS_DIFFER);
export type ResetPasswordValues = z.infer<typeof resetPasswordFormSchema>;
