import { expect, test, type Page } from "@playwright/test";
import { selectMarket, signIn } from "../support/auth";

/** The first row of a transaction table once it has settled (not the skeleton), and its reference. */
async function firstRow(page: Page, table: string) {
  await expect(page.getByRole("table", { name: table })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 45_000 });
  const row = page.getByRole("table", { name: table }).locator("tbody tr").first();
  return { row, reference: ((await row.locator("td").nth(1).textContent()) ?? "").trim() };
}

test.describe("[SHELL] links carry their market and environment", () => {
  test("a KES transaction link opened while UGX is selected shows the transaction in KES", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page);
    await page.goto("/collections");
    // The address bar names the context, so a copied link opens the same view.
    await expect(page).toHaveURL(/[?&]m=KE-KES/);
    await expect(page).toHaveURL(/[?&]env=sandbox/);
    const { row, reference } = await firstRow(page, "All Collections");
    await row.click();
    await expect(page.getByRole("dialog").getByRole("heading", { name: new RegExp(`Transaction ${reference}`) })).toBeVisible();
    await expect(page).toHaveURL(/tx=/);
    const link = page.url();
    await page.keyboard.press("Escape");

    // Another market: the URL follows the selectors, and the previous market's detail is dropped.
    await selectMarket(page, "UG", "UGX");
    await expect(page).toHaveURL(/[?&]m=UG-UGX/);
    await expect(page).not.toHaveURL(/tx=/);

    // The KES link: the selection switches to KES and the transaction opens.
    await page.goto(link);
    await expect(page.getByRole("dialog").getByRole("heading", { name: new RegExp(`Transaction ${reference}`) })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/[?&]m=KE-KES/);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("combobox", { name: "Currency" })).toContainText("KES");
    // The switch stuck (cookie): the home page is in KES too.
    await page.goto("/");
    await expect(page.getByText("Here's an overview of your KES wallet activity")).toBeVisible();
  });

  test("a link to a market the organisation lacks says so and keeps the current selection", async ({ page }) => {
    await signIn(page);
    await page.goto("/payouts?m=FR-EUR&env=sandbox&status=FAILED");
    const banner = page.getByRole("status").filter({ hasText: "This link is for a market or environment you can’t open" });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("FR / EUR is not enabled in sandbox.");
    await expect(page.getByRole("combobox", { name: "Currency" })).toContainText("KES");
    // The rest of the link is kept; the URL names the context actually shown.
    await expect(page).toHaveURL(/status=FAILED/);
    await expect(page).toHaveURL(/[?&]m=KE-KES/);
    await banner.getByRole("button", { name: "Dismiss" }).click();
    await expect(banner).toHaveCount(0);
    await expect(page).not.toHaveURL(/ctx_refused/);

    // Garbage in the link: the same, never an error page.
    await page.goto("/collections?m=%00%3Cscript%3E&env=moon");
    await expect(page.getByRole("status").filter({ hasText: "The link names an unknown market or environment." })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
  });
});
