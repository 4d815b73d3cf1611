import { expect, test } from "@playwright/test";
import { signIn } from "../support/auth";
import { cryptoToDecimal, formatCrypto } from "../../lib/transactions/format";

interface Row {
  id: string;
  token: string | null;
  cryptoAmount: string | null;
}

test("[TRANSACTIONS] an onramp's detail shows the crypto amount as the list does (6 decimals, not 18)", async ({ page }) => {
  await signIn(page);
  // An 18-decimal token whose amount has more than 6 decimals: the case where the two differed.
  let row: Row | undefined;
  for (const token of ["CUSD", "CKES", "USDGLO"]) {
    const res = await page.request.get(`/api/transactions/onramp?token=${token}&size=100`);
    expect(res.status()).toBe(200);
    row = ((await res.json()).rows as Row[]).find((r) => (cryptoToDecimal(r.cryptoAmount, r.token).split(".")[1] ?? "").length > 6);
    if (row) break;
  }
  expect(row, "the demo data has an 18-decimal onramp").toBeDefined();
  const shown = formatCrypto(row!.cryptoAmount, row!.token);

  await page.goto(`/onramp?tx=${row!.id}`);
  const sheet = page.getByRole("dialog");
  const amount = sheet
    .getByRole("region", { name: "Crypto" })
    .locator("div")
    .filter({ has: page.getByText("Crypto Amount", { exact: true }) })
    .locator("dd");
  await expect(amount).toHaveText(shown, { timeout: 30_000 });
});
