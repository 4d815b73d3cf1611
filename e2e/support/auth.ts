import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo-Backoffice-2026";
export const DEMO_OWNER = "demo@kotanipay.test";

/** Signs in through the real login form, as a person would. */
export async function signIn(page: Page, email = DEMO_OWNER, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email Address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Generous: the first sign-in of a fresh server also hashes and warms caches.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "User menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Picks a market with the top-bar selectors (currency first, then country). */
export async function selectMarket(page: Page, country: string, currency: string) {
  const currencySelect = page.getByRole("combobox", { name: "Currency" });
  if (!((await currencySelect.textContent()) ?? "").includes(currency)) {
    await currencySelect.click();
    await page.getByRole("option", { name: new RegExp(`^${currency}\\b`) }).click();
    await expect(currencySelect).toContainText(currency);
  }
  const countrySelect = page.getByRole("combobox", { name: "Country" });
  if (!((await countrySelect.textContent()) ?? "").includes(country)) {
    await countrySelect.click();
    await page.getByRole("option", { name: new RegExp(`^${country}\\b`) }).click();
  }
  await expect(countrySelect).toContainText(country);
}
