import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Password rules (A5 6.2.1–6.2.9): at least 12 characters, at most 128 (argon2id, no truncation),
 * no composition rules, not one of the common passwords in common-passwords.txt, and confirmed.
 * The client form checks length and confirmation; only the server holds the list.
 */
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-limits";

export { PASSWORD_MAX, PASSWORD_MIN };

export const PASSWORD_MESSAGES = {
  required: "Enter a new password",
  tooShort: `Use at least ${PASSWORD_MIN} characters`,
  tooLong: `Use at most ${PASSWORD_MAX} characters`,
  common: "This password is too common. Choose one that is harder to guess.",
  personal: "Don't use your email address or the product's name in your password",
  mismatch: "The passwords do not match",
  confirm: "Confirm your new password",
} as const;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(process.cwd(), "lib", "auth", "common-passwords.txt");
    common = new Set(
      readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l && !l.startsWith("#")),
    );
  }
  return common;
}

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (commonPasswords().has(p)) return true;
  // One character repeated, e.g. "aaaaaaaaaaaa" / "!!!!!!!!!!!!".
  return /^(.)\1+$/.test(p);
}

/** The length rules only (what the browser form also checks). */
export const passwordLengthSchema = z
  .string({ error: PASSWORD_MESSAGES.required })
  .min(1, PASSWORD_MESSAGES.required)
  .min(PASSWORD_MIN, PASSWORD_MESSAGES.tooShort)
  .max(PASSWORD_MAX, PASSWORD_MESSAGES.tooLong);

/** Server side: length + the common-password list. */
export const newPasswordSchema = passwordLengthSchema.refine((p) => !isCommonPassword(p), PASSWORD_MESSAGES.common);

/**
 * The email's local part or "kotani" inside the password (A5 6.2.11, context-specific words).
 * Local parts under 5 characters ("demo", "ops", "info") are ordinary words: not checked.
 */
export function isPersonalPassword(password: string, email: string): boolean {
  const p = password.toLowerCase();
  const local = email.toLowerCase().split("@")[0] ?? "";
  return (local.length >= 5 && p.includes(local)) || p.includes("kotani");
}
