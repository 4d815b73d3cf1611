import { describe, expect, it } from "vitest";
import { signedEnvelope, verifyWebhook, webhookSignature } from "./signature";

describe("webhook signature (§4.2)", () => {
  const secret = "whsec_test_0123456789abcdef";
  const data = { status: "SUCCESSFUL", reference_id: "order-abc-001", amount: 1000 };

  it("matches a fixed vector", () => {
    // printf '%s' '{"event":"transaction.deposit.status.updated","data":{"status":"SUCCESSFUL","reference_id":"order-abc-001","amount":1000}}' | openssl dgst -sha256 -hmac whsec_test_0123456789abcdef
    expect(webhookSignature(secret, "transaction.deposit.status.updated", data)).toBe(
      "sha256=90c879b4a9742b0baabb6191962c7aeefd4f29d9996ce4978716ddfbc47965b1",
    );
  });

  it("puts the header's signature in the body and verifies both ways", () => {
    const { body, signature } = signedEnvelope(secret, "transaction.deposit.status.updated", data);
    expect(JSON.parse(body)).toEqual({ event: "transaction.deposit.status.updated", data, signature });
    expect(body.startsWith(JSON.stringify({ event: "transaction.deposit.status.updated", data }).slice(0, -1))).toBe(true);
    expect(verifyWebhook(secret, body, signature)).toBe(true);
    expect(verifyWebhook("another-secret", body, signature)).toBe(false);
    expect(verifyWebhook(secret, body.replace("1000", "1001"), signature)).toBe(false);
    expect(verifyWebhook(secret, "not json", signature)).toBe(false);
    expect(verifyWebhook(secret, body, null)).toBe(false);
  });
});
