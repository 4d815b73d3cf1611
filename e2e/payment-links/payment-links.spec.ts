import { expect, test, type Browser, type Page } from "@playwright/test";
import { selectMarket, signIn } from "../support/auth";

/**
 * Payment links and the hosted checkout (issue 11, items 4–8) as an Owner and a payer use them:
 * create a fixed single-use KES 500 link, pay it from a fresh browser with no session (no
 * cookie is ever set), see it used up in the dashboard and in Collections as "Payment Link"; a
 * range link refuses an amount outside its range; the checkout fits a 390×844 phone.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const suffix = Math.random().toString(36).slice(2, 7);
const FIXED_NAME = `Concert ticket ${suffix}`;
const RANGE_NAME = `Donation drive ${suffix}`;

async function openPaymentLinks(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payment Links", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payment Links" })).toBeVisible();
}

/** Fills the create dialog and returns the checkout URL it shows once created. */
async function createLink(page: Page, fill: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>): Promise<string> {
  await page.getByRole("button", { name: "Create payment link" }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("textbox", { name: "Name" })).toBeVisible();
  await fill(dialog);
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByRole("heading", { name: "Link created" })).toBeVisible();
  const url = dialog.getByRole("textbox", { name: "Payment link URL" });
  await expect(url).toHaveValue(/^http.*\/l\/[0-9a-z]{10}$/);
  const value = await url.inputValue();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  return value;
}

async function payerPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test.describe("[PAYMENT LINKS] create, pay without a session, used up", () => {
  let fixedUrl = "";
  let rangeUrl = "";

  test("the Owner creates a fixed KES 500 single-use link; a payer pays it with 0700000001 and gets a receipt", async ({ page, browser }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openPaymentLinks(page);
    fixedUrl = await createLink(page, async (dialog) => {
      await dialog.getByRole("textbox", { name: "Name" }).fill(FIXED_NAME);
      await dialog.getByRole("radio", { name: "Fixed amount" }).check();
      await dialog.getByRole("textbox", { name: "Amount" }).fill("500");
      await dialog.getByRole("radio", { name: "Single use" }).check();
    });

    const payer = await payerPage(browser);
    const checkout = payer.page;
    const response = await checkout.goto(fixedUrl);
    expect(response?.status()).toBe(200);
    await expect(checkout.getByRole("heading", { name: FIXED_NAME })).toBeVisible();
    await expect(checkout.getByText("Demo Kotani Pay").first()).toBeVisible();
    expect(await checkout.locator("script").count()).toBe(0);
    await checkout.getByRole("textbox", { name: "Mobile money number" }).fill("0700000001");
    // The payer bears the collection fee on the demo wallet: KES 500 + KES 10 fee, said before Pay.
    await expect(checkout.getByText("KES 500.00 + KES 10.00 fee")).toBeVisible();
    await checkout.getByRole("button", { name: "Pay KES 510.00" }).click();
    await expect(checkout.getByRole("heading", { name: "Check your phone to approve the payment" })).toBeVisible();
    // The waiting page refreshes itself (no JavaScript) until the network answers.
    await expect(checkout.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: 60_000 });
    await expect(checkout.getByText("KES 500.00").first()).toBeVisible();
    await expect(checkout.getByRole("link", { name: "Download receipt (PDF)" })).toBeVisible();
    const pdf = await payer.context.request.get(await checkout.getByRole("link", { name: "Download receipt (PDF)" }).getAttribute("href").then((h) => new URL(h!, fixedUrl).toString()));
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await payer.context.cookies()).toEqual([]);

    // A second visit: the link is used up.
    await checkout.goto(fixedUrl);
    await expect(checkout.getByText("Payment link usage limit reached")).toBeVisible();
    await expect(checkout.getByRole("button", { name: /^Pay/ })).toHaveCount(0);
    await payer.context.close();
  });

  test("the link shows 1 payment and Used up; Collections shows the payment with type Payment Link", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openPaymentLinks(page);
    await page.getByRole("textbox", { name: "Search payment links" }).or(page.getByRole("searchbox", { name: "Search payment links" })).first().fill(FIXED_NAME);
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(FIXED_NAME);
    const row = page.getByRole("row").filter({ hasText: FIXED_NAME });
    await expect(row).toContainText("Used up");
    await expect(row).toContainText("1 of 1");
    await row.getByRole("link", { name: FIXED_NAME }).click();
    await expect(page.getByRole("heading", { level: 1, name: FIXED_NAME })).toBeVisible();
    await expect(page.getByRole("group", { name: "Successful payments" })).toContainText("1");
    const payments = page.getByRole("region", { name: /Payments/ });
    await expect(payments.getByRole("row")).toHaveCount(2); // header + the one payment
    await expect(payments).toContainText("KES 500.00");
    await expect(page.getByRole("link", { name: /^Receipt for / })).toBeVisible();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Collections", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Collections" })).toBeVisible();
    // Type is under "View" by default (the default columns fit 1280 px): the newest row's detail says it.
    const first = page.getByRole("table").getByRole("row").nth(1);
    await expect(first).toContainText("500.00");
    await first.click();
    await expect(page.getByRole("dialog")).toContainText("Payment Link");
  });

  test("a range link refuses an amount outside its range, with the range, and creates nothing", async ({ page, browser }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openPaymentLinks(page);
    const url = await createLink(page, async (dialog) => {
      await dialog.getByRole("textbox", { name: "Name" }).fill(RANGE_NAME);
      await dialog.getByRole("radio", { name: "Range (min–max)" }).check();
      await dialog.getByRole("textbox", { name: "Minimum amount" }).fill("100");
      await dialog.getByRole("textbox", { name: "Maximum amount" }).fill("1000");
    });

    const payer = await payerPage(browser);
    await payer.page.goto(url);
    await payer.page.getByRole("textbox", { name: "Amount" }).fill("1500");
    await payer.page.getByRole("textbox", { name: "Mobile money number" }).fill("0700000001");
    await payer.page.getByRole("button", { name: /^Pay/ }).click();
    await expect(payer.page.getByText("Amount outside allowed range: between KES 100.00 and KES 1,000.00")).toBeVisible();
    await expect(payer.page.getByRole("textbox", { name: "Amount" })).toHaveValue("1500");
    await payer.context.close();
    rangeUrl = url;
  });

  test("the checkout fits a 390×844 screen with no horizontal scroll; a wrong code is a plain 404", async ({ browser }) => {
    // JavaScript on here only to measure the page; the checkout itself ships none.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const url of [rangeUrl, fixedUrl]) {
      await page.goto(url);
      const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(sizes.scroll, url).toBeLessThanOrEqual(sizes.client);
    }
    await expect(page.locator("script")).toHaveCount(0);
    const unknown = await page.goto(new URL("/l/abcdefgh23", fixedUrl).toString());
    expect(unknown?.status()).toBe(404);
    await expect(page.getByText("This payment link does not exist")).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
