import { expect, type Page } from "@playwright/test";

/**
 * Every page the quality specs (axe, console errors) visit. Detail pages need an id from the demo
 * data, found through the list a person would open it from (`detailRoutes`).
 */
export const LIST_ROUTES = [
  "/",
  "/collections",
  "/payouts",
  "/onramp",
  "/offramp",
  "/wallets",
  "/crypto-wallets",
  "/customers",
  "/payment-links",
  "/bulk-payments",
  "/bulk-payments/new",
  "/users",
  "/roles",
  "/audit",
  "/api-keys",
  "/api-keys/reference",
  "/settings?tab=account",
  "/settings?tab=fees",
  "/settings?tab=webhooks",
  "/account",
] as const;

/** Pages without a session. */
export const PUBLIC_ROUTES = ["/login", "/forgot-password"] as const;

/** An address nothing serves: the 404 page (signed in; signed out, the proxy sends it to sign-in). */
export const NOT_FOUND_ROUTE = "/no-such-page";

const ROW_CSV = "recipient_name,recipient_email,recipient_phone,amount,currency,reference,description\r\nJane Doe,jane@example.com,+254700000001,150,KES,";

/** A path without the shell's `?m=…&env=…` context (the full load adds it back). */
const pathOf = (url: string) => new URL(url).pathname;

/**
 * One customer, one payment link and one bulk batch (uploaded here when the demo data has none:
 * the seed creates no batch; it is only confirmed, never processed).
 */
export async function detailRoutes(page: Page): Promise<string[]> {
  await page.goto("/customers");
  await page.getByRole("table", { name: "Customers" }).getByRole("row", { name: /^Open customer/ }).first().click();
  await expect(page).toHaveURL(/\/customers\/[^/?]+/);
  const customer = pathOf(page.url());

  await page.goto("/payment-links");
  await page.getByRole("table", { name: "Payment links" }).getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/payment-links\/[^/?]+/);
  const link = pathOf(page.url());

  await page.goto("/bulk-payments");
  await expect(page.getByRole("heading", { level: 1, name: "Bulk Payments" })).toBeVisible();
  // Each batch's name links to it (an empty list links to the upload page instead).
  const batches = page.getByRole("table", { name: "Bulk payments" }).getByRole("row").getByRole("link").filter({ hasNotText: "Upload your first file" });
  if ((await batches.count()) === 0) {
    // A client navigation, as a person: the upload input works once the page is hydrated.
    await page.getByRole("link", { name: "New bulk payment" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "New bulk payment" })).toBeVisible();
    const reference = `A11Y-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    await page.getByLabel("CSV file").setInputFiles({ name: "a11y.csv", mimeType: "text/csv", buffer: Buffer.from(`${ROW_CSV}${reference},x\r\n`) });
    await page.getByRole("textbox", { name: "Name" }).fill(`A11y batch ${reference}`);
    await page.getByRole("button", { name: "Confirm" }).click();
  } else {
    await batches.first().click();
  }
  await expect(page).toHaveURL(/\/bulk-payments\/(?!new)[^/?]+/, { timeout: 30_000 });
  const batch = pathOf(page.url());

  return [customer, link, batch];
}
