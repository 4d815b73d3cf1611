import { writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import type { Mail, SmtpCapture } from "../fixtures/smtp";

const ROOT = process.cwd(); // Playwright runs from the repository root
const DATA_DIR = path.resolve(ROOT, process.env.E2E_DATA_DIR || ".test-data/e2e");

/**
 * Moves the clock of the e2e server's auth services (lib/auth/clock.ts) by `ms`; 0 puts it back.
 * The server reads the file on every check, so no restart or sleep is needed.
 */
export function setAuthClockOffset(ms: number): void {
  writeFileSync(path.join(DATA_DIR, "clock-offset-ms"), String(ms));
}

/** The 6-digit code of a reset mail. */
export function codeFrom(mail: Mail): string {
  const m = /\b(\d{6})\b/.exec(mail.text);
  if (!m) throw new Error(`no 6-digit code in: ${mail.text}`);
  return m[1]!;
}

/** Waits for the next mail to `to` whose subject matches, received after `since`. */
export function nextMail(smtp: SmtpCapture, to: string, subject: RegExp, since: number): Promise<Mail> {
  return smtp.waitFor((m) => m.to.includes(to) && subject.test(m.subject) && m.receivedAt.getTime() >= since, 20_000);
}

/** "Forgot your password?" → Email Address → Send Reset OTP; lands on "Set new password". */
export async function requestResetCode(page: Page, email: string): Promise<void> {
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email Address").fill(email);
  await page.getByRole("button", { name: "Send Reset OTP" }).click();
  await expect(page).toHaveURL(/\/reset-password$/);
  await expect(page.getByRole("heading", { name: "Set new password" })).toBeVisible();
  await expect(page.getByLabel("Email Address")).toHaveValue(email);
}

/** Fills "Set new password" and submits it. */
export async function submitNewPassword(page: Page, code: string, password: string, confirm = password): Promise<void> {
  await page.getByLabel("One-Time Password (OTP)").fill(code);
  await page.getByLabel("New Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password", { exact: true }).fill(confirm);
  await page.getByRole("button", { name: "Reset Password" }).click();
}

/** Signs in through the form, as far as the dashboard (or the page given). */
export async function signInAs(page: Page, email: string, password: string, landing: RegExp | null = null) {
  await page.goto("/login");
  await page.getByLabel("Email Address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (landing) await expect(page).toHaveURL(landing, { timeout: 30_000 });
  else await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
}

/** The session cookie of a browser context, as a Cookie header value. */
export async function sessionCookieHeader(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("kotani.session"));
  if (!cookie) throw new Error("no session cookie");
  return `${cookie.name}=${cookie.value}`;
}

/** GET /api/context with exactly this Cookie header (a "copied cookie"): its status. */
export async function statusWithCookie(request: APIRequestContext, cookie: string): Promise<number> {
  const res = await request.get("/api/context", { headers: { cookie }, maxRedirects: 0 });
  return res.status();
}

/**
 * A TOTP code the server will accept: a code works once (the server keeps the last step used),
 * and only the previous, current and next 30-second steps are accepted. So: the step after the
 * last one this test used, waiting for the clock when that is more than one step ahead.
 */
export function totpClock() {
  let lastStep = 0;
  return async function next(secret: string): Promise<string> {
    for (;;) {
      const now = Math.floor(Date.now() / 1000);
      const current = Math.floor(now / 30);
      const step = Math.max(current, lastStep + 1);
      if (step <= current + 1) {
        lastStep = step;
        return generate({ secret, epoch: step * 30 });
      }
      await new Promise((r) => setTimeout(r, ((current + 1) * 30 - now) * 1000 + 200));
    }
  };
}
