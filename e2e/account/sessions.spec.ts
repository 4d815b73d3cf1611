import { test, expect } from "@playwright/test";
import { signOut } from "../support/auth";
import { QA_ACCOUNTS, QA_PASSWORD } from "./accounts";
import { sessionCookieHeader, signInAs, statusWithCookie } from "./helpers";

const { email } = QA_ACCOUNTS.sessions;

test.describe("[SECURITY] sessions you can end", () => {
  test("the session cookie is HttpOnly and SameSite=Lax (Secure and __Secure- on https)", async ({ page, context }) => {
    await signInAs(page, email, QA_PASSWORD);
    const cookie = (await context.cookies()).find((c) => c.name.endsWith("kotani.session"))!;
    expect(cookie).toMatchObject({ name: "kotani.session", httpOnly: true, sameSite: "Lax", path: "/" });
    // Served over http here, so not Secure; over https the name is __Secure-kotani.session and Secure
    // (lib/auth/session.test.ts "cookie flags").
    expect(cookie.expires * 1000 - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000 + 5000);
  });

  test("a cookie captured before logout gets 401 after it", async ({ page, context, request }) => {
    await signInAs(page, email, QA_PASSWORD);
    const copied = await sessionCookieHeader(context);
    expect(await statusWithCookie(request, copied)).toBe(200);
    await signOut(page);
    expect(await statusWithCookie(request, copied)).toBe(401);
    // Pages too: the copied cookie gets the login page.
    const res = await request.get("/collections", { headers: { cookie: copied }, maxRedirects: 0 });
    expect([302, 303, 307]).toContain(res.status());
    expect(res.headers().location).toMatch(/\/login/);
  });

  test("a password change ends the other sessions and keeps this one", async ({ browser, request }) => {
    test.setTimeout(120_000);
    const a = await browser.newContext();
    const pa = await a.newPage();
    await signInAs(pa, email, QA_PASSWORD);
    const copiedA = await sessionCookieHeader(a);

    const b = await browser.newContext();
    const pb = await b.newPage();
    await signInAs(pb, email, QA_PASSWORD);
    const beforeB = await sessionCookieHeader(b);
    await pb.goto("/account");
    await pb.getByRole("button", { name: "Change password" }).click();
    await expect(pb.getByLabel("Current password", { exact: true })).toBeFocused();
    await pb.getByLabel("Current password", { exact: true }).fill(QA_PASSWORD);
    await pb.getByLabel("New password", { exact: true }).fill("Granite-Willow-Compass-73");
    await pb.getByLabel("Confirm new password", { exact: true }).fill("Granite-Willow-Compass-73");
    await pb.getByRole("button", { name: "Change password" }).click();
    await expect(pb.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();

    expect(await statusWithCookie(request, copiedA)).toBe(401);
    expect(await statusWithCookie(request, beforeB)).toBe(401);
    expect(await statusWithCookie(request, await sessionCookieHeader(b))).toBe(200);
    await pb.goto("/collections");
    await expect(pb.getByRole("navigation", { name: "Main" })).toBeVisible();
    await pa.goto("/collections");
    await expect(pa).toHaveURL(/\/login/);

    // And back, so the spec can run again on the same database.
    await pb.goto("/account");
    await pb.getByRole("button", { name: "Change password" }).click();
    await pb.getByLabel("Current password", { exact: true }).fill("Granite-Willow-Compass-73");
    await pb.getByLabel("New password", { exact: true }).fill(QA_PASSWORD);
    await pb.getByLabel("Confirm new password", { exact: true }).fill(QA_PASSWORD);
    await pb.getByRole("button", { name: "Change password" }).click();
    await expect(pb.getByText("Password changed. Your other sessions were signed out.")).toBeVisible();
    await a.close();
    await b.close();
  });

  test("5 failed sign-ins lock the account (429, same message), also for an unknown email", async ({ page }) => {
    for (const target of [QA_ACCOUNTS.lockout.email, "nobody-lockout@security.test"]) {
      await page.goto("/login");
      await page.getByLabel("Email Address").fill(target);
      for (let i = 0; i < 5; i++) {
        await page.getByLabel("Password", { exact: true }).fill(`Wrong-Password-${i}`);
        const [res] = await Promise.all([
          page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
          page.getByRole("button", { name: "Sign in" }).click(),
        ]);
        expect(res.status()).toBe(401);
        await expect(page.getByTestId("login-error")).toHaveText("Invalid email or password.");
      }
      await page.getByLabel("Password", { exact: true }).fill(QA_PASSWORD);
      const [locked] = await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      expect(locked.status()).toBe(429);
      await expect(page.getByTestId("login-error")).toHaveText("Too many attempts. Please wait a few minutes and try again.");
    }
  });
});
