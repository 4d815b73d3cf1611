import { expect, test } from "@playwright/test";
import { DEMO_OWNER, selectMarket, signIn, signOut } from "../support/auth";

const SECTIONS = [
  "Dashboard", "Collections", "Onramp Transactions", "Payment Links", "Payouts", "Offramp Transactions", "Bulk Payments",
  "Customers", "Wallets", "Crypto Wallets", "API Keys", "Settings", "Users", "Roles & Permissions", "Audit Log",
];

test.describe("[FOUNDATION] sign-in and app shell", () => {
  test("the demo Owner signs in, sees every section, switches market and theme, signs out", async ({ page }) => {
    // A long journey: six market switches, each a server re-render of the home page.
    test.setTimeout(180_000);
    await signIn(page);
    await expect(page.getByRole("heading", { name: /Welcome back, Demo Kotani Pay/ })).toBeVisible();

    const nav = page.getByRole("navigation", { name: "Main" });
    const labels = (await nav.getByRole("link").allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(SECTIONS);
    await expect(page.getByTestId("user-card")).toContainText("Demo Kotani Pay");
    await expect(page.getByTestId("user-card")).toContainText(DEMO_OWNER);
    await expect(page.getByRole("button", { name: /Timezone: \+3 Africa \/ Nairobi/ })).toBeVisible();

    // Kenya / KES by default; Uganda / UGX and back.
    await expect(page.getByText("Here's an overview of your KES wallet activity")).toBeVisible();
    await selectMarket(page, "UG", "UGX");
    await expect(page.getByText("Here's an overview of your UGX wallet activity")).toBeVisible();
    await expect(page.getByRole("region", { name: "Balances" })).toContainText("UGX");
    await expect(page.getByRole("region", { name: "Balances" })).not.toContainText("KES");
    // The selection survives a reload (cookie, validated server-side).
    await page.reload();
    await expect(page.getByText("Here's an overview of your UGX wallet activity")).toBeVisible();
    await selectMarket(page, "KE", "KES");
    await expect(page.getByText("Here's an overview of your KES wallet activity")).toBeVisible();

    // XOF lists both of its countries.
    await selectMarket(page, "CI", "XOF");
    await page.getByRole("combobox", { name: "Country" }).click();
    await expect(page.getByRole("option")).toHaveText([/CI/, /SN/]);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("option")).toHaveCount(0); // closed (and focus handed back) before the next select opens
    await selectMarket(page, "KE", "KES");

    // Theme: dark by default, light on toggle, and back.
    const html = page.locator("html");
    await expect(html).toHaveClass(/dark/);
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await expect(html).not.toHaveClass(/dark/);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(html).toHaveClass(/dark/);

    // Every section opens (those not built yet say so plainly).
    await nav.getByRole("link", { name: "Wallets", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Wallets" })).toBeVisible();

    await signOut(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password gets the generic error", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email Address").fill(DEMO_OWNER);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Invalid email or password.");
    await page.getByLabel("Email Address").fill("nobody@example.com");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("Invalid email or password.");
    await expect(page).toHaveURL(/\/login/);
  });

  test("the password field has a show/hide toggle", async ({ page }) => {
    await page.goto("/login");
    const password = page.getByLabel("Password", { exact: true });
    await expect(password).toHaveAttribute("type", "password");
    await page.getByRole("button", { name: "Show password" }).click();
    await expect(password).toHaveAttribute("type", "text");
    await page.getByRole("button", { name: "Hide password" }).click();
    await expect(password).toHaveAttribute("type", "password");
  });

  for (const path of ["/", "/collections", "/payouts", "/wallets", "/users", "/roles", "/settings?tab=webhooks"]) {
    test(`an anonymous visit to ${path} lands on the login page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login\?callbackUrl=/);
      await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
    });
  }

  test("a JSON route called without a session gets 401", async ({ request }) => {
    const res = await request.get("/api/context");
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ success: false, error_code: 401 });
    // A forged middleware-subrequest header changes nothing: the route checks by itself.
    const forged = await request.get("/api/context", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } });
    expect(forged.status()).toBe(401);
  });

  test("a market cookie of another market falls back to the default market", async ({ page, context }) => {
    await signIn(page);
    await selectMarket(page, "UG", "UGX");
    const ctx = (await context.cookies()).find((c) => c.name === "kotani.context");
    expect(ctx?.value).toMatch(/\.sandbox\.UG-UGX$/);
    // Forge the cookie: same user, a market the integrator does not have.
    const userId = ctx!.value.split(".")[0];
    await context.addCookies([{ name: "kotani.context", value: `${userId}.sandbox.US-USD`, url: new URL(page.url()).origin }]);
    await page.goto("/");
    await expect(page.getByText("Here's an overview of your KES wallet activity")).toBeVisible();
    const api = await page.request.get("/api/context");
    expect((await api.json()).market).toEqual({ country: "KE", currency: "KES" });
  });
});
