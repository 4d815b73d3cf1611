/**
 * Our rows → the spec's response DTOs (schemas.ts). Amounts go out in major units as JSON numbers
 * (as the webhook payloads have them, lib/engine/outbox.ts); optional fields the spec types as
 * strings are left out rather than sent as null; statuses of ours that the spec's enums lack are
 * mapped to the spec's nearest (a payout held for approval is REQUIRE_REVIEW). Pure.
 */
import { toDecimalString } from "@/lib/money";
import type { WalletDto } from "@/lib/wallets/types";
import type { CreatedTransaction } from "@/lib/engine/new-transaction";
import type { ValidateAccountResponse } from "@/lib/customers/name-lookup";
import type { CustomerDto } from "@/lib/customers/schemas";
import {
  DEPOSIT_STATUS_ENUM,
  WITHDRAW_STATUS_ENUM,
  type DepositResponse,
  type DepositStatusResponse,
  type FiatWalletResponse,
  type MobileMoneyCustomer,
  type ValidateAccountResponseBody,
  type WithdrawResponse,
  type WithdrawStatusResponse,
} from "./schemas";

/** Minor units → major units as a JSON number (KES 150000 minor → 1500). */
export function major(minor: bigint | string | number, currency: string): number {
  return Number(toDecimalString(BigInt(minor), currency));
}

/** The object without its null and undefined values (the spec's optional strings are absent, not null). */
function present<T extends Record<string, unknown>>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out as { [K in keyof T]: Exclude<T[K], null> };
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toFiatWalletDto(w: WalletDto, integratorId: string): FiatWalletResponse {
  return present({
    name: w.name,
    type: "fiat" as const,
    currency: w.currency,
    country: w.country,
    integrator: integratorId,
    status: w.status,
    id: w.id,
    balance: major(w.payoutBalance, w.currency),
    deposit_balance: major(w.depositBalance, w.currency),
  });
}

/**
 * What the customer services return (CustomerDto, CustomerDetail) and the stored row have in
 * common: the service's fields, with dates as the row's Date or the DTO's ISO string.
 */
export type CustomerLike = Pick<
  CustomerDto,
  | "id" | "customerKey" | "phoneNumber" | "countryCode" | "network" | "firstName" | "lastName" | "email"
  | "idType" | "idNumber" | "dateOfBirth" | "accountName" | "accountNumber" | "bankCode" | "status"
> & { suspendedUntil?: Date | string | null; createdAt: Date | string; updatedAt: Date | string };

export function toCustomerDto(c: CustomerLike, integratorId: string, now: Date = new Date()): MobileMoneyCustomer {
  // A suspension whose date has passed reads as active (as the dashboard shows it).
  const lapsed =
    c.status === "suspended" && c.suspendedUntil != null && new Date(c.suspendedUntil).getTime() <= now.getTime();
  return present({
    id: c.id,
    customer_key: c.customerKey,
    phone_number: c.phoneNumber,
    country_code: c.countryCode,
    network: c.network,
    account_name: c.accountName,
    account_number: c.accountNumber,
    bank_code: c.bankCode,
    integrator: integratorId,
    first_name: c.firstName,
    last_name: c.lastName,
    date_of_birth: c.dateOfBirth,
    id_number: c.idNumber,
    id_type: c.idType,
    email: c.email,
    status: lapsed ? "active" : c.status,
    created_at: iso(c.createdAt)!,
    updated_at: iso(c.updatedAt)!,
  });
}

export function toValidateAccountDto(r: ValidateAccountResponse): ValidateAccountResponseBody {
  const { customerId: _customerId, callingCode, nameMatch, ...rest } = r;
  return present({ ...rest, callingCode: callingCode ? `+${callingCode}` : null, nameMatch: nameMatch ?? null });
}

export function toDepositResponse(c: CreatedTransaction, customerKey: string): DepositResponse {
  return {
    id: c.id,
    message: c.message,
    reference_id: c.referenceId,
    reference_number: c.referenceNumber,
    customer_key: customerKey,
  };
}

export function toWithdrawResponse(c: CreatedTransaction): WithdrawResponse {
  return { id: c.id, message: c.message, referenceId: c.referenceId, referenceNumber: c.referenceNumber };
}

