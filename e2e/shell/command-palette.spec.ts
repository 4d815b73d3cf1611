import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../support/auth";

/** The first row of a transaction table once it has settled (not the skeleton), and its reference. */
async function firstRow(page: Page, table: string) {
  await expect(page.getByRole("table", { name: table })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 45_000 });
  const row = page.getByRole("table", { name: table }).locator("tbody tr").first();
  return { row, reference: ((await row.locator("td").nth(1).textContent()) ?? "").trim() };
}

/** Ctrl+K (⌘K on a Mac): the palette opens with its search box focused. */
async function openPalette(page: Page) {
  await page.keyboard.press("ControlOrMeta+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  const input = palette.getByRole("combobox", { name: "Search commands" });
  await expect(input).toBeFocused();
  return { palette, input };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.describe("[SHELL] command palette and keyboard shortcuts", () => {
  // Each test signs in and opens a list or two on a shared machine: allow for a slow box.
  test.describe.configure({ timeout: 120_000 });

  test("Ctrl+K, “payouts”, Enter goes to Payouts; “send money” opens Send Money there", async ({ page }) => {
    await signIn(page);
    const { palette, input } = await openPalette(page);
    await input.fill("payouts");
    await expect(palette.getByRole("option", { name: "Payouts", exact: true })).toHaveAttribute("aria-selected", "true");
    await expect(palette.getByRole("status")).toHaveText(/^\d+ results?$/);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/payouts(\?|$)/);
    await expect(page.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();
    await expect(palette).toHaveCount(0);

    // An action: the page's own dialog opens, and the URL does not keep asking for it.
    const again = await openPalette(page);
    await again.input.fill("send money");
    await expect(again.palette.getByRole("option", { name: "Send money" })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Send Money" })).toBeVisible({ timeout: 30_000 });
    await expect(page).not.toHaveURL(/[?&]open=/);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog", { name: "Send Money" })).toHaveCount(0);
  });

  test("/ focuses the list search; Ctrl+K finds a transaction by its reference and Enter opens it", async ({ page }) => {
    await signIn(page);
    await page.goto("/collections");
    await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
    const { reference } = await firstRow(page, "All Collections");
    expect(reference).not.toBe("");

    await page.keyboard.press("/");
    const search = page.getByRole("searchbox", { name: /^Search collections/ });
    await expect(search).toBeFocused();
    await expect(search).toHaveValue(""); // the "/" opened the search, it was not typed into it

    // Ctrl+K works from inside a text field too.
    const { palette, input } = await openPalette(page);
    await input.fill(reference);
    const hit = palette.getByRole("option", { name: new RegExp(`^${escapeRegExp(reference)}`) }).first();
    await expect(hit).toBeVisible({ timeout: 30_000 });
    await expect(hit).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog").getByRole("heading", { name: new RegExp(`Transaction ${escapeRegExp(reference)}`) })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page).toHaveURL(/[?&]tx=/);
  });

  test("? lists the shortcuts; g then w goes to Wallets", async ({ page }) => {
    await signIn(page);
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    await expect(help).toContainText("Open the command palette");
    await expect(help).toContainText("Wallets");
    await page.keyboard.press("Escape");
    await expect(help).toHaveCount(0);

    await page.keyboard.press("g");
    await page.keyboard.press("w");
    await expect(page).toHaveURL(/\/wallets(\?|$)/);
    await expect(page.getByRole("heading", { level: 1, name: "Wallets" })).toBeVisible();
  });
});
