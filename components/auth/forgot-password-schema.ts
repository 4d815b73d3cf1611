import { z } from "zod";

// Loaded on first use (zodResolverOnDemand in forgot-password-form.tsx): the page does not ship zod.
export const forgotPasswordSchema = z.object({ email: z.string().trim().min(1, "Enter your email address").email("Enter a valid email address").max(254) });
export type ForgotPasswordValues = z.infer<typeof forgotPasswordSchema>;
