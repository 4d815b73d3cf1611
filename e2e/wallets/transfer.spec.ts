import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { selectMarket, signIn } from "../support/auth";
import { formatMoney } from "../../lib/money";

/** "GHS 1,234.56" → 123456n (a 2-decimal currency prints all its decimals, so the digits are the minor units). */
function minorOf(text: string | null): bigint {
  const digits = (text ?? "").replace(/[^0-9]/g, "");
  if (!digits) throw new Error(`no amount in "${text}"`);
  return BigInt(digits);
}

async function tileValue(page: Page, name: string): Promise<bigint> {
  const tile = page.getByRole("region", { name: "Selected wallet" }).getByRole("group", { name });
  return minorOf(await tile.locator("[data-value]").textContent());
}

function tile(page: Page, name: string): Locator {
  return page.getByRole("region", { name: "Selected wallet" }).getByRole("group", { name }).locator("[data-value]");
}

async function openWallets(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallets", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wallets" })).toBeVisible();
  await expect(page.getByText("Manage your fiat wallets and transfer deposit balances")).toBeVisible();
}

async function shot(page: Page, name: string) {
  if (process.env.WALLETS_SCREENSHOTS) await page.screenshot({ path: `/tmp/${name}.png`, fullPage: true });
}

// One database for the whole file, and the tests build on each other's balances: in order.
// Ghana / GHS is this file's own market: it empties a deposit balance, and the team and
// transactions specs move KES money on the same server (the run order across files is not fixed).
const COUNTRY = "GH";
const CURRENCY = "GHS";

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.describe("[WALLETS] Transfer Deposit Balance", () => {
  test("the Owner opens Wallets for its market and transfers a specific amount: Main Balance rises, Deposit Balance falls by exactly that", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, COUNTRY, CURRENCY);
    await openWallets(page);

    const summary = page.getByRole("region", { name: "Wallet summary" });
    for (const title of ["Total Balance", "Available Balance", "Deposit Balance", "Active Wallets"]) {
      await expect(summary.getByRole("group", { name: title })).toBeVisible();
    }
    await expect(summary).toContainText(/Deposit \+ main balance of all \d+ wallets, per currency/);
    await expect(summary).toContainText("Pending transfer");
    const selected = page.getByRole("region", { name: "Selected wallet" });
    await expect(selected.getByRole("heading", { name: `My ${CURRENCY} Wallet` })).toBeVisible();
    await expect(selected).toContainText(`Wallet · ${CURRENCY} · Ghana`);
    await expect(selected.getByText("active", { exact: true })).toBeVisible();
    const list = page.getByRole("list", { name: "All Wallets" });
    await expect(list.getByRole("listitem").first()).toContainText("ID: ");
    await expect(list.getByRole("button", { name: "Copy wallet ID" }).first()).toBeVisible();
    await shot(page, "wallets-page");

    // 1. A specific amount.
    const main0 = await tileValue(page, "Main Balance");
    const deposit0 = await tileValue(page, "Deposit Balance");
    expect(deposit0).toBeGreaterThan(10_000n);
    await selected.getByRole("button", { name: "Transfer Deposit Balance" }).click();
    const dialog = page.getByRole("dialog", { name: "Transfer Deposit Balance" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Move funds from your deposit balance to your main wallet balance for immediate use.");
    await expect(dialog).toContainText(`My ${CURRENCY} Wallet Summary`);
    await expect(dialog.getByRole("radio", { name: /Transfer entire deposit balance/ })).toBeChecked();
    await expect(dialog).toContainText("Recommended");
    await expect(dialog.getByTestId("preview-amount")).toHaveText(formatMoney(deposit0, CURRENCY));
    await dialog.getByRole("radio", { name: /Transfer specific amount/ }).click();
    const amountInput = dialog.getByLabel(`Amount (${CURRENCY})`);
    // Bad input: a clear message, the Transfer button stays disabled.
    await amountInput.fill("12.345");
    await expect(dialog).toContainText(`${CURRENCY} allows at most 2 decimal places`);
    await expect(dialog.getByRole("button", { name: "Transfer", exact: true })).toBeDisabled();
    await amountInput.fill(((deposit0 + 100n) / 100n).toString());
    await expect(dialog).toContainText("Amount is more than the deposit balance");
    await amountInput.fill("0");
    await expect(dialog).toContainText("Amount must be greater than zero");
    await amountInput.fill("12.34");
    await expect(dialog.getByTestId("preview-amount")).toHaveText(formatMoney(1234n, CURRENCY));
    await expect(dialog.getByTestId("preview-main-balance")).toHaveText(formatMoney(main0 + 1234n, CURRENCY));
    await shot(page, "wallets-transfer-modal");
    await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`${formatMoney(1234n, CURRENCY)} moved to your main balance`)).toBeVisible();
    // Updated without a reload, by exactly the amount.
    await expect(tile(page, "Main Balance")).toHaveText(formatMoney(main0 + 1234n, CURRENCY));
    await expect(tile(page, "Deposit Balance")).toHaveText(formatMoney(deposit0 - 1234n, CURRENCY));
    await page.reload();
    await expect(tile(page, "Main Balance")).toHaveText(formatMoney(main0 + 1234n, CURRENCY));
    await expect(tile(page, "Deposit Balance")).toHaveText(formatMoney(deposit0 - 1234n, CURRENCY));
  });

  test("a double click on Transfer moves the money once; a repeated request with the same key too", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, COUNTRY, CURRENCY);
    await openWallets(page);
    const selected = page.getByRole("region", { name: "Selected wallet" });
    const dialog = page.getByRole("dialog", { name: "Transfer Deposit Balance" });
    const main1 = await tileValue(page, "Main Balance");
    const deposit1 = await tileValue(page, "Deposit Balance");
    expect(deposit1).toBeGreaterThan(200n);
    await selected.getByRole("button", { name: "Transfer Deposit Balance" }).click();
    await dialog.getByRole("radio", { name: /Transfer specific amount/ }).click();
    await dialog.getByLabel(`Amount (${CURRENCY})`).fill("1.00");
    await dialog.getByRole("button", { name: "Transfer", exact: true }).dblclick();
    await expect(dialog).toBeHidden();
    await expect(tile(page, "Main Balance")).toHaveText(formatMoney(main1 + 100n, CURRENCY));
    await page.reload();
    await expect(tile(page, "Main Balance")).toHaveText(formatMoney(main1 + 100n, CURRENCY));
    await expect(tile(page, "Deposit Balance")).toHaveText(formatMoney(deposit1 - 100n, CURRENCY));

    // Even two requests with the same idempotency key move it once (the key the modal sends).
    const overview = await (await page.request.get("/api/wallets")).json();
    const walletId: string = overview.selectedWalletId;
    const key = randomUUID();
    const first = await page.request.post("/api/wallets/transfer", { data: { walletId, amount: "0.50", idempotencyKey: key } });
    const second = await page.request.post("/api/wallets/transfer", { data: { walletId, amount: "0.50", idempotencyKey: key } });
    expect(first.status()).toBe(200);
    expect(second.status()).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    const reused = await page.request.post("/api/wallets/transfer", { data: { walletId, amount: "0.51", idempotencyKey: key } });
    expect(reused.status()).toBe(409);
    expect((await reused.json()).message).toBe("This idempotency key was already used for a different transfer");
    const bad = await page.request.post("/api/wallets/transfer", { data: { walletId, amount: "1e3", idempotencyKey: randomUUID() } });
    expect(bad.status()).toBe(400);
    // The body is strict: a typo'd key is refused (it once read as "no amount": the entire balance),
    // a JSON number is not money, and the entire balance needs an explicit `entire: true`.
    const typo = await page.request.post("/api/wallets/transfer", {
      data: { walletId, amout: "0.02", idempotencyKey: randomUUID() },
    });
    expect(typo.status()).toBe(400);
    expect(await typo.json()).toMatchObject({ success: false, error_code: 400, message: expect.stringContaining('"amout"') });
    const number = await page.request.post("/api/wallets/transfer", {
      data: { walletId, amount: 1e3, idempotencyKey: randomUUID() },
    });
    expect(number.status()).toBe(400);
    expect((await number.json()).message).toBe('amount must be a decimal string, e.g. "1500.00"');
    const neither = await page.request.post("/api/wallets/transfer", { data: { walletId, idempotencyKey: randomUUID() } });
    expect(neither.status()).toBe(400);
    expect((await neither.json()).message).toBe("Give an amount, or entire: true");
    // A body over the limit is refused before it is parsed.
    const huge = await page.request.post("/api/wallets/transfer", {
      headers: { "content-type": "application/json" },
      data: JSON.stringify({ walletId, amount: "0.01", idempotencyKey: randomUUID() }) + " ".repeat(100 * 1024),
    });
    expect(huge.status()).toBe(413);
    expect((await huge.json()).message).toBe("The request body is too large (limit 64 kB)");
    await page.reload();
    await expect(tile(page, "Main Balance")).toHaveText(formatMoney(main1 + 150n, CURRENCY));
    await expect(tile(page, "Deposit Balance")).toHaveText(formatMoney(deposit1 - 150n, CURRENCY));
  });

  test("the Owner transfers the entire deposit balance; then the action is disabled and the history shows it", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, COUNTRY, CURRENCY);
    await openWallets(page);
    const selected = page.getByRole("region", { name: "Selected wallet" });
    const summary = page.getByRole("region", { name: "Wallet summary" });
    const dialog = page.getByRole("dialog", { name: "Transfer Deposit Balance" });
    const main2 = await tileValue(page, "Main Balance");
    const deposit2 = await tileValue(page, "Deposit Balance");
    expect(deposit2).toBeGreaterThan(0n);
    const walletId: string = (await (await page.request.get("/api/wallets")).json()).selectedWalletId;
    await selected.getByRole("button", { name: "Transfer Deposit Balance" }).click();
    await expect(dialog.getByRole("radio", { name: /Transfer entire deposit balance/ })).toBeChecked();
    await expect(dialog).toContainText(`Move all ${formatMoney(deposit2, CURRENCY)} to main balance`);
    await expect(dialog.getByTestId("preview-main-balance")).toHaveText(formatMoney(main2 + deposit2, CURRENCY));
    await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(tile(page, "Deposit Balance")).toHaveText(formatMoney(0n, CURRENCY));
    await expect(tile(page, "Main Balance")).toHaveText(formatMoney(main2 + deposit2, CURRENCY));
    await expect(selected.getByRole("button", { name: "Transfer Deposit Balance" })).toBeDisabled();
    await expect(summary.getByRole("button", { name: "Transfer Now" })).toHaveCount(0);
    await page.reload();
    await expect(selected.getByRole("button", { name: "Transfer Deposit Balance" })).toBeDisabled();
    await shot(page, "wallets-after-transfer");

    // The balance history shows the transfers with the balances after.
    await selected.getByRole("link", { name: "View Transactions" }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`My ${CURRENCY} Wallet — Balance history`) })).toBeVisible();
    const history = page.getByRole("table", { name: "Balance history" });
    await expect(history.getByRole("row").nth(1)).toContainText("Transfer");
    await expect(history.getByRole("row").nth(1)).toContainText(`−${formatMoney(deposit2, CURRENCY)}`);
    await expect(history.getByRole("row").nth(1)).toContainText(formatMoney(main2 + deposit2, CURRENCY));
    await page.getByRole("combobox", { name: "Kind" }).click();
    await page.getByRole("option", { name: "Transfer" }).click();
    await expect(history.getByRole("row").nth(1)).toContainText(`+${formatMoney(deposit2, CURRENCY)}`);
    for (let i = 1; i <= 4; i++) await expect(history.getByRole("row").nth(i)).toContainText("Transfer");
    const csv = await page.request.get(`/api/wallets/${walletId}/history/export?kind=transfer`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).split("\r\n").filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(1 + 4);
    expect(lines[1]).toContain(`,-${(deposit2 / 100n).toString()}.${(deposit2 % 100n).toString().padStart(2, "0")},`);
    await shot(page, "wallets-history");
  });

  test("a Viewer does not get the action, and the server refuses it when called directly", async ({ page }) => {
    await signIn(page, "viewer@kotanipay.test");
    await openWallets(page);
    const selected = page.getByRole("region", { name: "Selected wallet" });
    await expect(selected.getByRole("group", { name: "Main Balance" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Transfer Deposit Balance" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Transfer Now" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit Wallet" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Add Wallet" })).toHaveCount(0);

    const overview = await (await page.request.get("/api/wallets")).json();
    const before = overview.wallets;
    const walletId: string = overview.wallets.find((w: { depositBalance: string }) => BigInt(w.depositBalance) > 0n)?.id ?? overview.selectedWalletId;
    const refused = await page.request.post("/api/wallets/transfer", { data: { walletId, amount: "1", idempotencyKey: randomUUID() } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false, error_code: 403 });
    const after = (await (await page.request.get("/api/wallets")).json()).wallets;
    expect(after).toEqual(before);
  });

  test("another integrator's wallet is not found, and nothing moves", async ({ page, browser }) => {
    await signIn(page);
    const demo = await (await page.request.get("/api/wallets")).json();
    const other = await browser.newPage();
    await signIn(other, "owner@savanna.test");
    const res = await other.request.post("/api/wallets/transfer", {
      data: { walletId: demo.selectedWalletId, entire: true, idempotencyKey: randomUUID() },
    });
    expect(res.status()).toBe(404);
    await other.close();
    expect((await (await page.request.get("/api/wallets")).json()).wallets).toEqual(demo.wallets);
  });

  test("Crypto Wallets shows balances per chain and token, with copy, QR code and explorer link", async ({ page }) => {
    await signIn(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Crypto Wallets" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Crypto Wallets" })).toBeVisible();
    const first = page.getByRole("region").filter({ has: page.getByRole("img", { name: /QR code for the/ }) }).first();
    await expect(first).toBeVisible();
    await expect(first.getByRole("button", { name: /Copy .* address/ })).toBeVisible();
    await expect(first.getByRole("link", { name: /View on .* explorer/ })).toHaveAttribute("href", /^https:\/\//);
    await shot(page, "crypto-wallets");
  });
});
