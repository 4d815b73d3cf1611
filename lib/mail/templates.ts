import type { MailMessage } from "./send-mail";
import { renderMail } from "./layout";
import { appUrl } from "@/lib/env";

/** Account-security mails: plain text + HTML in the product's look (lib/mail/layout.ts). Never a password. */

/** The "Set new password" page with the email field filled in. */
export function resetPasswordUrl(email: string): string {
  return appUrl(`/reset-password?${new URLSearchParams({ email })}`);
}

export function passwordResetMail(opts: { to: string; name: string; code: string; firstPassword: boolean }): MailMessage {
  const subject = opts.firstPassword ? "Your Kotani Pay code to set your password" : "Your Kotani Pay password reset code";
  const { text, html } = renderMail({
    heading: opts.firstPassword ? "Set your password" : "Reset your password",
    paragraphs: [
      `Hi ${opts.name},`,
      opts.firstPassword
        ? "Use this one-time password (OTP) to set the password of your Kotani Pay Backoffice account."
        : "Use this one-time password (OTP) to reset the password of your Kotani Pay Backoffice account.",
      "It expires in 10 minutes and works once. Enter it on the “Set new password” page together with your new password.",
    ],
    code: opts.code,
    // The link fills in the address (the page's email field); the code stays in the mail body only:
    // a secret in a URL would end up in browser history and proxy logs.
    button: { label: "Set new password", url: resetPasswordUrl(opts.to) },
    footer: "If you didn't ask for this, ignore this email: your password stays the same. Never share this code with anyone, including Kotani Pay staff.",
  });
  return { to: opts.to, subject, text, html };
}

export function passwordChangedMail(opts: { to: string; name: string; firstPassword: boolean; at: Date }): MailMessage {
  const when = `${opts.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const { text, html } = renderMail({
    heading: opts.firstPassword ? "Your password is set" : "Your password was changed",
    paragraphs: [
      `Hi ${opts.name},`,
      opts.firstPassword
        ? `The password of your Kotani Pay Backoffice account was set on ${when}. You can now sign in.`
        : `The password of your Kotani Pay Backoffice account was changed on ${when}. Every session that was signed in has been signed out.`,
      "If this wasn't you, reset your password now and tell your organisation's owner.",
    ],
    button: { label: "Sign in", url: appUrl("/login") },
  });
  return { to: opts.to, subject: opts.firstPassword ? "Your Kotani Pay password is set" : "Your Kotani Pay password was changed", text, html };
}

export function twoFactorChangedMail(opts: { to: string; name: string; enabled: boolean; at: Date }): MailMessage {
  const when = `${opts.at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const { text, html } = renderMail({
    heading: opts.enabled ? "Two-factor authentication is on" : "Two-factor authentication is off",
    paragraphs: [
      `Hi ${opts.name},`,
      opts.enabled
        ? `Two-factor authentication was turned on for your Kotani Pay Backoffice account on ${when}. Signing in now also asks for a code from your authenticator app. Keep your recovery codes somewhere safe.`
        : `Two-factor authentication was turned off for your Kotani Pay Backoffice account on ${when}.`,
      "If this wasn't you, reset your password now and tell your organisation's owner.",
    ],
    button: { label: "Open your account", url: appUrl("/account") },
  });
  return { to: opts.to, subject: opts.enabled ? "Two-factor authentication is on" : "Two-factor authentication is off", text, html };
}
