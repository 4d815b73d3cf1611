import { createHash } from "node:crypto";
import { env } from "@/lib/env";
import type { PaymentProvider, PlannedSettlement, ProviderRequest } from "./provider";

/**
 * The sandbox simulator (§6): the outcome is chosen by the phone number's last 9 digits, in any
 * country. Deterministic: the same transaction always gets the same references and outcome, so a
 * retried job plans the same settlement.
 */
export const SANDBOX_OUTCOMES: Record<string, Omit<PlannedSettlement, "afterSeconds" | "telcoId"> & { speed: "normal" | "slow" | "never" }> = {
  "700000001": { status: "SUCCESSFUL", speed: "normal" },
  "700000002": { status: "SUCCESSFUL", speed: "normal" },
  "700000010": { status: "FAILED", speed: "normal", errorCode: "INSUFFICIENT_FUNDS", errorMessage: "Insufficient funds in the customer's account" },
  "700000011": { status: "FAILED", speed: "normal", errorCode: "ACCOUNT_NOT_FOUND", errorMessage: "Account not found" },
  "700000012": { status: "FAILED", speed: "normal", errorCode: "LIMIT_EXCEEDED", errorMessage: "Transaction limit exceeded" },
  "700000013": { status: "CANCELLED", speed: "normal", errorCode: "CANCELLED_BY_CUSTOMER", errorMessage: "Cancelled by the customer" },
  "700000020": { status: "SUCCESSFUL", speed: "never" },
  "700000021": { status: "SUCCESSFUL", speed: "slow" },
};

function digest(id: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${id}`).digest("hex");
}

/** An M-Pesa-like receipt: 10 upper-case letters and digits, stable per transaction. */
function receipt(id: string): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const bytes = Buffer.from(digest(id, "receipt"), "hex");
  return Array.from(bytes.subarray(0, 10), (b) => alphabet[b % alphabet.length]).join("");
}

export function sandboxOutcome(request: Pick<ProviderRequest, "id" | "phoneNumber">): PlannedSettlement | null {
  const last9 = (request.phoneNumber ?? "").replace(/\D/g, "").slice(-9);
  const outcome = SANDBOX_OUTCOMES[last9] ?? { status: "SUCCESSFUL" as const, speed: "normal" as const };
  if (outcome.speed === "never") return null;
  const { SANDBOX_SETTLE_SECONDS, SANDBOX_SLOW_SETTLE_SECONDS } = env();
  return {
    status: outcome.status,
    afterSeconds: outcome.speed === "slow" ? SANDBOX_SLOW_SETTLE_SECONDS : SANDBOX_SETTLE_SECONDS,
    ...(outcome.errorCode ? { errorCode: outcome.errorCode, errorMessage: outcome.errorMessage } : {}),
    ...(outcome.status === "SUCCESSFUL" ? { telcoId: receipt(request.id) } : {}),
  };
}

export const sandboxProvider: PaymentProvider = {
  name: "SANDBOX",
  submit(request) {
    return {
      provider: "SANDBOX",
      providerReference: `SBX-${digest(request.id, "ref").slice(0, 16).toUpperCase()}`,
      settlement: sandboxOutcome(request),
    };
  },
};
