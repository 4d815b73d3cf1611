import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, selectMarket, signIn, signOut } from "../support/auth";

/**
 * The money engine as people use it (issue 10): Send Money and New Collection in the Kenya
 * sandbox, settled by the simulator's test numbers and shown on screen without a reload; payout
 * approvals between two members. One server for the file; the tests build on each other: serial.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

/** "KES 1,530.00" → 153000n (KES prints both decimals, so the digits are the minor units). */
function minorOf(text: string | null): bigint {
  const digits = (text ?? "").replace(/[^0-9]/g, "");
  if (!digits) throw new Error(`no amount in "${text}"`);
  return BigInt(digits);
}

async function openPayouts(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payouts", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payouts" })).toBeVisible();
}

async function openCollections(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collections", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
}

/** Opens Send Money, fills a mobile-money payout and waits for the preview; returns the dialog and what it showed. */
async function fillSendMoney(page: Page, phone: string, amount: string) {
  await page.getByRole("button", { name: "Send Money" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Send Money" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("textbox", { name: "Phone number" }).fill(phone);
  await expect(dialog.getByRole("combobox", { name: "Network" })).toContainText("MPESA");
  await dialog.getByRole("textbox", { name: "Amount" }).fill(amount);
  const preview = dialog.getByRole("region", { name: "Payout preview" });
  await expect(preview.getByTestId("preview-total-debit")).toHaveText(/KES [\d,]+\.\d\d/);
  const reference = await dialog.getByRole("textbox", { name: "Reference" }).inputValue();
  return {
    dialog,
    reference,
    totalDebit: minorOf(await preview.getByTestId("preview-total-debit").textContent()),
    balance: minorOf(await preview.getByTestId("preview-payout-balance").textContent()),
  };
}

async function confirmSend(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Send Money" });
  await dialog.getByRole("button", { name: "Review" }).click();
  await expect(dialog.getByRole("region", { name: "Payout summary" })).toBeVisible();
  await dialog.getByRole("button", { name: "Confirm and send" }).click();
  await expect(dialog).toBeHidden();
}

/** The payout balance as the Send Money preview reads it now. */
async function payoutBalance(page: Page): Promise<bigint> {
  await page.getByRole("button", { name: "Send Money" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Send Money" });
  await dialog.getByRole("textbox", { name: "Amount" }).fill("1");
  const value = dialog.getByRole("region", { name: "Payout preview" }).getByTestId("preview-payout-balance");
  await expect(value).toHaveText(/KES/);
  const balance = minorOf(await value.textContent());
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  return balance;
}

function rowOf(page: Page, reference: string) {
  return page.getByRole("row").filter({ hasText: reference });
}

test.describe("[ENGINE] Send Money and New Collection", () => {
  test("the Owner sends KES 150 to 0700000001: PENDING, then SUCCESSFUL without a reload; the balance fell by exactly the previewed total", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openPayouts(page);
    const sent = await fillSendMoney(page, "0700000001", "150");
    expect(sent.totalDebit).toBe(16_700n); // KES 150 + KES 17 fee (1% + KES 15, whole shillings)
    await confirmSend(page);
    await expect(page.getByText("Payout of KES 150.00 sent")).toBeVisible();
    const row = rowOf(page, sent.reference);
    await expect(row).toContainText("PENDING");
    await expect(row).toContainText("SUCCESSFUL", { timeout: 30_000 });
    await expect.poll(() => payoutBalance(page), { timeout: 20_000 }).toBe(sent.balance - sent.totalDebit);
  });

  test("to 0700000010 the payout FAILS with the insufficient-funds reason and the balance is back where it was", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openPayouts(page);
    const sent = await fillSendMoney(page, "0700000010", "200");
    await confirmSend(page);
    const row = rowOf(page, sent.reference);
    await expect(row).toContainText("FAILED", { timeout: 30_000 });
    await row.click();
    await expect(page.getByRole("dialog")).toContainText("Insufficient funds in the customer's account");
    await page.keyboard.press("Escape");
    await expect.poll(() => payoutBalance(page), { timeout: 20_000 }).toBe(sent.balance);
  });

  test("a New Collection from 0700000001 succeeds and the deposit balance rises by the amount (the customer pays the fee)", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    const before = await depositBalance(page);
    await openCollections(page);
    await page.getByRole("button", { name: "New Collection" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New Collection" });
    await dialog.getByRole("textbox", { name: "Phone number" }).fill("0700000001");
    await expect(dialog.getByRole("combobox", { name: "Network" })).toContainText("MPESA");
    await dialog.getByRole("textbox", { name: "Amount" }).fill("250");
    const reference = await dialog.getByRole("textbox", { name: "Reference" }).inputValue();
    await dialog.getByRole("button", { name: "Request payment" }).click();
    await expect(dialog).toBeHidden();
    const row = rowOf(page, reference);
    await expect(row).toContainText("SUCCESSFUL", { timeout: 30_000 });
    // The Wallets page may first show its cached figures, then the refreshed ones.
    await expect.poll(() => depositBalance(page), { timeout: 20_000 }).toBe(before + 25_000n);
  });

  test("a Viewer sees neither button, and the server refuses the quote route", async ({ page }) => {
    await signIn(page, "viewer@kotanipay.test", DEMO_PASSWORD);
    await selectMarket(page, "KE", "KES");
    await openPayouts(page);
    await expect(page.getByRole("button", { name: "Send Money" })).toHaveCount(0);
    await openCollections(page);
    await expect(page.getByRole("button", { name: "New Collection" })).toHaveCount(0);
    const res = await page.request.get("/api/payouts/quote?channel=MOBILE_MONEY&amount=100");
    expect(res.status()).toBe(403);
  });

  test("with a KES 1,000 threshold a KES 5,000 payout waits; its sender cannot approve it; Finance approves and it settles", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallets", exact: true }).click();
    const card = page.getByRole("region", { name: "Payout approvals" });
    await card.getByRole("button", { name: "Edit thresholds" }).click();
    await expect(card.getByRole("textbox").first()).toBeFocused();
    await card.getByRole("textbox", { name: "Approval threshold (KES)" }).fill("1000");
    await card.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/threshold/i).first()).toBeVisible();

    await openPayouts(page);
    const sent = await fillSendMoney(page, "0700000002", "5000");
    await expect(sent.dialog.getByText(/Needs approval by another member/)).toBeVisible();
    await confirmSend(page);
    await expect(page.getByText("Payout waiting for approval")).toBeVisible();
    const row = rowOf(page, sent.reference);
    await expect(row).toContainText("AWAITING_APPROVAL");
    // The reservation left the balance at once.
    await expect.poll(() => payoutBalance(page), { timeout: 20_000 }).toBe(sent.balance - sent.totalDebit);

    await page.goto("/payouts/approvals");
    const waiting = page.getByRole("row").filter({ hasText: sent.reference });
    await expect(waiting.getByRole("button", { name: "Approve" })).toBeDisabled();
    await signOut(page);

    await signIn(page, "finance@kotanipay.test", DEMO_PASSWORD);
    await selectMarket(page, "KE", "KES");
    await openPayouts(page);
    await page.getByRole("link", { name: "Approvals", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Payout approvals" })).toBeVisible();
    await page.getByRole("row").filter({ hasText: sent.reference }).getByRole("button", { name: "Approve" }).click();
    await openPayouts(page);
    await expect(rowOf(page, sent.reference)).toContainText("SUCCESSFUL", { timeout: 30_000 });
  });
});

/** The Deposit Balance tile of the selected wallet on the Wallets page (loaded afresh). */
async function depositBalance(page: Page): Promise<bigint> {
  await page.goto("/wallets");
  const tile = page.getByRole("region", { name: "Selected wallet" }).getByRole("group", { name: "Deposit Balance" }).locator("[data-value]");
  await expect(tile).toHaveText(/KES/);
  return minorOf(await tile.textContent());
}
