import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { selectMarket, signIn } from "../support/auth";

/**
 * Bulk payments (issue 12) as a finance user runs payroll: the template, a file with two bad rows
 * (each error with its row), the corrected file's preview (a batch per currency with totals and
 * fees), Process, both batches finished, the failing row's debit reversed, the results export,
 * and the same file again flagged as a duplicate.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

const run = Math.random().toString(36).slice(2, 8).toUpperCase();
const HEADER = "recipient_name,recipient_email,recipient_phone,amount,currency,reference,description";
const GOOD = [
  `Jane Doe,jane@example.com,+254700000001,150,KES,E2E-${run}-1,November salary`,
  `Failing Payee,failing@example.com,+254700000010,120,KES,E2E-${run}-2,November salary`,
  `Robert Smith,robert@example.com,+256700000002,5000,UGX,E2E-${run}-3,November salary`,
];
const BAD = [`Bad Amount,bad@example.com,+254700000002,"1,000",KES,E2E-${run}-4,x`, `Foreign Phone,foreign@example.com,+255754123456,100,KES,E2E-${run}-5,x`];
const file = (name: string, rows: string[]) => ({ name, mimeType: "text/csv", buffer: Buffer.from([HEADER, ...rows].join("\r\n") + "\r\n") });

async function openNewBulkPayment(page: Page) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Bulk Payments", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bulk Payments" })).toBeVisible();
  await page.getByRole("link", { name: "New bulk payment" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "New bulk payment" })).toBeVisible();
}

test.describe("[BULK] upload, check, preview, process", () => {
  test("template; bad rows listed with their row numbers; the fixed file's preview; Process completes both batches", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openNewBulkPayment(page);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download template" }).click();
    const template = await download;
    expect(template.suggestedFilename()).toBe("bulk-payments-template.csv");
    expect(readFileSync((await template.path())!, "utf8")).toContain("recipient_name,recipient_email,recipient_phone,amount,currency,reference,description,metadata");

    await page.getByLabel("CSV file").setInputFiles(file("payroll-bad.csv", [...GOOD, ...BAD]));
    const problems = page.getByRole("table", { name: "Problems found" });
    await expect(problems).toBeVisible();
    await expect(problems.getByRole("row").filter({ hasText: "Write amounts without thousands separators" })).toContainText("5");
    await expect(problems.getByRole("row").filter({ hasText: "Tanzania" })).toContainText("6");
    await expect(page.getByRole("button", { name: "Confirm" })).toHaveCount(0);

    await page.getByRole("button", { name: "Upload a corrected file" }).click();
    await page.getByLabel("CSV file").setInputFiles(file("payroll.csv", GOOD));
    const kes = page.getByRole("region", { name: "Payment in KES" });
    const ugx = page.getByRole("region", { name: "Payment in UGX" });
    await expect(kes).toContainText("2 recipients");
    await expect(kes).toContainText("KES 270.00");
    await expect(ugx).toContainText("UGX 5,000");
    await expect(kes.getByText("Total fees")).toBeVisible();
    await page.getByRole("textbox", { name: "Name" }).fill(`E2E payroll ${run}`);
    await page.getByRole("button", { name: "Confirm" }).click();

    await expect(page.getByRole("heading", { level: 1, name: `E2E payroll ${run}` })).toBeVisible({ timeout: 30_000 });
    for (const currency of ["KES", "UGX"]) {
      const batch = page.getByRole("region", { name: `Batch ${currency}` });
      await batch.getByRole("button", { name: "Process" }).click();
    }
    const kesBatch = page.getByRole("region", { name: "Batch KES" });
    const ugxBatch = page.getByRole("region", { name: "Batch UGX" });
    // Live progress: the page refreshes by itself until both are final.
    await expect(kesBatch).toHaveAttribute("data-status", "completed_with_errors", { timeout: 60_000 });
    await expect(ugxBatch).toHaveAttribute("data-status", "completed", { timeout: 60_000 });
    await expect(kesBatch).toContainText("1 paid, 1 failed");
    await expect(page.getByRole("table", { name: "Recipients of Batch KES" })).toContainText("Insufficient funds in the customer's account");

    // The failing row's payout failed and its debit was reversed (the ledger is checked by the unit tests); the export says so per row.
    const download2 = page.waitForEvent("download");
    await kesBatch.getByRole("button", { name: "Export results" }).click();
    const results = readFileSync((await (await download2).path())!, "utf8").replace(/^\ufeff/, ""); // a BOM, for Excel
    expect(results.split(/\r?\n/)[0]).toBe("recipient_name,recipient_email,recipient_phone,amount,currency,reference,description,metadata,network,status,error_message,payout_reference");
    expect(results).toMatch(/Jane Doe,.*,SUCCESS,/);
    expect(results).toMatch(/Failing Payee,.*,FAILED,Insufficient funds in the customer's account,/);
  });

  test("the same file again is flagged as uploaded before", async ({ page }) => {
    await signIn(page);
    await selectMarket(page, "KE", "KES");
    await openNewBulkPayment(page);
    await page.getByLabel("CSV file").setInputFiles(file("payroll.csv", GOOD));
    await expect(page.getByText(/This file was uploaded on .* as E2E payroll/).first()).toBeVisible();
  });
});
