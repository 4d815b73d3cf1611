import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "../support/auth";

/**
 * The top bar on a phone: the country, currency and environment selectors fold into one button
 * ("KE · KES · Sandbox") that opens a bottom sheet with the same selectors, and the bar stays on
 * one line. On a desktop the three selectors stay in the bar.
 */

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const PAGES: { path: string; heading: RegExp }[] = [
  { path: "/", heading: /Welcome back/ },
  { path: "/collections", heading: /^Collections$/ },
  { path: "/settings", heading: /^Settings$/ },
];

const marketButton = (page: Page) => page.getByRole("button", { name: /^Market and environment:/ });
const themeToggle = (page: Page) => page.getByRole("button", { name: /^Switch to (light|dark) theme$/ });
const userMenu = (page: Page) => page.getByRole("button", { name: "User menu" });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, "has a box").not.toBeNull();
  return b!;
}

/** The bar's controls are inside the viewport, on one row, and the bar did not grow. */
async function expectOneRow(page: Page, width: number) {
  const market = await box(marketButton(page));
  expect(market.x).toBeGreaterThanOrEqual(0);
  expect(market.y).toBeGreaterThanOrEqual(0);
  expect(market.x + market.width).toBeLessThanOrEqual(width);
  const middle = market.y + market.height / 2;
  for (const control of [themeToggle(page), userMenu(page)]) {
    const b = await box(control);
    expect(Math.abs(b.y + b.height / 2 - middle), "same row as the market button").toBeLessThanOrEqual(4);
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(width);
  }
  expect((await box(page.getByRole("banner"))).height).toBeLessThanOrEqual(57);
}

test.describe("[SHELL] the top bar on a phone", () => {
  test("one market button on the bar's row opens a sheet with the selectors; a desktop keeps the three selectors", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // The sidebar (what signIn waits for) is a desktop element: sign in first, then become a phone.
    await signIn(page);
    await page.setViewportSize(PHONE);

    for (const { path, heading } of PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const button = marketButton(page);
      await expect(button).toBeVisible();
      await expect(button).toContainText("KE · KES · Sandbox");
      await expect(button).toHaveAccessibleName("Market and environment: KE, KES, Sandbox");
      // The desktop selectors are not in the phone bar.
      await expect(page.getByRole("combobox", { name: "Currency" })).toBeHidden();
      await expectOneRow(page, PHONE.width);

      await button.click();
      const sheet = page.getByRole("dialog", { name: "Market and environment" });
      await expect(sheet).toBeVisible();
      await expect(sheet.getByRole("combobox", { name: "Country" })).toContainText("KE");
      await expect(sheet.getByRole("combobox", { name: "Currency" })).toContainText("KES");
      await expect(sheet.getByRole("button", { name: /^Environment:/ })).toContainText("Sandbox");
      await page.keyboard.press("Escape");
      await expect(sheet).toBeHidden();
    }

    // Switching in the sheet: the same selector logic, and the button follows.
    await marketButton(page).click();
    const sheet = page.getByRole("dialog", { name: "Market and environment" });
    const currency = sheet.getByRole("combobox", { name: "Currency" });
    await currency.click();
    await page.getByRole("option", { name: /^UGX\b/ }).click();
    await expect(currency).toContainText("UGX");
    await expect(page).toHaveURL(/[?&]m=UG-UGX/);
    await sheet.getByRole("button", { name: "Done" }).click();
    await expect(sheet).toBeHidden();
    await expect(marketButton(page)).toContainText("UGX");
    await expect(marketButton(page)).toHaveAccessibleName(/UGX/);

    // The narrowest phone: still one row.
    await page.setViewportSize({ width: 320, height: 640 });
    await expectOneRow(page, 320);

    // A desktop: the three selectors in the bar, as before, and no market button.
    await page.setViewportSize(DESKTOP);
    await page.goto("/");
    const bar = page.getByRole("banner");
    await expect(bar.getByRole("combobox", { name: "Country" })).toBeVisible();
    await expect(bar.getByRole("combobox", { name: "Currency" })).toContainText("UGX");
    await expect(bar.getByRole("button", { name: /^Environment:/ })).toBeVisible();
    await expect(marketButton(page)).toBeHidden();
  });
});
