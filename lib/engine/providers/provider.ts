/**
 * What the engine needs from a payment network. A real provider answers later through its
 * callback; the sandbox simulator knows the answer at once (by test number, §6) and the engine
 * delivers it as a delayed pg-boss job, so both paths reach the same advanceTransaction().
 */
export interface ProviderRequest {
  id: string;
  kind: "collection" | "payout";
  channel: string;
  currency: string;
  amount: bigint;
  phoneNumber: string | null;
  /** Bank account, till or paybill number when the payout is not to a phone. */
  accountNumber: string | null;
  referenceId: string;
}

export interface PlannedSettlement {
  status: "SUCCESSFUL" | "FAILED" | "CANCELLED";
  afterSeconds: number;
  errorCode?: string;
  errorMessage?: string;
  /** The network's receipt (e.g. an M-Pesa code) on success. */
  telcoId?: string;
}

export interface ProviderSubmission {
  provider: string;
  providerReference: string;
  /** null: the network never answers (the transaction expires). */
  settlement: PlannedSettlement | null;
}

export interface PaymentProvider {
  name: string;
  submit(request: ProviderRequest): ProviderSubmission;
}

/** The refusal when an environment has no provider: production is never faked. */
export const NO_PROVIDER_MESSAGE = "Production payments need a provider connection";