/** Our statuses the spec's deposit enum lacks. */
const DEPOSIT_STATUS_MAP: Record<string, (typeof DEPOSIT_STATUS_ENUM)[number]> = {
  NOT_INITIATED: "PENDING",
  PROCESSING: "IN_PROGRESS",
  AWAITING_APPROVAL: "PENDING",
};
/** Our statuses the spec's withdrawal enum lacks. */
const WITHDRAW_STATUS_MAP: Record<string, (typeof WITHDRAW_STATUS_ENUM)[number]> = {
  PROCESSING: "IN_PROGRESS",
  SUCCESS: "SUCCESSFUL",
  PERMANENTLY_FAILED: "FAILED",
  AWAITING_APPROVAL: "REQUIRE_REVIEW",
};

export function depositStatusOf(status: string): (typeof DEPOSIT_STATUS_ENUM)[number] {
  return (DEPOSIT_STATUS_ENUM as readonly string[]).includes(status)
    ? (status as (typeof DEPOSIT_STATUS_ENUM)[number])
    : (DEPOSIT_STATUS_MAP[status] ?? "ERROR_OCCURRED");
}

export function withdrawStatusOf(status: string): (typeof WITHDRAW_STATUS_ENUM)[number] {
  return (WITHDRAW_STATUS_ENUM as readonly string[]).includes(status)
    ? (status as (typeof WITHDRAW_STATUS_ENUM)[number])
    : (WITHDRAW_STATUS_MAP[status] ?? "ERROR_OCCURRED");
}

/** The transaction columns the status DTOs read. */
export interface StatusSource {
  id: string;
  environment: string;
  status: string;
  referenceId: string;
  referenceNumber: number;
  currency: string;
  network: string | null;
  walletId: string | null;
  amount: bigint;
  transactionAmount: bigint;
  fee: bigint;
  walletAmount: bigint | null;
  provider: string | null;
  providerReference: string | null;
  telcoId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  callbackUrl: string | null;
  callbackStatus: number | null;
  customerKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export function toDepositStatusDto(r: StatusSource): DepositStatusResponse {
  return present({
    id: r.id,
    amount: major(r.amount, r.currency),
    wallet_id: r.walletId ?? "",
    callback_url: r.callbackUrl,
    reference_id: r.referenceId,
    currency: r.currency,
    provider: r.provider,
    providerReference: r.providerReference,
    callbackUrlStatus: r.callbackStatus,
    transactionError: r.errorMessage,
    network: r.network,
    environment: r.environment,
    integratorsAmount: r.walletAmount === null ? null : major(r.walletAmount, r.currency),
    updatedAt: iso(r.updatedAt),
    status: depositStatusOf(r.status),
    reference_number: r.referenceNumber,
    created_at: iso(r.createdAt)!,
    transaction_cost: major(r.fee, r.currency),
    transaction_amount: major(r.transactionAmount, r.currency),
    customer_key: r.customerKey ?? "",
    error_message: r.errorMessage,
    error_code: r.errorCode,
    error_description: r.errorMessage,
    telco_id: r.telcoId,
    completed_at: iso(r.completedAt),
  });
}

export function toWithdrawStatusDto(r: StatusSource): WithdrawStatusResponse {
  return present({
    id: r.id,
    amount: major(r.amount, r.currency),
    walletId: r.walletId ?? "",
    callbackUrl: r.callbackUrl,
    referenceId: r.referenceId,
    currency: r.currency,
    network: r.network,
    status: withdrawStatusOf(r.status),
    referenceNumber: r.referenceNumber,
    created_at: iso(r.createdAt)!,
    transactionCost: major(r.fee, r.currency),
    transactionAmount: major(r.transactionAmount, r.currency),
    customerKey: r.customerKey ?? "",
    // Kotani's own commission on top of the integrator's fee: none here.
    integratorFeeAmount: 0,
    integratorFee: 0,
    integratorCommissionType: "NONE" as const,
    errorMessage: r.errorMessage ?? "",
    transactionError: r.errorMessage,
    telcoId: r.telcoId,
    completed_at: iso(r.completedAt),
    callbackUrlStatus: r.callbackStatus,
  });
}
