import { test, expect } from "../fixtures/smtp";
import { QA_ACCOUNTS, QA_PASSWORD } from "./accounts";
import { sessionCookieHeader, signInAs, statusWithCookie, totpClock } from "./helpers";

const owner = QA_ACCOUNTS.owner;
const member = QA_ACCOUNTS.member;

test.describe("[SECURITY] two-factor sign-in", () => {
  test("turn on with a QR code → sign-in asks for the code → a recovery code works once → the team can require it", async ({ page, browser, request }) => {
    test.setTimeout(300_000);
    const totp = totpClock();
    const memberTotp = totpClock();
    await signInAs(page, owner.email, QA_PASSWORD);
    await page.getByRole("button", { name: "User menu" }).click();
    await page.getByRole("menuitem", { name: "Account & security" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Account & security" })).toBeVisible();

    // Setup: QR code + key, confirm with a code, ten recovery codes.
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
    const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("Authentication code").fill("000000");
    await page.getByRole("button", { name: "Turn on two-factor" }).click();
    await expect(page.getByText("That code is not valid. Check your authenticator app and try again.")).toBeVisible();
    await page.getByLabel("Authentication code").fill(await totp(secret));
    await page.getByRole("button", { name: "Turn on two-factor" }).click();
    const list = page.getByTestId("recovery-codes");
    await expect(list.getByRole("listitem")).toHaveCount(10);
    const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
    await page.screenshot({ path: "/tmp/sec-recovery-codes.png", fullPage: true });
    await page.getByRole("button", { name: "I've saved them" }).click();
    await expect(page.getByTestId("two-factor-status")).toHaveText("On");
    await expect(page.getByText("10 of 10 recovery codes left")).toBeVisible();

    // Sign-in now asks for the code, and only after the right password.
    const fresh = await browser.newContext();
    const p2 = await fresh.newPage();
    await p2.goto("/login");
    await p2.getByLabel("Email Address").fill(owner.email);
    await p2.getByLabel("Password", { exact: true }).fill("Not-The-Password-1");
    await p2.getByRole("button", { name: "Sign in" }).click();
    await expect(p2.getByTestId("login-error")).toHaveText("Invalid email or password.");
    await p2.getByLabel("Password", { exact: true }).fill(QA_PASSWORD);
    await p2.getByRole("button", { name: "Sign in" }).click();
    await expect(p2.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await p2.getByLabel("Authentication code").fill("123456");
    await p2.getByRole("button", { name: "Verify" }).click();
    await expect(p2.getByTestId("login-error")).toHaveText("That code is not valid. Try again.");
    await p2.getByRole("button", { name: "Use a recovery code instead" }).click();
    await p2.getByLabel("Recovery code").fill(codes[0]!);
    await p2.getByRole("button", { name: "Verify" }).click();
    await expect(p2.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
    await fresh.close();

    // The same recovery code a second time: refused. A TOTP code (next step: the setup used this one): in.
    const again = await browser.newContext();
    const p3 = await again.newPage();
    await signInAs(p3, owner.email, QA_PASSWORD, /\/login/);
    await expect(p3.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
    await p3.getByRole("button", { name: "Use a recovery code instead" }).click();
    await p3.getByLabel("Recovery code").fill(codes[0]!);
    await p3.getByRole("button", { name: "Verify" }).click();
    await expect(p3.getByTestId("login-error")).toHaveText("That code is not valid. Try again.");
    await p3.getByRole("button", { name: "Use your authenticator app instead" }).click();
    await p3.getByLabel("Authentication code").fill(await totp(secret));
    await p3.getByRole("button", { name: "Verify" }).click();
    await expect(p3.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
    await again.close();

    // The owner requires two-factor for the whole team: a member without it is sent to set it up.
    await page.reload();
    await page.getByLabel("Require two-factor authentication for every member").click();
    await expect(page.getByText("Two-factor is now required for every member.")).toBeVisible();

    const mctx = await browser.newContext();
    const mp = await mctx.newPage();
    await signInAs(mp, member.email, QA_PASSWORD, /\/two-factor$/);
    await expect(mp.getByRole("heading", { name: "Set up two-factor authentication" })).toBeVisible();
    await mp.goto("/collections");
    await expect(mp).toHaveURL(/\/two-factor$/);
    expect(await statusWithCookie(request, await sessionCookieHeader(mctx))).toBe(403);
    await mp.screenshot({ path: "/tmp/sec-two-factor-required.png", fullPage: true });
    await mp.getByRole("button", { name: "Set up two-factor authentication" }).click();
    const memberSecret = (await mp.getByTestId("totp-secret").textContent())!.trim();
    await mp.getByLabel("Authentication code").fill(await memberTotp(memberSecret));
    await mp.getByRole("button", { name: "Turn on two-factor" }).click();
    await expect(mp.getByTestId("recovery-codes").getByRole("listitem")).toHaveCount(10);
    await mp.getByRole("button", { name: "I've saved them" }).click();
    await expect(mp.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
    expect(await statusWithCookie(request, await sessionCookieHeader(mctx))).toBe(200);
    await mctx.close();

    // Off again: the requirement, then the owner's own two-factor (a code is needed); a cookie
    // copied before that stops working.
    await page.reload();
    await page.getByLabel("Require two-factor authentication for every member").click();
    await expect(page.getByText("Two-factor is no longer required.")).toBeVisible();
    const copied = await sessionCookieHeader(page.context());
    const other = await browser.newContext();
    const op = await other.newPage();
    await signInAs(op, owner.email, QA_PASSWORD, /\/login/);
    await op.getByLabel("Authentication code").fill(await totp(secret));
    await op.getByRole("button", { name: "Verify" }).click();
    await expect(op.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
    const otherCookie = await sessionCookieHeader(other);
    expect(await statusWithCookie(request, otherCookie)).toBe(200);

    await page.reload();
    await page.getByRole("button", { name: "Turn off two-factor" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Authentication or recovery code").fill(codes[1]!);
    await dialog.getByRole("button", { name: "Turn off" }).click();
    await expect(page.getByText("Two-factor authentication is off.", { exact: true })).toBeVisible(); // the toast (the card says more)
    await expect(page.getByRole("button", { name: "Set up two-factor authentication" })).toBeVisible();
    expect(await statusWithCookie(request, otherCookie)).toBe(401);
    expect(await statusWithCookie(request, copied)).toBe(401); // the cookie before the re-issue
    expect(await statusWithCookie(request, await sessionCookieHeader(page.context()))).toBe(200);
    await other.close();
  });
});
