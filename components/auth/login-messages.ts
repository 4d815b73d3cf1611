/** The login form's messages (shared by the client form and the server page for `?error=`). */
export const LOGIN_MESSAGES = {
  invalid: "Invalid email or password.",
  tooMany: "Too many attempts. Please wait a few minutes and try again.",
  badCode: "That code is not valid. Try again.",
  codeFormat: "Enter the 6-digit code from your authenticator app",
  recoveryFormat: "Enter one of your recovery codes",
} as const;

/** next-auth's `?error=` codes (also reached without JavaScript) → what the form says. */
export function loginErrorMessage(code: string | null | undefined, status?: number): string | null {
  if (!code) return null;
  if (status === 429 || code === "TooManyAttempts") return LOGIN_MESSAGES.tooMany;
  if (code === "TwoFactorInvalid") return LOGIN_MESSAGES.badCode;
  if (code === "TwoFactorRequired") return null;
  return LOGIN_MESSAGES.invalid;
}

