import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-limits";

/** A new password and its confirmation, as the reset and change forms check them (the server applies the policy again). */
export const newPasswordField = z
  .string()
  .min(1, "Enter a new password")
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);
export const confirmPasswordField = z.string().min(1, "Confirm your new password");
/** The refinement's issue when the two differ. */
export const PASSWORDS_DIFFER = { path: ["confirmPassword"], message: "The passwords do not match" };
