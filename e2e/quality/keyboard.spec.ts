import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/auth";

/**
 * Issue 14 item 12, the keyboard parts: a skip link is the first Tab stop of every dashboard page,
 * and closing a detail sheet (opened from a row, through the URL) puts focus back on that row.
 */

/** Opens the row with Enter, closes the sheet with Escape: focus is back on the row. */
async function expectFocusReturns(page: Page, table: string, rowName: RegExp) {
  const row = page.getByRole("table", { name: table }).getByRole("row", { name: rowName }).nth(1);
  await row.focus();
  await page.keyboard.press("Enter");
  const sheet = page.getByRole("dialog");
  await expect(sheet).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(row).toBeFocused();
}

test.describe("[QUALITY] keyboard", () => {
  test.beforeEach(async ({ page }) => signIn(page));

  test("Skip to content is the first Tab stop, visible on focus, and moves focus to the page", async ({ page }) => {
    await page.goto("/collections");
    await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).not.toBeInViewport();
    await page.keyboard.press("Tab");
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("closing a detail sheet returns focus to the row that opened it", async ({ page }) => {
    await page.goto("/collections");
    await expectFocusReturns(page, "All Collections", /^Open transaction/);
    await page.goto("/settings?tab=webhooks");
    await expectFocusReturns(page, "Webhook deliveries", /^Open delivery/);
  });
});
