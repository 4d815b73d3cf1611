import { expect, test, type Page } from "@playwright/test";
import { selectMarket, signIn } from "../support/auth";

/**
 * Customers (issue 11, items 1–3) as the Owner uses them: add with a field error first, find by
 * the number in two forms, verify a name with the sandbox's test number, open the detail.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const suffix = String(100_000 + Math.floor(Math.random() * 900_000));
const LOCAL = `0798${suffix}`;
const INTERNATIONAL = `+254798${suffix}`;

async function openCustomers(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
}

async function search(page: Page, text: string) {
  const box = page.getByRole("searchbox", { name: "Search customers" }).or(page.getByRole("textbox", { name: "Search customers" })).first();
  await box.fill(text);
  // The search reaches the address bar after a short debounce: wait for it before clicking a row.
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(text);
}

test.describe("[CUSTOMERS] add, find, verify", () => {
  test("an invalid Kenyan number is a field error; a valid one is listed and found by 0798… and by +254798…", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openCustomers(page);

    await page.getByRole("button", { name: "Add Customer" }).click();
    const dialog = page.getByRole("dialog", { name: "Add Customer" });
    await dialog.getByRole("textbox", { name: "Phone number" }).fill("0712 34");
    await dialog.getByRole("textbox", { name: "First name" }).fill("Amina");
    await dialog.getByRole("textbox", { name: "Last name" }).fill("Otieno");
    await dialog.getByRole("button", { name: "Create Customer" }).click();
    await expect(dialog.getByText("This is not a valid Kenya phone number (e.g. 0712 345 678)")).toBeVisible();

    await dialog.getByRole("textbox", { name: "Phone number" }).fill(LOCAL);
    await expect(dialog.getByRole("combobox", { name: "Network" })).toContainText("MPESA");
    await dialog.getByRole("button", { name: "Create Customer" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Customer has been successfully created.")).toBeVisible();

    await search(page, LOCAL);
    await expect(page.getByRole("row", { name: /Open customer Amina Otieno/ })).toBeVisible();
    await search(page, INTERNATIONAL);
    const row = page.getByRole("row", { name: /Open customer Amina Otieno/ });
    await expect(row).toBeVisible();
    await expect(row).toContainText(`0798 ${suffix.slice(0, 3)} ${suffix.slice(3)}`);

    await row.click();
    await expect(page.getByRole("heading", { level: 1, name: "Amina Otieno" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Profile" })).toContainText("MPESA");
    await expect(page.getByRole("button", { name: "Request payment" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send money" })).toBeVisible();
  });

  test("the same number twice is refused with a link to the existing customer", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openCustomers(page);
    await page.getByRole("button", { name: "Add Customer" }).click();
    const dialog = page.getByRole("dialog", { name: "Add Customer" });
    await dialog.getByRole("textbox", { name: "Phone number" }).fill(INTERNATIONAL);
    await dialog.getByRole("button", { name: "Create Customer" }).click();
    await expect(dialog.getByText(/This number belongs to Amina Otieno/)).toBeVisible();
    await expect(dialog.getByRole("link", { name: "Open the existing customer" })).toBeVisible();
  });

  test("Verify name on 0700000001 shows JANE MARY DOE", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openCustomers(page);
    await page.getByRole("button", { name: "Add Customer" }).click();
    const dialog = page.getByRole("dialog", { name: "Add Customer" });
    await dialog.getByRole("textbox", { name: "Phone number" }).fill("0700000001");
    await dialog.getByRole("button", { name: "Verify name" }).click();
    await expect(dialog.getByRole("status", { name: "Name verification" })).toContainText("JANE MARY DOE");
  });
});
