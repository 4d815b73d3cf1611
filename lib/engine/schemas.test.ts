import { describe, expect, it } from "vitest";
import { decideApprovalSchema, newCollectionSchema, sendMoneySchema } from "./schemas";

/** Bad input never reaches the database: NUL bytes, control characters, oversize and malformed fields are field errors. */
const key = "0b9f2f0e-6a51-4a5c-9a59-2f1a2f3b4c5d";
const collection = { phoneNumber: "0700000001", amount: "100", idempotencyKey: key };
const payout = { channel: "MOBILE_MONEY", phoneNumber: "0700000001", amount: "100", idempotencyKey: key };

function fieldOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
}

describe("engine input schemas refuse what would break or mislead", () => {
  it.each([
    ["description", "pay\u0000ment", "description: The description cannot contain control characters"],
    ["description", "x".repeat(201), "description: The description must be at most 200 characters"],
    ["phoneNumber", "0700\u0000000001", "phoneNumber: The phone number cannot contain control characters"],
    ["referenceId", "order 1", "referenceId: Use letters, digits, '.', '_' or '-' in the reference"],
    ["referenceId", "ord\u0000er", "referenceId: Use letters, digits, '.', '_' or '-' in the reference"],
    ["callbackUrl", "javascript:alert(1)", "callbackUrl: Enter an http(s) URL, like https://example.com/webhooks"],
    ["customerId", "../../etc", "customerId: Unknown id"],
    ["idempotencyKey", "short", "idempotencyKey: The idempotency key must be 8–128 letters, digits, '.', '_', ':' or '-'"],
    ["amount", "", "amount: Enter an amount"],
  ])("New Collection: %s = %j", (field, value, message) => {
    expect(fieldOf(newCollectionSchema.safeParse({ ...collection, [field]: value }))).toContain(message);
  });

  it.each([
    [{ channel: "CRYPTO" }, "channel: Choose how to send"],
    [{ channel: "BANK", phoneNumber: undefined, bankCode: "01", accountNumber: "12\u000045678", accountName: "Jane" }, "accountNumber: The account number cannot contain control characters"],
    [{ channel: "BANK", phoneNumber: undefined, bankCode: "01", accountNumber: "12", accountName: "Jane" }, "accountNumber: Enter the account number: 5 to 34 letters or digits"],
    [{ channel: "PAYBILL", phoneNumber: undefined, shortCode: "12a45", accountReference: "A1" }, "shortCode: Enter 5 to 7 digits"],
    [{ channel: "PAYBILL", phoneNumber: undefined, shortCode: "123456" }, "accountReference: Enter the account number at the paybill"],
    [{ channel: "MOBILE_MONEY", phoneNumber: undefined }, "phoneNumber: Choose a customer or enter a phone number"],
  ])("Send Money: %j", (patch, message) => {
    expect(fieldOf(sendMoneySchema.safeParse({ ...payout, ...patch }))).toContain(message);
  });

  it("a rejection needs a plain reason", () => {
    expect(fieldOf(decideApprovalSchema.safeParse({ transactionId: "abc", decision: "reject", reason: "  " }))).toContain(
      "reason: Say why the payout is rejected",
    );
    expect(fieldOf(decideApprovalSchema.safeParse({ transactionId: "abc", decision: "reject", reason: "no\u0000" }))).toContain(
      "reason: The reason cannot contain control characters",
    );
    expect(decideApprovalSchema.safeParse({ transactionId: "abc", decision: "reject", reason: "Not on\nthe list" }).success).toBe(true);
  });
});
