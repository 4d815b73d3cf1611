import { test, expect } from "../fixtures/smtp";
import { DEMO_OWNER, DEMO_PASSWORD, signIn, signOut } from "../support/auth";
import { QA_ACCOUNTS } from "./accounts";
import { codeFrom, nextMail, requestResetCode, setAuthClockOffset, signInAs, submitNewPassword } from "./helpers";

const RESET_SUBJECT = /password reset code/;
const INVALID = "This code is invalid or has expired. Request a new one.";

test.describe("[SECURITY] forgot password with an emailed 6-digit code", () => {
  test.afterEach(() => setAuthClockOffset(0));

  test("the demo Owner resets the password with the OTP from the mail and signs in with the new one", async ({ page, smtp, browser }) => {
    test.setTimeout(120_000);
    const newPassword = "Amber-Lighthouse-Sailing-31";
    await page.goto("/login");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByText("Request Reset OTP")).toBeVisible();
    let since = Date.now();
    await requestResetCode(page, DEMO_OWNER);
    await expect(page.getByTestId("reset-notice")).toContainText("If an account exists for that email");
    await expect(page.getByLabel("One-Time Password (OTP)")).toHaveAttribute("placeholder", "Enter the 6-digit OTP");
    await expect(page.getByRole("link", { name: "Back to Sign In" })).toBeVisible();
    const mail = await nextMail(smtp, DEMO_OWNER, RESET_SUBJECT, since);
    expect(mail.html).toContain("Kotani Pay");
    expect(mail.text).toContain("expires in 10 minutes");
    const code = codeFrom(mail);

    // The mail's link opens the page with the address filled in, also in a browser where nothing
    // was typed (no step 1 in that tab); the code stays out of the link.
    const link = new URL(/(https?:\/\/\S+\/reset-password\S*)/.exec(mail.text)?.[1] ?? "http://missing.invalid/");
    expect(link.pathname).toBe("/reset-password");
    expect(link.searchParams.get("email")).toBe(DEMO_OWNER);
    expect(link.href).not.toContain(code);
    const elsewhere = await browser.newContext();
    const linked = await elsewhere.newPage();
    await linked.goto(`${link.pathname}${link.search}`);
    await expect(linked.getByLabel("Email Address")).toHaveValue(DEMO_OWNER);
    await expect(linked.getByLabel("One-Time Password (OTP)")).toHaveValue("");
    await elsewhere.close();

    try {
      await submitNewPassword(page, code, newPassword);
      await expect(page).toHaveURL(/\/login\?notice=reset/);
      await expect(page.getByTestId("login-notice")).toHaveText("Your password has been reset. Sign in with your new password.");
      await expect((await nextMail(smtp, DEMO_OWNER, /password was changed/, since)).text).toContain("signed out");

      // The old password no longer works; the new one does.
      await page.getByLabel("Email Address").fill(DEMO_OWNER);
      await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("login-error")).toHaveText("Invalid email or password.");
      await signIn(page, DEMO_OWNER, newPassword);
      await signOut(page);
    } finally {
      // Put the demo password back for the other specs (same flow, a second code).
      since = Date.now();
      await requestResetCode(page, DEMO_OWNER);
      await submitNewPassword(page, codeFrom(await nextMail(smtp, DEMO_OWNER, RESET_SUBJECT, since)), DEMO_PASSWORD);
      await expect(page).toHaveURL(/\/login\?notice=reset/);
    }
    await signIn(page, DEMO_OWNER, DEMO_PASSWORD);
  });

  test("an expired code (clock moved to 10:01) and a reused code are refused", async ({ page, smtp }) => {
    test.setTimeout(120_000);
    const { email } = QA_ACCOUNTS.reset;
    let since = Date.now();
    await requestResetCode(page, email);
    const first = codeFrom(await nextMail(smtp, email, RESET_SUBJECT, since));

    setAuthClockOffset((10 * 60 + 1) * 1000);
    await submitNewPassword(page, first, "Copper-Kettle-Morning-44");
    await expect(page.getByText(INVALID)).toBeVisible();
    await expect(page).toHaveURL(/\/reset-password$/);
    setAuthClockOffset(0);

    // A new code works (at 9:59 it would too: the figures are in lib/auth/password-reset.test.ts)…
    since = Date.now();
    await requestResetCode(page, email);
    const second = codeFrom(await nextMail(smtp, email, RESET_SUBJECT, since));
    await submitNewPassword(page, second, "Copper-Kettle-Morning-44");
    await expect(page).toHaveURL(/\/login\?notice=reset/);

    // …once.
    await page.goto("/reset-password");
    await page.getByLabel("Email Address").fill(email);
    await submitNewPassword(page, second, "Another-Quiet-Meadow-55");
    await expect(page.getByText(INVALID)).toBeVisible();

    await signInAs(page, email, "Copper-Kettle-Morning-44");
  });

  test("an unknown email gets the same answer and no mail; bad input gets field errors", async ({ page, smtp }) => {
    const since = Date.now();
    await requestResetCode(page, "nobody-here@security.test");
    await expect(page.getByTestId("reset-notice")).toContainText("If an account exists for that email");
    await page.waitForTimeout(1500);
    expect(smtp.messages.filter((m) => m.to.includes("nobody-here@security.test") && m.receivedAt.getTime() >= since)).toHaveLength(0);

    await submitNewPassword(page, "12ab56", "Copper-Kettle-Morning-44");
    await expect(page.getByText("Enter the 6-digit OTP from the email")).toBeVisible();
    await submitNewPassword(page, "123456", "Copper-Kettle-Morning-44", "Copper-Kettle-Morning-45");
    await expect(page.getByText("The passwords do not match")).toBeVisible();
    await submitNewPassword(page, "123456", "short");
    await expect(page.getByText("Use at least 12 characters")).toBeVisible();
    await submitNewPassword(page, "123456", "password1234");
    await expect(page.getByText("This password is too common. Choose one that is harder to guess.")).toBeVisible();
    await submitNewPassword(page, "123456", "Copper-Kettle-Morning-44");
    await expect(page.getByText(INVALID)).toBeVisible();

    await page.goto("/forgot-password");
    await page.getByLabel("Email Address").fill("not-an-email");
    await page.getByRole("button", { name: "Send Reset OTP" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
  });

  test("a first-time user sets a password with the same flow, signs in and meets the environment gate", async ({ page, smtp }) => {
    test.setTimeout(120_000);
    const { email } = QA_ACCOUNTS.first;
    const password = "Saffron-Bicycle-Harbour-62";
    // No password yet: sign-in fails like any wrong password.
    await page.goto("/login");
    await page.getByLabel("Email Address").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Invalid email or password.");

    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByText("First time here? Use this form to set your password.")).toBeVisible();
    const since = Date.now();
    await requestResetCode(page, email);
    const mail = await nextMail(smtp, email, /code to set your password/, since);
    await submitNewPassword(page, codeFrom(mail), password);
    await expect(page).toHaveURL(/\/login\?notice=reset/);

    await signInAs(page, email, password, /\/environment$/);
    await expect(page.getByRole("heading", { name: "Choose your environment" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Use Production" })).toBeDisabled(); // not provisioned
    await page.screenshot({ path: "/tmp/sec-environment-gate.png" });
    await page.getByRole("button", { name: "Use Sandbox" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
    // Chosen once: the gate doesn't come back.
    await page.goto("/");
    await expect(page).not.toHaveURL(/\/environment/);
  });
});
