import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { selectMarket, signIn } from "../support/auth";

/** Waits until the table has settled (no skeleton, no refetch) and returns its body rows. */
async function settledRows(page: Page, name: string): Promise<Locator> {
  const table = page.getByRole("table", { name });
  await expect(table).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 45_000 });
  return table.locator("tbody tr");
}

async function counter(page: Page, key: "successful" | "failed" | "pending" | "total"): Promise<number> {
  const box = page.getByTestId(`counter-${key}`);
  await expect(box.locator("[data-slot=skeleton]")).toHaveCount(0);
  const text = (await box.locator("p").nth(1).textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

async function pickStatus(page: Page, status: string) {
  await page.getByRole("button", { name: /^Filter by status/ }).click();
  const option = page.getByRole("checkbox", { name: status, exact: true });
  await option.click();
  await page.keyboard.press("Escape");
  // Wait until the popover has gone: on closing it hands focus back to its trigger, and if the
  // next popover is already open by then, that focus move closes it again (seen on a slow run).
  await expect(option).toBeHidden();
}

test.describe("[TRANSACTIONS] lists scoped by market, filters in the URL, detail, export", () => {
  // Each test signs in and loads several lists on a shared 2-core machine: allow for a slow box.
  test.describe.configure({ timeout: 120_000 });

  test("Collections by Uganda / UGX show only UGX; back to Kenya / KES only KES", async ({ page }) => {
    await signIn(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collections", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
    await expect(page.getByText("Money received from your customers")).toBeVisible();

    await selectMarket(page, "UG", "UGX");
    let rows = await settledRows(page, "All Collections");
    await expect(rows.first()).toContainText("UGX");
    const ugCount = await rows.count();
    expect(ugCount).toBeGreaterThan(0);
    for (let i = 0; i < ugCount; i++) {
      await expect(rows.nth(i)).toContainText("UGX");
      await expect(rows.nth(i)).not.toContainText("KES");
    }
    await expect(page.getByRole("region", { name: "Summary" })).toContainText("UGX");

    await selectMarket(page, "KE", "KES");
    rows = await settledRows(page, "All Collections");
    await expect(rows.first()).toContainText("KES");
    const keCount = await rows.count();
    for (let i = 0; i < keCount; i++) {
      await expect(rows.nth(i)).toContainText("KES");
      await expect(rows.nth(i)).not.toContainText("UGX");
    }
    await expect(page.getByTestId("rows-displayed")).toHaveText(`${keCount} row(s) displayed`);
  });

  test("a status + date filter survives a reload and a copied URL", async ({ page, context }) => {
    await signIn(page);
    await page.goto("/collections");
    await settledRows(page, "All Collections");
    const allTotal = await counter(page, "total");

    await pickStatus(page, "FAILED");
    await page.getByRole("button", { name: "Pick a date" }).click();
    await page.getByRole("button", { name: "Last 30 days" }).click();
    await expect(page).toHaveURL(/status=FAILED/);
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
    const rows = await settledRows(page, "All Collections");
    const failedTotal = await counter(page, "total");
    expect(failedTotal).toBeGreaterThan(0);
    expect(failedTotal).toBeLessThan(allTotal);
    expect(await counter(page, "failed")).toBe(failedTotal);
    for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText("FAILED");

    const url = page.url();
    await page.reload();
    await settledRows(page, "All Collections");
    await expect(page.getByRole("button", { name: /^Filter by status \(1 selected\)/ })).toContainText("FAILED");
    await expect(page.getByRole("button", { name: /^Date range:/ })).toBeVisible();
    expect(await counter(page, "total")).toBe(failedTotal);

    const copy = await context.newPage();
    await copy.goto(url);
    const copiedRows = await settledRows(copy, "All Collections");
    expect(await counter(copy, "total")).toBe(failedTotal);
    for (let i = 0; i < (await copiedRows.count()); i++) await expect(copiedRows.nth(i)).toContainText("FAILED");
    await copy.close();
  });

  test("the detail sheet opens from a row and from its URL", async ({ page }) => {
    await signIn(page);
    await page.goto("/payouts");
    const rows = await settledRows(page, "All Payouts");
    const reference = ((await rows.first().locator("td").nth(1).textContent()) ?? "").trim();
    await rows.first().click();
    const sheet = page.getByRole("dialog");
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole("heading", { name: new RegExp(`Transaction ${reference}`) })).toBeVisible();
    await expect(sheet.getByRole("region", { name: "Status timeline" })).toBeVisible();
    await expect(sheet.getByRole("region", { name: "Callback deliveries" })).toBeVisible();
    await expect(sheet.getByRole("button", { name: "Copy Reference ID" })).toBeVisible();
    await expect(page).toHaveURL(/tx=[0-9a-f]+/);

    const detailUrl = page.url();
    await page.goto("about:blank");
    await page.goto(detailUrl);
    // A cold page load fetches the session, the list, the counters and the detail at once:
    // on a busy 2-core runner that can take longer than the default 10 s.
    await expect(page.getByRole("dialog").getByRole("heading", { name: new RegExp(`Transaction ${reference}`) })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("dialog").getByRole("region", { name: "Status timeline" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page).not.toHaveURL(/tx=/);
  });

  test("failed payouts show their reason", async ({ page }) => {
    await signIn(page);
    await page.goto("/payouts?status=FAILED");
    const rows = await settledRows(page, "All Payouts");
    await expect(rows.first().getByTestId("failure-reason")).toBeVisible();
  });

  test("export downloads a CSV whose rows match the filtered count", async ({ page }) => {
    await signIn(page);
    await page.goto("/collections?status=FAILED,EXPIRED");
    await settledRows(page, "All Collections");
    const total = await counter(page, "total");
    expect(total).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Export the filtered collections/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^kotani-collections-ke-kes-sandbox-.*\.csv$/);
    const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = text.split("\r\n").filter((l) => l.length > 0);
    expect(lines[0]).toContain("Reference ID");
    expect(lines.length - 1).toBe(total);
    for (const line of lines.slice(1)) expect(line).toMatch(/,(FAILED|EXPIRED),/);

    // Selected rows export only those rows.
    const rows = await settledRows(page, "All Collections");
    await rows.nth(0).getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    const [selected] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export selected (2)" }).click()]);
    const selectedLines = readFileSync((await selected.path())!, "utf8").split("\r\n").filter((l) => l.length > 0);
    expect(selectedLines.length).toBe(3);
  });

  test("a hand-edited URL with an unknown status gets a clear message, not a crash", async ({ page }) => {
    await signIn(page);
    await page.goto("/collections?status=NOT_A_STATUS");
    await expect(page.getByText("These transactions could not be shown")).toBeVisible();
    await expect(page.getByText(/Unknown status/).first()).toBeVisible();
    await page.getByRole("link", { name: "Reset filters" }).click();
    const rows = await settledRows(page, "All Collections");
    expect(await rows.count()).toBeGreaterThan(0);
  });

  test("pages forward and back with the keyset cursor, and sorting by amount", async ({ page }) => {
    await signIn(page);
    await page.goto("/collections");
    let rows = await settledRows(page, "All Collections");
    const first = await rows.first().textContent();
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page.getByTestId("page-indicator")).toContainText("Page 2");
    await expect(page).toHaveURL(/cursor=/);
    rows = await settledRows(page, "All Collections");
    expect(await rows.first().textContent()).not.toBe(first);
    await page.getByRole("button", { name: "Previous page" }).click();
    await expect(page.getByTestId("page-indicator")).toContainText("Page 1");
    rows = await settledRows(page, "All Collections");
    expect(await rows.first().textContent()).toBe(first);

    await page.getByRole("button", { name: /^Amount: sort/ }).click();
    await expect(page).toHaveURL(/sort=amount\.desc/);
    await settledRows(page, "All Collections");
    await expect(page.getByRole("columnheader", { name: /^Amount/ })).toHaveAttribute("aria-sort", "descending");

    // View: hide a column shown by default, and it stays hidden after a reload.
    await page.getByRole("button", { name: "View: choose columns" }).click();
    await page.getByRole("menuitemcheckbox", { name: "Phone number" }).click();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("columnheader", { name: /Phone number/ })).toHaveCount(0);
    await page.reload();
    await settledRows(page, "All Collections");
    await expect(page.getByRole("columnheader", { name: /Phone number/ })).toHaveCount(0);
  });

  test("onramp and offramp show fiat and crypto amounts", async ({ page }) => {
    await signIn(page);
    await page.goto("/onramp");
    await expect(page.getByRole("heading", { level: 1, name: "Onramp Transactions" })).toBeVisible();
    let rows = await settledRows(page, "All Onramp Transactions");
    await expect(rows.first()).toContainText(/USDT|USDC|CUSD|CKES|USDGLO/);
    await page.goto("/offramp");
    rows = await settledRows(page, "All Offramp Transactions");
    await expect(page.getByRole("columnheader", { name: "Refund" })).toBeVisible();
    await expect(rows.first()).toContainText("KES");
  });

  test("home: chart and recent transactions for the market", async ({ page }) => {
    await signIn(page);
    const chart = page.getByTestId("daily-chart");
    await expect(chart).toBeVisible();
    // Drawn with the page; recharts (tooltips) loads when the chart is first pointed at, and draws
    // the same bars in the same places (within a pixel: recharts rounds a bar's width).
    const bars = (selector: string) =>
      chart.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.x, r.y, r.width, r.height]));
    const drawn = await bars("[role=application] div[style*='background']:not([style*='gradient'])");
    expect(drawn.length).toBeGreaterThan(0);
    await expect(chart.locator(".recharts-surface")).toHaveCount(0);
    // (Moving over it until the page has hydrated and the move counts.)
    await expect(async () => {
      await chart.getByRole("application").hover({ position: { x: 20 + Math.random() * 200, y: 20 } });
      await expect(chart.locator(".recharts-surface").first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const sort = (b: number[][]) => [...b].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    await expect.poll(async () => (await bars("path.recharts-rectangle:not(.recharts-tooltip-cursor)")).length).toBe(drawn.length);
    const [ours, theirs] = [sort(drawn), sort(await bars("path.recharts-rectangle:not(.recharts-tooltip-cursor)"))];
    ours.forEach((b, i) => b.forEach((v, j) => expect(Math.abs(v - theirs[i]![j]!)).toBeLessThanOrEqual(1)));
    const rows = await settledRows(page, "Recent Transactions");
    expect(await rows.count()).toBeGreaterThan(0);
    await expect(rows.first()).toContainText("KES");
    await page.getByRole("searchbox", { name: "Search recent transactions" }).fill("zz-no-such-reference");
    await expect(page.getByText("No records match your criteria")).toBeVisible();
    await expect(page.getByTestId("rows-displayed")).toHaveText("0 row(s) displayed");
  });
});
