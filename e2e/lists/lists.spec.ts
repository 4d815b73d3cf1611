import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "../support/auth";
import { LEDGER_KIND_LABELS } from "../../lib/wallets/types";

/**
 * The list system: every list page is rendered by the server with its first page of rows in the
 * HTML (components/data-table/server-data-table.tsx), and a list's whole state
 * (filters, sort, page) lives in the URL, so a reload or a copied link opens the same view.
 */

/** `&amp;` and friends back to text. */
function decode(html: string): string {
  return html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}

/** The markup of the first body row of the table named `label` in a server-rendered page (null when none). */
function firstRowHtml(html: string, label: string): string | null {
  const at = html.indexOf(`aria-label="${label}"`);
  if (at < 0) return null;
  const body = html.indexOf("<tbody", at);
  if (body < 0) return null;
  const start = html.indexOf("<tr", body);
  const end = html.indexOf("</tr>", start);
  return start < 0 || end < 0 ? null : html.slice(start, end);
}

const text = (rowHtml: string) => decode(rowHtml.replace(/<[^>]+>/g, " ")).replace(/\s+/g, " ");

async function json<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** The server's HTML for a dashboard URL, fetched with the signed-in cookies (no JavaScript runs). */
async function serverHtml(page: Page, url: string): Promise<string> {
  const res = await page.request.get(url);
  expect(res.status(), url).toBe(200);
  return res.text();
}

async function settledRows(page: Page, name: string): Promise<Locator> {
  const table = page.getByRole("table", { name });
  await expect(table).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 45_000 });
  return table.locator("tbody tr");
}

type Rows<T> = { rows: T[] };

