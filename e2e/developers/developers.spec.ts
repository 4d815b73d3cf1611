import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "../support/auth";
import { startReceiver, type Hit } from "./receiver";

/**
 * The developers area as an Owner uses it (issue 13): generate an API key (shown once), call the
 * public API with it, revoke it; set the webhook URL and secret, send a test event that the
 * receiver verifies per §4.2; a deposit made through the API reaches the receiver as
 * transaction.deposit.status.updated SUCCESSFUL; a receiver answering 500 gets retries with growing
 * gaps, and after it recovers a Resend gets 200.
 */
test.describe.configure({ mode: "serial", timeout: 180_000 });

let receiver: Awaited<ReturnType<typeof startReceiver>>;
test.beforeAll(async () => {
  receiver = await startReceiver();
});
test.afterAll(async () => {
  await new Promise((r) => receiver.server.close(r));
});

const suffix = Math.random().toString(36).slice(2, 7);
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Generates an integrator-level plain key in the dialog and returns it (read from the one place it is shown). */
async function generateKey(page: Page, name: string): Promise<string> {
  await page.goto("/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API Keys" })).toBeVisible();
  await page.getByRole("button", { name: "Generate Key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Your password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Generate", exact: true }).click();
  await expect(dialog.getByRole("button", { name: "Copy key" })).toBeVisible();
  const key = await dialog.locator("input[readonly]").first().inputValue();
  expect(key).toMatch(/^kp_test_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return key;
}

function verifies(secret: string, hit: Hit): boolean {
  const body = JSON.parse(hit.body) as { event: string; data: unknown };
  const expected = "sha256=" + createHmac("sha256", secret).update(JSON.stringify({ event: body.event, data: body.data })).digest("hex");
  return hit.headers["x-kotani-signature"] === expected;
}

async function kesWallet(request: APIRequestContext, key: string): Promise<string> {
  const res = await request.get("/api/v3/wallet/fiat", { headers: bearer(key) });
  expect(res.status()).toBe(200);
  const wallets = (await res.json()).data as { id: string; currency: string; country: string }[];
  return wallets.find((w) => w.currency === "KES" && w.country === "KE")!.id;
}

test("an API key: shown once, works on the public API, and stops working when revoked", async ({ page, request }) => {
  await signIn(page);
  const name = `CI server ${suffix}`;
  const key = await generateKey(page, name);

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(page.getByText(key)).toHaveCount(0);

  expect((await request.get("/health")).status()).toBe(200);
  const wallets = await request.get("/api/v3/wallet/fiat", { headers: bearer(key) });
  expect(wallets.status()).toBe(200);
  expect(await wallets.json()).toMatchObject({ success: true, data: expect.any(Array) });
  expect((await request.get("/api/v3/wallet/fiat")).status()).toBe(401);

  await page.getByRole("button", { name: `Actions for ${name}` }).click();
  await page.getByRole("menuitem", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText(/revoked/i);
  const after = await request.get("/api/v3/wallet/fiat", { headers: bearer(key) });
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ success: false, message: "Invalid Api Key", error_code: 401 });
});

test("signed webhooks: test event, an API deposit's status events, retries with growing gaps and a Resend", async ({ page, request }) => {
  await signIn(page);
  const key = await generateKey(page, `Webhooks ${suffix}`);

  await page.goto("/settings?tab=webhooks");
  await page.getByLabel("Webhook URL").fill(receiver.url("/kotani"));
  await page.getByRole("button", { name: "Save webhook settings" }).click();
  await expect(page.getByText(/saved/i).first()).toBeVisible();

  await page.getByRole("button", { name: /Generate secret|Rotate/ }).click();
  const confirm = page.getByRole("dialog");
  await confirm.getByLabel("Your password").fill(DEMO_PASSWORD);
  await confirm.getByRole("button", { name: /Generate secret|Rotate secret|Confirm/ }).click();
  await expect(confirm.getByRole("button", { name: "Copy secret" })).toBeVisible();
  const secret = await confirm.locator("input[readonly]").first().inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await page.keyboard.press("Escape");

  // Send test event → the receiver verifies the signature → the log shows 200.
  receiver.hits.length = 0;
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => receiver.hits.length, { timeout: 20_000 }).toBeGreaterThan(0);
  const testHit = receiver.hits[0]!;
  expect(testHit.headers["x-kotani-event"]).toBe("system.event");
  expect(verifies(secret, testHit)).toBe(true);
  const log = page.getByRole("table", { name: "Webhook deliveries" });
  await expect(log.getByRole("row").filter({ hasText: "system.event" }).first()).toContainText("200", { timeout: 20_000 });

  // A deposit through the API to 0700000001 reaches the receiver as SUCCESSFUL.
  const walletId = await kesWallet(request, key);
  const customer = await request.post("/api/v3/customer/mobile-money", {
    headers: bearer(key),
    data: { phone_number: `+2547${String(Date.now()).slice(-8)}`, country_code: "KE", network: "MPESA", first_name: "Jane", last_name: "Api" },
  });
  expect(customer.status(), await customer.text()).toBe(200);
  const success = await request.post("/api/v3/customer/mobile-money", {
    headers: bearer(key),
    data: { phone_number: "+254700000001", country_code: "KE", network: "MPESA" },
  });
  const customerKey = success.status() === 200
    ? (await success.json()).data.customer_key
    : (await (await request.get("/api/v3/customer/mobile-money/phone/%2B254700000001", { headers: bearer(key) })).json()).data.customer_key;
  const reference = `e2e-${suffix}`;
  const deposit = await request.post("/api/v3/deposit/mobile-money", {
    headers: bearer(key),
    data: { customer_key: customerKey, amount: 150, wallet_id: walletId, reference_id: reference },
  });
  expect(deposit.status(), await deposit.text()).toBe(200);
  await expect
    .poll(
      () =>
        receiver.hits.some((h) => {
          const b = JSON.parse(h.body);
          return b.event === "transaction.deposit.status.updated" && b.data.reference_id === reference && b.data.status === "SUCCESSFUL" && verifies(secret, h);
        }),
      { timeout: 40_000 },
    )
    .toBe(true);

  // The receiver fails: attempts with growing gaps; then it recovers and a Resend gets 200.
  receiver.answer.status = 500;
  receiver.hits.length = 0;
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => receiver.hits.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  const [a, b, c] = receiver.hits.map((h) => h.at);
  expect(c! - b!).toBeGreaterThan(b! - a! - 200);
  await expect(log.getByRole("row").filter({ hasText: "500" }).first()).toBeVisible({ timeout: 20_000 });
  receiver.answer.status = 200;
  await log.getByRole("row").filter({ hasText: "500" }).first().click();
  await page.getByRole("button", { name: "Resend", exact: true }).click();
  await expect.poll(() => receiver.hits.some((h) => String(h.headers["x-kotani-delivery"]).startsWith("resend-")), { timeout: 20_000 }).toBe(true);
  await expect(log.getByRole("row").filter({ hasText: "200" }).first()).toBeVisible({ timeout: 20_000 });
});
