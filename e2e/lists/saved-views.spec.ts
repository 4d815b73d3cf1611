import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn, signOut } from "../support/auth";

/**
 * Saved views (issue 14 item 15): a list's filters, sort and columns saved under a name live in
 * the database, so they come back after signing out and in; a member's default view applies when
 * the list opens bare; a shared view is the team's.
 */

const VIEW = "Failed with 7, largest first";
const TABLE = "All Collections";

async function settledRows(page: Page): Promise<Locator> {
  await expect(page.getByRole("table", { name: TABLE })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 45_000 });
  return page.getByRole("table", { name: TABLE }).locator("tbody tr");
}

async function openCollections(page: Page) {
  await page.goto("/collections");
  await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
}

/** The filters the view holds, as the URL, the toolbar and the table show them. */
async function expectViewApplied(page: Page, firstReference: string) {
  await expect(page).toHaveURL(/[?&]status=FAILED(&|$)/);
  await expect(page).toHaveURL(/[?&]q=7(&|$)/);
  await expect(page).toHaveURL(/[?&]sort=amount\.desc(&|$)/);
  // The market and environment ride along untouched.
  await expect(page).toHaveURL(/[?&]m=KE-KES/);
  await expect(page.getByRole("button", { name: /^Filter by status \(1 selected\)/ })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search collections by reference, phone, or amount" })).toHaveValue("7");
  await expect(page.getByRole("columnheader", { name: /^Amount/ })).toHaveAttribute("aria-sort", "descending");
  const rows = await settledRows(page);
  await expect(rows.first()).toContainText(firstReference);
  for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText("FAILED");
}

test.describe("[LISTS] saved views", () => {
  test.describe.configure({ timeout: 240_000 });

  test("a saved view restores its filters after sign-out and sign-in; the default applies on a bare list; shared with the team", async ({
    page,
  }) => {
    await signIn(page);
    await openCollections(page);
    await settledRows(page);

    // Status FAILED, a search and a sort: the view to save.
    await page.getByRole("button", { name: /^Filter by status/ }).click();
    const failed = page.getByRole("checkbox", { name: "FAILED", exact: true });
    await failed.click();
    await page.keyboard.press("Escape");
    await expect(failed).toBeHidden();
    await page.getByRole("searchbox", { name: "Search collections by reference, phone, or amount" }).fill("7");
    await expect(page).toHaveURL(/[?&]q=7(&|$)/);
    await page.getByRole("button", { name: /^Amount: sort/ }).click();
    await expect(page).toHaveURL(/sort=amount\.desc/);
    const rows = await settledRows(page);
    await expect(rows.first()).toContainText("FAILED");
    const firstReference = ((await rows.first().locator("td").nth(1).textContent()) ?? "").trim();
    expect(firstReference).not.toBe("");

    await page.getByRole("button", { name: /^Views/ }).click();
    await expect(page.getByText("No saved views yet")).toBeVisible();
    await page.getByRole("button", { name: "Save current view…" }).click();
    const dialog = page.getByRole("dialog", { name: "Save current view" });
    await dialog.getByLabel("View name").fill(VIEW);
    await dialog.getByRole("checkbox", { name: "Share with the team" }).check();
    await dialog.getByRole("button", { name: "Save view" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("button", { name: `Views: ${VIEW}` })).toBeVisible();

    // Sign out and in: the list opens bare, and the view is one click away.
    await signOut(page);
    await signIn(page);
    await openCollections(page);
    await settledRows(page);
    await expect(page).not.toHaveURL(/status=/);
    await page.getByRole("button", { name: /^Views/ }).click();
    const saved = page.getByRole("group", { name: "Shared with the team" }).getByRole("button", { name: new RegExp(`^${VIEW}`) });
    await saved.click();
    await expectViewApplied(page, firstReference);
    await expect(page.getByRole("button", { name: `Views: ${VIEW}` })).toBeVisible();

    // Made the default, it applies when Collections opens without filters, and only once: Reset stays reset.
    await page.getByRole("button", { name: /^Views/ }).click();
    await page.getByRole("button", { name: `Actions for ${VIEW}` }).click();
    await page.getByRole("menuitem", { name: "Use as my default" }).click();
    await expect(page.getByText(`"${VIEW}" is your default view`)).toBeVisible();
    await openCollections(page);
    await expectViewApplied(page, firstReference);
    await page.getByRole("button", { name: "Reset" }).click();
    await expect(page).not.toHaveURL(/status=/);
    await settledRows(page);
    await expect(page.getByRole("button", { name: /^Filter by status$/ })).toBeVisible();
    await expect(page).not.toHaveURL(/status=/);

    // Another member of the team sees the shared view (by its creator), may use it, not rename it.
    await signOut(page);
    await signIn(page, "admin@kotanipay.test");
    await openCollections(page);
    await settledRows(page);
    await expect(page).not.toHaveURL(/status=/); // the owner's default is the owner's
    await page.getByRole("button", { name: /^Views/ }).click();
    const shared = page.getByRole("group", { name: "Shared with the team" });
    await shared.getByRole("button", { name: new RegExp(`^${VIEW}.*Demo Owner`) }).click();
    await expectViewApplied(page, firstReference);
    await page.getByRole("button", { name: /^Views/ }).click();
    await page.getByRole("button", { name: `Actions for ${VIEW}` }).click();
    await expect(page.getByRole("menuitem", { name: "Use as my default" })).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Delete…" })).toBeVisible(); // an Admin manages the team
    await expect(page.getByRole("menuitem", { name: "Rename…" })).toHaveCount(0);
    await expect(page.getByRole("menuitem", { name: "Stop sharing" })).toHaveCount(0);

    // The Admin deletes it: the whole team loses it, and the owner's default goes with it (other
    // specs open the owner's Collections and must find it unfiltered).
    await page.getByRole("menuitem", { name: "Delete…" }).click();
    const confirm = page.getByRole("dialog", { name: "Delete view" });
    await confirm.getByRole("button", { name: "Delete view" }).click();
    await expect(confirm).toBeHidden();
    await signOut(page);
    await signIn(page);
    await openCollections(page);
    await settledRows(page);
    await expect(page).not.toHaveURL(/status=/);
  });
});