test.describe("[LISTS] server-rendered first page, state in the URL", () => {
  test.describe.configure({ timeout: 180_000 });

  test("each list page's server HTML already contains its first row", async ({ page }) => {
    await signIn(page);
    const walletId: string = (await json<{ selectedWalletId: string }>(page, "/api/wallets")).selectedWalletId;
    expect(walletId).toBeTruthy();

    type Tx = { referenceId: string; currency: string };
    const cases: { url: string; api: string; table: string; expected: (body: unknown) => string[] }[] = [
      ...(["collections", "payouts", "onramp", "offramp"] as const).map((slug) => ({
        url: `/${slug}`,
        api: `/api/transactions/${slug}`,
        table: `All ${slug === "collections" ? "Collections" : slug === "payouts" ? "Payouts" : slug === "onramp" ? "Onramp Transactions" : "Offramp Transactions"}`,
        expected: (b: unknown) => [(b as Rows<Tx>).rows[0].referenceId, (b as Rows<Tx>).rows[0].currency],
      })),
      {
        url: "/",
        api: "/api/transactions/recent",
        table: "Recent Transactions",
        expected: (b) => [(b as Rows<Tx>).rows[0].referenceId],
      },
      {
        url: "/audit",
        api: "/api/team/audit",
        table: "Audit log",
        expected: (b) => {
          const r = (b as Rows<{ action: string; createdAt: string }>).rows[0];
          return [r.action, r.createdAt];
        },
      },
      {
        url: "/users",
        api: "/api/team/members",
        table: "Team members",
        expected: (b) => [(b as Rows<{ email: string }>).rows[0].email],
      },
      {
        url: "/roles",
        api: "/api/team/roles",
        table: "Roles",
        expected: (b) => [(b as Rows<{ name: string }>).rows[0].name],
      },
      {
        url: `/wallets/${walletId}`,
        api: `/api/wallets/${walletId}/history`,
        table: "Balance history",
        expected: (b) => {
          const r = (
            b as Rows<{
              id: string;
              kind: string;
              reference: string | null;
              description: string | null;
              createdAt: string;
            }>
          ).rows[0];
          return [LEDGER_KIND_LABELS[r.kind] ?? r.kind, r.reference ?? r.description ?? r.id, r.createdAt];
        },
      },
    ];

    for (const c of cases) {
      const body = await json<Rows<unknown>>(page, c.api);
      expect(body.rows.length, `${c.api} has rows`).toBeGreaterThan(0);
      const row = firstRowHtml(await serverHtml(page, c.url), c.table);
      expect(row, `${c.url}: a first row in the server HTML of table "${c.table}"`).not.toBeNull();
      // The row's text, or (timestamps) its datetime attribute: the markup, not a skeleton.
      for (const want of c.expected(body))
        expect(`${text(row!)} ${row}`, `${c.url}: first row holds ${want}`).toContain(want);
    }
  });

  test("a filter, a sort and a page survive a reload and a copied URL, and are server-rendered too", async ({
    page,
    context,
  }) => {
    await signIn(page);
    await page.goto("/collections");
    await settledRows(page, "All Collections");

    // Filter: FAILED.
    await page.getByRole("button", { name: /^Filter by status/ }).click();
    const option = page.getByRole("checkbox", { name: "FAILED", exact: true });
    await option.click();
    await page.keyboard.press("Escape");
    await expect(option).toBeHidden();
    await expect(page).toHaveURL(/status=FAILED/);
    await settledRows(page, "All Collections");
    // Sort: Amount, descending.
    await page.getByRole("button", { name: /^Amount: sort/ }).click();
    await expect(page).toHaveURL(/sort=amount\.desc/);
    await settledRows(page, "All Collections");
    // Page 2.
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId("page-indicator")).toContainText("Page 2");
    let rows = await settledRows(page, "All Collections");
    const firstRow = ((await rows.first().locator("td").nth(1).textContent()) ?? "").trim();
    expect(firstRow).not.toBe("");
    for (let i = 0; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText("FAILED");
    const url = page.url();

    await page.reload();
    rows = await settledRows(page, "All Collections");
    await expect(page.getByTestId("page-indicator")).toContainText("Page 2");
    await expect(page.getByRole("button", { name: /^Filter by status \(1 selected\)/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /^Amount/ })).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first().locator("td").nth(1)).toHaveText(firstRow);

    const copy = await context.newPage();
    await copy.goto(url);
    const copied = await settledRows(copy, "All Collections");
    await expect(copy.getByTestId("page-indicator")).toContainText("Page 2");
    await expect(copied.first().locator("td").nth(1)).toHaveText(firstRow);
    await copy.close();

    // The server renders that exact view.
    const row = firstRowHtml(await serverHtml(page, url), "All Collections");
    expect(row && text(row)).toContain(firstRow);
  });

  test("keyset paging (cursor in the URL) and the users and audit views survive a reload and a copied URL", async ({
    page,
    context,
  }) => {
    await signIn(page);
    // Payouts, newest first: page 2 is a keyset cursor.
    await page.goto("/payouts");
    await settledRows(page, "All Payouts");
    await page.getByRole("button", { name: "Next page" }).click();
    await expect(page).toHaveURL(/cursor=/);
    let rows = await settledRows(page, "All Payouts");
    const reference = ((await rows.first().locator("td").nth(1).textContent()) ?? "").trim();
    const payoutsUrl = page.url();
    await page.reload();
    rows = await settledRows(page, "All Payouts");
    await expect(page.getByTestId("page-indicator")).toContainText("Page 2");
    await expect(rows.first().locator("td").nth(1)).toHaveText(reference);

    // Users: a status filter and a sort.
    await page.goto("/users");
    await settledRows(page, "Team members");
    await page.getByRole("button", { name: /^Filter by status/ }).click();
    await page.getByRole("checkbox", { name: "Active", exact: true }).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: /^Member: sort/ }).click();
    await expect(page).toHaveURL(/status=active/);
    await expect(page).toHaveURL(/sort=name\.desc/);
    rows = await settledRows(page, "Team members");
    const firstUser = (await rows.first().getAttribute("data-email")) ?? "";
    expect(firstUser).toContain("@");
    const usersUrl = page.url();

    // Audit: oldest first, sign-ins only.
    await page.goto("/audit");
    await settledRows(page, "Audit log");
    await page.getByRole("button", { name: /^Filter by action/ }).click();
    await page.getByRole("checkbox", { name: "Sign-in", exact: true }).click();
    await page.keyboard.press("Escape");
    // Newest first is the default: one click turns it round.
    await page.getByRole("button", { name: /^When: sort/ }).click();
    await expect(page).toHaveURL(/sort=createdAt\.asc/);
    await expect(page).toHaveURL(/action=auth\.sign_in/);
    rows = await settledRows(page, "Audit log");
    const oldest = (await rows.first().locator("time").getAttribute("datetime")) ?? "";
    const auditUrl = page.url();

    const copy = await context.newPage();
    await copy.goto(payoutsUrl);
    await expect((await settledRows(copy, "All Payouts")).first().locator("td").nth(1)).toHaveText(reference);
    await copy.goto(usersUrl);
    await expect((await settledRows(copy, "Team members")).first()).toHaveAttribute("data-email", firstUser);
    await expect(copy.getByRole("columnheader", { name: /^Member/ })).toHaveAttribute("aria-sort", "descending");
    await copy.goto(auditUrl);
    const auditRows = await settledRows(copy, "Audit log");
    await expect(auditRows.first().locator("time")).toHaveAttribute("datetime", oldest);
    const actions = await auditRows.evaluateAll((trs) => trs.map((r) => r.getAttribute("data-action")));
    expect(new Set(actions)).toEqual(new Set(["auth.sign_in"]));
    await copy.close();
  });
});
