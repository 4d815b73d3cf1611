import "server-only";
import type { Environment } from "@/lib/db/schema";
import { publishEvent } from "@/lib/webhooks/publish-event";
import { toDecimalString } from "@/lib/money";
import type { Tx } from "@/lib/ledger/ledger";
import { isOpenStatus, STATUS_EVENT, SUCCESS_STATUS } from "./statuses";

/** The transaction fields a status event carries (§4.5). */
export interface EventSource {
  id: string;
  integratorId: string;
  environment: Environment;
  kind: "collection" | "payout" | "onramp" | "offramp";
  status: string;
  referenceId: string;
  referenceNumber: number;
  currency: string;
  amount: bigint;
  transactionAmount: bigint;
  fee: bigint;
  walletId: string | null;
  customerKey: string | null;
  callbackUrl: string | null;
  telcoId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
}

/** Amounts go out in major units as JSON numbers, as the real payloads have them (1000 = KES 1,000). */
const major = (minor: bigint, currency: string) => Number(toDecimalString(minor, currency));

/** §4.5: deposit payloads are snake_case, withdrawal ones camelCase; error fields always present on non-success. */
export function statusPayload(t: EventSource): Record<string, unknown> {
  const failed = t.status !== SUCCESS_STATUS && !isOpenStatus(t.status);
  if (t.kind === "collection") {
    return {
      status: t.status,
      reference_id: t.referenceId,
      reference_number: t.referenceNumber,
      id: t.id,
      amount: major(t.amount, t.currency),
      wallet_id: t.walletId,
      transaction_amount: major(t.transactionAmount, t.currency),
      transaction_cost: major(t.fee, t.currency),
      customer_key: t.customerKey,
      callback_url: t.callbackUrl,
      created_at: t.createdAt.toISOString(),
      telco_id: t.telcoId,
      currency: t.currency,
      ...(failed
        ? { error_message: t.errorMessage ?? "", error_description: t.errorMessage ?? "", error_code: t.errorCode ?? "", transactionError: t.errorMessage ?? "" }
        : {}),
    };
  }
  return {
    status: t.status,
    referenceId: t.referenceId,
    referenceNumber: t.referenceNumber,
    id: t.id,
    amount: major(t.amount, t.currency),
    walletId: t.walletId,
    transactionAmount: major(t.transactionAmount, t.currency),
    transactionCost: major(t.fee, t.currency),
    customerKey: t.customerKey,
    callbackUrl: t.callbackUrl,
    created_at: t.createdAt.toISOString(),
    telcoId: t.telcoId,
    currency: t.currency,
    ...(failed ? { errorMessage: t.errorMessage ?? "", transactionError: t.errorMessage ?? "" } : {}),
  };
}

/** Records the status event in the caller's transaction, with its delivery's job when it has somewhere to go. */
export async function recordStatusEvent(tx: Tx, t: EventSource): Promise<void> {
  await publishEvent(tx, {
    integratorId: t.integratorId,
    environment: t.environment,
    event: STATUS_EVENT[t.kind],
    transactionId: t.id,
    payload: statusPayload(t),
    callbackUrl: t.callbackUrl,
  });
}
