import { z } from "zod";
import { PASSWORDS_DIFFER, confirmPasswordField, newPasswordField } from "../new-password-fields";

// Loaded on first use (zodResolverOnDemand in change-password-card.tsx): the page does not ship zod.
export const changePasswordFormSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password"),
    newPassword: newPasswordField,
    confirmPassword: confirmPasswordField,
  })
  .refine((v) => v.newPassword === v.confirmPassword, PASSWORDS_DIFFER);
export type ChangePasswordValues = z.infer<typeof changePasswordFormSchema>;
