import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "../support/auth";
import { detailRoutes, LIST_ROUTES } from "../quality/routes";

/**
 * Lists fit the screen (issue 14 item 9): the default columns of a list fit a 1280 px screen (the
 * rest under "View", kept in the URL), and on a phone every row is a card, so no page scrolls
 * sideways.
 */

const COLLECTIONS = "All Collections";

/** The list table each page shows (by its accessible name); pages without one map to nothing. */
const LIST_TABLE: Record<string, string | RegExp> = {
  "/": "Recent Transactions",
  "/collections": COLLECTIONS,
  "/payouts": "All Payouts",
  "/onramp": "All Onramp Transactions",
  "/offramp": "All Offramp Transactions",
  "/customers": "Customers",
  "/payment-links": "Payment links",
  "/bulk-payments": "Bulk payments",
  "/users": "Team members",
  "/roles": "Roles",
  "/audit": "Audit log",
  "/api-keys": "Keys",
  "/settings?tab=webhooks": "Webhook deliveries",
};
/** The detail pages' lists, in the order `detailRoutes` returns them (customer, link, batch). */
const DETAIL_TABLES: (string | RegExp)[] = ["Customer transactions", "Payments", /^Recipients of /];

async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 45_000 });
}

/** The table's own scroll box (the container around the <table>) does not scroll sideways. */
async function expectNoInnerScroll(table: Locator) {
  const box = await table.evaluate((el) => ({ scroll: el.parentElement!.scrollWidth, client: el.parentElement!.clientWidth }));
  expect(box.scroll, "the table is wider than its box").toBeLessThanOrEqual(box.client);
}

async function expectInsideViewport(page: Page, target: Locator, what: string) {
  const box = await target.boundingBox();
  const width = page.viewportSize()!.width;
  expect(box, `${what} is on screen`).not.toBeNull();
  expect(box!.x, `${what} starts inside the viewport`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends inside the viewport`).toBeLessThanOrEqual(width);
}

test.describe("[LISTS] layout: default columns fit, phone rows are cards", () => {
  test.describe.configure({ timeout: 300_000 });

  test("at 1440×900 Collections shows Reference, Amount, Status and Created At without scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page);
    await page.goto("/collections");
    const table = page.getByRole("table", { name: COLLECTIONS });
    await expect(table).toBeVisible();
    await settled(page);
    for (const name of [/^Reference ID/, /^Amount/, /^Status/, /^Created At/]) {
      await expectInsideViewport(page, table.getByRole("columnheader", { name }), `the ${name.source} header`);
    }
    await expectNoInnerScroll(table);
  });

  test("at 1280×800 every transaction list's default columns fit", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page);
    for (const url of ["/", "/collections", "/payouts", "/onramp", "/offramp"]) {
      await page.goto(url);
      const table = page.getByRole("table", { name: LIST_TABLE[url] });
      await expect(table).toBeVisible();
      await settled(page);
      await expect(table.getByRole("columnheader", { name: /^Status/ })).toBeVisible();
      await expectNoInnerScroll(table);
    }
  });

  test("default-hidden columns turn on under View, and the URL keeps the columns across a reload", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page);
    await page.goto("/collections");
    const table = page.getByRole("table", { name: COLLECTIONS });
    await settled(page);
    await expect(table.getByRole("columnheader", { name: /^Completed At/ })).toHaveCount(0);
    await expect(table.getByRole("columnheader", { name: /^Phone number/ })).toBeVisible();

    await page.getByRole("button", { name: "View: choose columns" }).click();
    // The reference and the status can never be hidden.
    await expect(page.getByRole("menuitemcheckbox", { name: "Reference ID" })).toHaveCount(0);
    await expect(page.getByRole("menuitemcheckbox", { name: "Status" })).toHaveCount(0);
    const completed = page.getByRole("menuitemcheckbox", { name: "Completed At" });
    await expect(completed).toHaveAttribute("aria-checked", "false");
    await completed.click();
    await page.getByRole("menuitemcheckbox", { name: "Phone number" }).click();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/[?&]show=completedAt(&|$)/);
    await expect(page).toHaveURL(/[?&]hide=phoneNumber(&|$)/);
    await expect(table.getByRole("columnheader", { name: /^Completed At/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /^Phone number/ })).toHaveCount(0);

    await page.reload();
    await settled(page);
    await expect(table.getByRole("columnheader", { name: /^Completed At/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /^Phone number/ })).toHaveCount(0);

    // A copied link opens the same columns; a hand-edited one cannot hide the status.
    const copy = await page.context().newPage();
    await copy.goto(`${page.url()}&hide=phoneNumber,status`);
    const copied = copy.getByRole("table", { name: COLLECTIONS });
    await expect(copied.getByRole("columnheader", { name: /^Completed At/ })).toBeVisible();
    await expect(copied.getByRole("columnheader", { name: /^Status/ })).toBeVisible();
    await expect(copied.getByRole("columnheader", { name: /^Phone number/ })).toHaveCount(0);
    await copy.close();

    // Back to the defaults: no column key left in the URL.
    await page.getByRole("button", { name: "View: choose columns" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Completed At" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Phone number" }).click();
    await page.keyboard.press("Escape");
    await expect(page).not.toHaveURL(/[?&](show|hide)=/);
  });

  test("at 390×844 no page scrolls sideways and list rows are cards", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page);
    const details = await detailRoutes(page);
    await page.setViewportSize({ width: 390, height: 844 });

    const routes: [string, string | RegExp | undefined][] = [
      ...LIST_ROUTES.map((url) => [url, LIST_TABLE[url]] as [string, string | RegExp | undefined]),
      ...details.map((url, i) => [url, DETAIL_TABLES[i]] as [string, string | RegExp]),
    ];
    for (const [url, tableName] of routes) {
      await page.goto(url);
      await expect(page.getByRole("main")).toBeVisible();
      await settled(page);
      if (tableName) {
        const table = page.getByRole("table", { name: tableName });
        await expect(table, `${url}: the list`).toBeVisible();
        // Cards: no header row, and a row is a grid box inside the screen.
        await expect(table.getByRole("columnheader"), `${url}: no column headers on a phone`).toHaveCount(0);
        const row = table.getByRole("row").first();
        if ((await row.count()) > 0 && (await row.getByRole("cell").count()) > 1) {
          await expect(row, `${url}: a row is a card`).toHaveCSS("display", "grid");
          await expectInsideViewport(page, row, `${url}: the first card`);
        }
        await expectNoInnerScroll(table);
      }
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll, `${url} scrolls sideways`).toBeLessThanOrEqual(widths.inner);
    }
  });

  test("on a phone a card opens its transaction like the row does", async ({ page }) => {
    // Signed in on a wide screen: on a phone the sidebar that signIn waits for is a menu.
    await signIn(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/collections");
    await settled(page);
    const card = page.getByRole("table", { name: COLLECTIONS }).getByRole("row", { name: /^Open transaction / }).first();
    const label = (await card.getAttribute("aria-label")) ?? "";
    const reference = label.replace("Open transaction ", "");
    // The card shows the reference, an amount, the status and the time.
    await expect(card).toContainText(reference);
    await expect(card).toContainText(/KES [\d,]+\.\d{2}/);
    await expect(card.locator("time")).toBeVisible();
    await card.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]tx=/);
    await expect(page.getByRole("dialog")).toContainText(reference);
  });
});
