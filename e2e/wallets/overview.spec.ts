import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { selectMarket, signIn } from "../support/auth";
import { formatMoney } from "../../lib/money";

interface WalletJson {
  id: string;
  name: string;
  currency: string;
  depositBalance: string;
  payoutBalance: string;
}

async function openWallets(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallets", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wallets" })).toBeVisible();
}

const topBar = (page: Page) => ({
  country: page.getByRole("combobox", { name: "Country" }),
  currency: page.getByRole("combobox", { name: "Currency" }),
});

// Zambia / ZMW is this file's own market for moving money (the other wallet specs use GHS and KES).
test.describe.configure({ mode: "serial", timeout: 120_000 });

test.describe("[WALLETS] totals, switching wallets, fresh balances", () => {
  test("Total Balance shows deposit + main balance of every wallet, one total per currency, this market's first", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openWallets(page);
    const { wallets } = (await (await page.request.get("/api/wallets")).json()) as { wallets: WalletJson[] };
    const sums = new Map<string, bigint>();
    for (const w of wallets) sums.set(w.currency, (sums.get(w.currency) ?? 0n) + BigInt(w.depositBalance) + BigInt(w.payoutBalance));
    expect(sums.size).toBeGreaterThan(1);
    const expected = [...sums]
      .sort(([a], [b]) => Number(b === "KES") - Number(a === "KES") || a.localeCompare(b))
      .map(([currency, total]) => formatMoney(total, currency));

    const card = page.getByRole("region", { name: "Wallet summary" }).getByRole("group", { name: "Total Balance" });
    await expect(card.getByRole("list", { name: "Total per currency" }).getByRole("listitem")).toHaveText(expected);
    await expect(card).toContainText(`Deposit + main balance of all ${wallets.length} wallets, per currency`);
    await expect(card).not.toContainText("Across all wallets");
  });

  test("selecting a wallet of another market switches the top bar to it; so does opening its history", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openWallets(page);
    const list = page.getByRole("list", { name: "All Wallets" });
    // The selected market's wallet has nothing to switch to.
    await expect(list.getByRole("button", { name: "Select My KES Wallet" })).toHaveCount(0);

    await list.getByRole("button", { name: "Select My UGX Wallet" }).click();
    await expect(topBar(page).currency).toContainText("UGX");
    await expect(topBar(page).country).toContainText("UG");
    await expect(page).toHaveURL(/\/wallets\?(.*&)?m=UG-UGX/);
    await expect(page.getByRole("region", { name: "Selected wallet" }).getByRole("heading", { name: "My UGX Wallet" })).toBeVisible();
    await expect(list.getByRole("button", { name: "Select My UGX Wallet" })).toHaveCount(0);

    await list.getByRole("link", { name: "My TZS Wallet" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /My TZS Wallet — Balance history/ })).toBeVisible();
    await expect(topBar(page).currency).toContainText("TZS");
    await expect(topBar(page).country).toContainText("TZ");
    await expect(page).toHaveURL(/\/wallets\/[^?]+\?(.*&)?m=TZ-TZS/);
    // The choice is stored, not only shown: a reload keeps it.
    await page.reload();
    await expect(topBar(page).currency).toContainText("TZS");
  });

  test("the transfer dialog shows the deposit balance moved by another request: re-read on open and on focus", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "ZM", "ZMW");
    await openWallets(page);
    const overview = await (await page.request.get("/api/wallets")).json();
    const wallet = (overview.wallets as WalletJson[]).find((w) => w.id === overview.selectedWalletId)!;
    const deposit0 = BigInt(wallet.depositBalance);
    expect(deposit0).toBeGreaterThan(1_000n);
    const dialog = page.getByRole("dialog", { name: "Transfer Deposit Balance" });
    const dialogDeposit = dialog
      .getByRole("region", { name: `${wallet.name} Summary` })
      .locator("div")
      .filter({ has: page.getByText("Deposit Balance", { exact: true }) })
      .locator("dd");
    /** What another tab does: the same transfer route, outside this page. */
    const transferElsewhere = async (amount: string) => {
      const res = await page.request.post("/api/wallets/transfer", { data: { walletId: wallet.id, amount, idempotencyKey: randomUUID() } });
      expect(res.status()).toBe(200);
    };

    const selected = page.getByRole("region", { name: "Selected wallet" });
    await selected.getByRole("button", { name: "Transfer Deposit Balance" }).click();
    await expect(dialogDeposit).toHaveText(formatMoney(deposit0, "ZMW"));
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await transferElsewhere("1.00");
    await selected.getByRole("button", { name: "Transfer Deposit Balance" }).click();
    await expect(dialogDeposit).toHaveText(formatMoney(deposit0 - 100n, "ZMW"));
    await expect(dialog.getByText(`Move all ${formatMoney(deposit0 - 100n, "ZMW")} to main balance`)).toBeVisible();

    // With the dialog open: another transfer, then the window regains focus.
    await transferElsewhere("2.00");
    await page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));
    await expect(dialogDeposit).toHaveText(formatMoney(deposit0 - 300n, "ZMW"));
    // The page's cards follow too (one query behind both).
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(selected.getByRole("group", { name: "Deposit Balance" }).locator("[data-value]")).toHaveText(formatMoney(deposit0 - 300n, "ZMW"));
  });
});
