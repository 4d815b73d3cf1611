import { describe, expect, it } from "vitest";
import { computeFee, feeStep, quote, type FeeRule } from "./fees";
import { detectNetwork, nationalDigits } from "./networks";
import { sandboxOutcome } from "./providers/sandbox";

const rule = (r: Partial<FeeRule>): FeeRule => ({ percentBps: 0, flat: 0n, minFee: null, maxFee: null, maxAmount: 10n ** 12n, ...r });

describe("fees and rounding per currency (§3.3)", () => {
  it("rounds KES, UGX, TZS and similar to whole units, half up; others to the minor unit", () => {
    expect(feeStep("KES")).toBe(100n);
    expect(feeStep("UGX")).toBe(1n); // exponent 0: a whole unit is the minor unit
    expect(feeStep("USD")).toBe(1n);
    expect(feeStep("GHS")).toBe(1n);
    // KES 1,234.56 × 1.5% = 18.5184 → KES 19.
    expect(computeFee(rule({ percentBps: 150 }), 123_456n, "KES")).toBe(1_900n);
    // KES 1,000 × 1.5% = 15.00 exactly; KES 1,033.33 × 1.5% = 15.49995 → 15; 1,033.34 → 15.5001 → 16.
    expect(computeFee(rule({ percentBps: 150 }), 100_000n, "KES")).toBe(1_500n);
    expect(computeFee(rule({ percentBps: 150 }), 103_333n, "KES")).toBe(1_500n);
    expect(computeFee(rule({ percentBps: 150 }), 103_334n, "KES")).toBe(1_600n);
    // UGX 10,001 × 2.5% = 250.025 → 250.
    expect(computeFee(rule({ percentBps: 250 }), 10_001n, "UGX")).toBe(250n);
    // USD 10.01 × 2.5% = 0.25025 → 0.25.
    expect(computeFee(rule({ percentBps: 250 }), 1_001n, "USD")).toBe(25n);
  });

  it("clamps to min and max before rounding, and adds the flat part", () => {
    const r = rule({ percentBps: 100, flat: 1_500n, minFee: 1_500n, maxFee: 30_000n });
    expect(computeFee(r, 1_000n, "KES")).toBe(1_500n); // KES 10: 0.10 + 15 = 15.10 → 15
    expect(computeFee(r, 150_000n, "KES")).toBe(3_000n); // KES 1,500: 15 + 15 = 30
    expect(computeFee(r, 10_000_000n, "KES")).toBe(30_000n); // capped at KES 300
    expect(computeFee(rule({ minFee: 10n }), 5n, "GHS")).toBe(10n);
  });

  it("splits amounts by who bears the fee: collection 1000 + 25, payout 500 + 20", () => {
    const twentyFive = rule({ flat: 2_500n });
    expect(quote("collection", twentyFive, 100_000n, "KES", "CUSTOMER")).toMatchObject({ fee: 2_500n, transactionAmount: 102_500n, walletAmount: 100_000n });
    expect(quote("collection", twentyFive, 100_000n, "KES", "WALLET")).toMatchObject({ fee: 2_500n, transactionAmount: 100_000n, walletAmount: 97_500n });
    const twenty = rule({ flat: 2_000n });
    expect(quote("payout", twenty, 50_000n, "KES", "CUSTOMER")).toMatchObject({ transactionAmount: 48_000n, walletAmount: 50_000n });
    expect(quote("payout", twenty, 50_000n, "KES", "WALLET")).toMatchObject({ transactionAmount: 50_000n, walletAmount: 52_000n });
  });
});

describe("networks by prefix", () => {
  it("reads a number in any typed form and finds its network", () => {
    for (const typed of ["0712345678", "712345678", "254712345678", "+254 712 345 678", "(0712) 345-678"]) {
      expect(nationalDigits(typed, "KE")).toBe("712345678");
      expect(detectNetwork(typed, "KE")).toBe("MPESA");
    }
    expect(detectNetwork("0733123456", "KE")).toBe("AIRTEL");
    expect(detectNetwork("0700000001", "KE")).toBe("MPESA");
    expect(detectNetwork("0772123456", "UG")).toBe("MTN");
    expect(detectNetwork("0241234567", "GH")).toBe("MTN");
    expect(detectNetwork("0201234567", "GH")).toBe("VODAFONE");
    expect(detectNetwork("0999", "KE")).toBe("NOT_SUPPORTED");
    expect(detectNetwork("0911123456", "ET")).toBe("NOT_SUPPORTED");
  });
});

describe("the sandbox simulator's outcome table (§6)", () => {
  const outcome = (phone: string) => sandboxOutcome({ id: "tx-1", phoneNumber: phone });
  it.each([
    ["+254700000001", "SUCCESSFUL", undefined],
    ["+256700000002", "SUCCESSFUL", undefined],
    ["+254700000010", "FAILED", "INSUFFICIENT_FUNDS"],
    ["+233700000011", "FAILED", "ACCOUNT_NOT_FOUND"],
    ["+254700000012", "FAILED", "LIMIT_EXCEEDED"],
    ["+254700000013", "CANCELLED", "CANCELLED_BY_CUSTOMER"],
    ["+254700000021", "SUCCESSFUL", undefined],
    ["+254712345678", "SUCCESSFUL", undefined],
  ])("%s → %s", (phone, status, code) => {
    expect([outcome(phone)?.status, outcome(phone)?.errorCode]).toEqual([status, code]);
  });
  it("…020 never settles; …021 is the slow one; receipts are stable per transaction", () => {
    expect(outcome("+254700000020")).toBeNull();
    expect(outcome("+254700000021")!.afterSeconds).toBeGreaterThan(outcome("+254700000001")!.afterSeconds);
    expect(outcome("+254700000001")!.telcoId).toBe(outcome("+254700000001")!.telcoId);
    expect(outcome("+254700000001")!.telcoId).toMatch(/^[A-Z0-9]{10}$/);
  });
});
