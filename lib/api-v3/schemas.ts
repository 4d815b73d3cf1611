/// <reference types="zod-openapi" />
/**
 * The public v3 API's request and response shapes (§1.3–1.6, §3.3–3.7, §3.14), field for field as
 * Kotani's spec (`kotani-openapi.json`) names and types them: the route files parse with these,
 * the DTO mappers (dto.ts) produce the response types, and the OpenAPI document (openapi.ts) is
 * generated from the same objects. Pure: no database, no server-only imports.
 *
 * Bodies are strict (an unknown key is "property amout should not exist"). Messages are written to
 * follow the field name the envelope puts in front of them ("amount must be a number").
 * Amounts arrive as JSON numbers; `amountToDecimalString` turns one into the decimal string the
 * services take, once the wallet (and so the currency) is known.
 */
import { z } from "zod";
import { ValidationError } from "@/lib/auth/errors";
import { COUNTRIES, CURRENCIES } from "@/lib/markets";

// ---------------------------------------------------------------------------------------------
// Field building blocks
// ---------------------------------------------------------------------------------------------

/** NUL and other control characters (PostgreSQL text cannot hold NUL): a 400, never a 500. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Zod's "missing" vs "wrong type" as class-validator words them. */
function typeError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? "should not be empty" : `must be ${expected}`);
}

/** A string field: at most `max` characters, no control characters. */
export function text(max: number) {
  return z
    .string({ error: typeError("a string") })
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), "must not contain control characters");
}

/** A required string field (not empty after trimming). */
function requiredText(max: number) {
  return text(max).refine((v) => v.trim().length > 0, "should not be empty");
}

/** Ids and keys as the API hands them out (our ids, 20-character customer keys). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const idText = () => requiredText(64).refine((v) => ID.test(v), "must be a valid id");

/** A URL the API will call or send a customer to. */
const urlText = () =>
  text(2048).refine(
    (v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v),
    "must be an http(s) URL, like https://example.com/webhooks",
  );

/** A JSON number (never a string: "100" is refused), finite and above zero; decimals are checked against the wallet's currency. */
const amountNumber = () =>
  z
    .number({ error: typeError("a number") })
    .refine((v) => Number.isFinite(v), "must be a finite number")
    .refine((v) => v > 0, "must be greater than zero");

export const NETWORKS = [
  "MTN",
  "AIRTEL",
  "VODAFONE",
  "TIGO",
  "YAS",
  "ORANGE",
  "NOT_SUPPORTED",
  "ZAMTEL",
  "MPESA",
  "CHECKOUT",
  "BKTRX",
  "CRDTRX",
  "MOOV",
  "TMONEY",
  "FREE",
  "EXPRESSO",
  "HALOPESA",
  "VODACOM",
  "WAVE",
] as const;
const networkField = () => z.enum(NETWORKS, { error: typeError(`one of ${NETWORKS.join(", ")}`) });

export const ID_TYPES = ["NATIONAL_ID", "ECOWAS_ID"] as const;

/** ISO-3 codes of the countries we serve (the API accepts ISO-2 or ISO-3 and stores ISO-2, §3.5). */
export const ISO3_TO_ISO2: Record<string, string> = {
  KEN: "KE",
  UGA: "UG",
  TZA: "TZ",
  GHA: "GH",
  NGA: "NG",
  ZAF: "ZA",
  CIV: "CI",
  SEN: "SN",
  CMR: "CM",
  ZMB: "ZM",
  RWA: "RW",
  COD: "CD",
  MWI: "MW",
  ETH: "ET",
  EGY: "EG",
};

/** "KE", "ke", "KEN" → "KE"; anything we do not serve → null. */
export function toIso2(code: string): string | null {
  const c = code.trim().toUpperCase();
  if (c.length === 2) return COUNTRIES[c] ? c : null;
  if (c.length === 3) return ISO3_TO_ISO2[c] ?? null;
  return null;
}

const countryField = () =>
  text(3).refine(
    (v) => toIso2(v) !== null,
    `must be an ISO-2 or ISO-3 country code: ${Object.keys(COUNTRIES).join(", ")} (or ${Object.keys(ISO3_TO_ISO2).join(", ")})`,
  );

const currencyField = () =>
  text(3).refine((v) => /^[A-Za-z]{3}$/.test(v), "must be a 3-letter currency code, like KES");

// ---------------------------------------------------------------------------------------------
// Amounts
// ---------------------------------------------------------------------------------------------

/** A field error worded like the schema's ("amount must …"), listed as is in `data.errors`. */
export function fieldError(field: string, message: string): ValidationError {
  const full = `${field} ${message}`;
  return new ValidationError(full, { _: [full] });
}

/**
 * An amount as the API receives it (a JSON number, in major units) → the decimal string the
 * services parse ("1500.5"). Refuses what is not a finite number above zero, and more decimal
 * places than the currency has: 10.005 KES is a 400, never rounded.
 */
export function amountToDecimalString(amount: unknown, currency: string, field = "amount"): string {
  if (typeof amount !== "number") throw fieldError(field, "must be a number");
  if (!Number.isFinite(amount)) throw fieldError(field, "must be a finite number");
  if (amount <= 0) throw fieldError(field, "must be greater than zero");
  if (amount > Number.MAX_SAFE_INTEGER) throw fieldError(field, "is too large");
  const exponent = CURRENCIES[currency]?.exponent;
  if (exponent === undefined) throw fieldError("currency", `${currency} is not supported`);
  const tooPrecise = () =>
    fieldError(
      field,
      exponent === 0
        ? `must be a whole number: ${currency} has no decimal places`
        : `must have at most ${exponent} decimal places`,
    );
  // Shortest round-trip form: 10.5 → "10.5", 1e-7 → "1e-7" (far more decimals than any currency has).
  const shortest = String(amount);
  if (/e/i.test(shortest)) throw tooPrecise();
  const decimals = shortest.split(".")[1]?.length ?? 0;
  if (decimals > exponent) throw tooPrecise();
  return shortest;
}

// ---------------------------------------------------------------------------------------------
// Service field names → the API's (so a service's "phoneNumber: …" reads "phone_number: …")
// ---------------------------------------------------------------------------------------------

export type FieldNames = Record<string, string>;

export const DEPOSIT_FIELDS: FieldNames = {
  walletId: "wallet_id",
  customerId: "customer_key",
  phoneNumber: "customer_key",
  amount: "amount",
  referenceId: "reference_id",
  callbackUrl: "callback_url",
  network: "network",
  idempotencyKey: "Idempotency-Key",
};
export const WITHDRAW_FIELDS: FieldNames = {
  walletId: "walletId",
  customerId: "customer_key",
  phoneNumber: "customer_key",
  amount: "amount",
  referenceId: "referenceId",
  callbackUrl: "callbackUrl",
  network: "network",
  channel: "network",
  idempotencyKey: "Idempotency-Key",
};
export const TRANSFER_FIELDS: FieldNames = {
  walletId: "walletId",
  amount: "amount",
  idempotencyKey: "Idempotency-Key",
};
export const CUSTOMER_FIELDS: FieldNames = {
  customerId: "customer_key",
  phoneNumber: "phone_number",
  network: "network",
  firstName: "first_name",
  lastName: "last_name",
  email: "email",
  idType: "id_type",
  idNumber: "id_number",
  dateOfBirth: "date_of_birth",
  accountName: "account_name",
  accountNumber: "account_number",
  bankCode: "bank_code",
};
export const VALIDATE_FIELDS: FieldNames = {
  customerId: "customer_key",
  phoneNumber: "phoneNumber",
  network: "network",
  accountName: "accountName",
};

/** Field errors keyed by a service's names, re-keyed with the API's. */
export function renameFieldErrors(fieldErrors: Record<string, string[]>, names: FieldNames): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, msgs] of Object.entries(fieldErrors)) {
    const name = names[k] ?? k;
    (out[name] ??= []).push(...msgs);
  }
  return out;
}

/** A service's own input schema applied to what the API mapped from its body: a 400 in the API's field names. */
export function parseServiceInput<S extends z.ZodType>(schema: S, input: z.input<S>, names: FieldNames): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const renamed = renameFieldErrors(fieldErrors, names);
  const first = Object.entries(renamed)[0];
  throw new ValidationError(
    first ? (first[0] === "_" ? first[1][0]! : `${first[0]}: ${first[1][0]}`) : "Invalid input",
    renamed,
  );
}

// ---------------------------------------------------------------------------------------------
// Path parameters and queries
// ---------------------------------------------------------------------------------------------

const idParam = (description: string, example: string) => z.string().regex(ID).meta({ description, example });

export const walletIdParams = z.object({ id: idParam("The fiat wallet's id.", "w_01HZX3K9Q2") });
export const walletCurrencyParams = z.object({
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .meta({ description: "ISO 4217 currency of the wallet.", example: "KES" }),
});
export const walletCurrencyQuery = z.object({
  country: countryField()
    .optional()
    .meta({
      description:
        "Country of the wallet (ISO-2 or ISO-3), when a currency has wallets in several countries (XOF: CI, SN).",
      example: "KE",
    }),
});
export const customerKeyParams = z.object({ customer_key: idParam("The customer's key.", "2xMdvfbsVtmajBSWw5IT") });
export const phoneParams = z.object({
  phone_number: z
    .string()
    .regex(/^\+?[0-9][0-9\s().-]{3,31}$/)
    .meta({
      description:
        "The customer's phone number, international (+254700000001) or national (0700000001) in one of your markets.",
      example: "+254700000001",
    }),
});
export const referenceParams = z.object({
  reference_id: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .meta({
      description: "The Kotani reference (reference_id / referenceId) or the telco's receipt id (e.g. an M-Pesa code).",
      example: "V0aZ8lOJ",
    }),
});
export const rateParams = z.object({
  from: z
    .string()
    .regex(/^[A-Za-z]{3,6}$/)
    .meta({ description: "The currency you hold.", example: "USD" }),
  to: z
    .string()
    .regex(/^[A-Za-z]{3,6}$/)
    .meta({ description: "The currency you want.", example: "KES" }),
});

const pageNumber = (max: number, what: string, fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(max, `must be at most ${max}`)
    .default(fallback)
    .meta({ description: what, example: fallback });
export const customersListQuery = z.object({
  page: pageNumber(1_000_000, "Page number, from 1.", 1),
  limit: pageNumber(100, "Customers per page (1–100).", 20),
});

// ---------------------------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------------------------

export const transferDepositBalanceBody = z
  .strictObject({
    walletId: idText().meta({ description: "The ID of the fiat wallet.", example: "w_01HZX3K9Q2" }),
    amount: amountNumber()
      .optional()
      .meta({
        description:
          "The amount to transfer from the deposit balance to the main balance, in major units. Leave it out to transfer the entire deposit balance.",
        example: 1500,
      }),
  })
  .meta({
    id: "TransferDepositBalanceDto",
    description: "Move a fiat wallet's deposit balance to its payout (main) balance.",
  });

const customerFields = {
  phone_number: text(32).meta({
    description: "The customer's mobile number, national (0712345678) or international (+254712345678).",
    example: "+254700000001",
  }),
  network: networkField()
    .optional()
    .meta({
      description: "Mobile network; detected from the number when left out (NOT_SUPPORTED when it cannot be).",
      example: "MPESA",
    }),
  account_name: text(100)
    .optional()
    .meta({ description: "Bank payee: the account holder's name (with account_number and bank_code)." }),
  account_number: text(34).optional().meta({ description: "Bank payee: the account number." }),
  bank_code: text(20).optional().meta({ description: "Bank payee: the bank's code (see the banks list)." }),
  first_name: text(60).optional().meta({ example: "John" }),
  last_name: text(60).optional().meta({ example: "Doe" }),
  email: text(254).optional().meta({ example: "john.doe@example.com" }),
  date_of_birth: text(10).optional().meta({ description: "YYYY-MM-DD.", example: "1990-01-01" }),
  id_number: text(40).optional().meta({ example: "123456789" }),
  id_type: z.enum(ID_TYPES, { error: typeError(`one of ${ID_TYPES.join(", ")}`) }).optional(),
};

export const createCustomerBody = z
  .strictObject({
    ...customerFields,
    phone_number: customerFields.phone_number.refine((v) => v.trim().length > 0, "should not be empty"),
    country_code: countryField().meta({
      description: "Country code in ISO-2 format (accepts ISO-3 and auto-converts); one of your markets.",
      example: "KE",
    }),
  })
  .meta({ id: "CreateMobileMoneyCustomerDto", description: "A customer who sends or receives mobile money." });

export const updateCustomerBody = z
  .strictObject({
    ...customerFields,
    phone_number: customerFields.phone_number.optional(),
    country_code: countryField()
      .optional()
      .meta({ description: "The customer's country (ISO-2 or ISO-3); it cannot change.", example: "KE" }),
  })
  .meta({
    id: "UpdateMobileMoneyCustomerDto",
    description: "The fields to change; a field left out keeps its value, an empty string clears an optional one.",
  });

export const validateMobileMoneyBody = z
  .strictObject({
    accountType: z
      .enum(["mobile_money", "paybill", "till"], { error: typeError("one of mobile_money, paybill, till") })
      .optional()
      .meta({ description: "What to validate. Only mobile_money is available here.", default: "mobile_money" }),
    phoneNumber: text(32)
      .optional()
      .meta({
        description: "The number, in international format (+254712345678) or national in your default market.",
        example: "+254700000001",
      }),
    shortCode: text(10).optional().meta({ description: "Paybill or till short code (not available yet)." }),
    accountReference: text(40).optional(),
    countryCode: countryField()
      .optional()
      .meta({
        description: "Country (ISO-2) of a national-format number; default: your default market's.",
        example: "KE",
      }),
    network: networkField()
      .optional()
      .meta({ description: "Mobile network; resolved from the number's prefix when left out.", example: "MPESA" }),
    accountName: text(120)
      .optional()
      .meta({
        description: "Name you expect on the account: the answer scores it against the registered one.",
        example: "Jane Doe",
      }),
  })
  .meta({
    id: "ValidateMobileMoneyAccountDto",
    description: "A mobile-money number to validate, with the registered name looked up.",
  });

export const createDepositBody = z
  .strictObject({
    customer_key: idText().meta({ description: "Customer key", example: "2xMdvfbsVtmajBSWw5IT" }),
    amount: amountNumber().meta({
      description: "Amount to deposit, in major units of the wallet's currency.",
      example: 1000,
    }),
    wallet_id: idText().meta({ description: "Fiat wallet ID", example: "w_01HZX3K9Q2" }),
    callback_url: urlText()
      .optional()
      .meta({ description: "Where status updates are posted.", example: "https://example.com/webhooks" }),
    customer_redirect_url: urlText()
      .optional()
      .meta({
        description: "Accepted for compatibility; mobile money has no redirect.",
        example: "https://example.com/success",
      }),
    reference_id: text(64)
      .optional()
      .meta({
        description:
          "Your reference, unique per integrator: the same reference with the same body returns the same deposit.",
        example: "order-abc-001",
      }),
    currency: currencyField()
      .optional()
      .meta({ description: "Must be the wallet's currency when given.", example: "KES" }),
  })
  .meta({
    id: "CreateDepositDto",
    description: "A mobile-money collection (STK push) from a customer into a fiat wallet.",
  });

export const createWithdrawalBody = z
  .strictObject({
    customer_key: idText().meta({ description: "Customer key", example: "2xMdvfbsVtmajBSWw5IT" }),
    amount: amountNumber().meta({
      description: "Amount to send, in major units of the wallet's currency.",
      example: 500,
    }),
    walletId: idText().meta({ description: "wallet id", example: "w_01HZX3K9Q2" }),
    callbackUrl: urlText()
      .optional()
      .meta({ description: "Where status updates are posted.", example: "https://example.com/webhooks" }),
    referenceId: text(64)
      .optional()
      .meta({
        description:
          "Your reference, unique per integrator: the same reference with the same body returns the same withdrawal.",
        example: "payout-001",
      }),
    currency: currencyField()
      .optional()
      .meta({ description: "Must be the wallet's currency when given.", example: "KES" }),
    network: networkField()
      .optional()
      .meta({ description: "Mobile network; default: the customer's.", example: "MPESA" }),
  })
  .meta({
    id: "CreateWithdrawalDto",
    description: "A mobile-money payout from a fiat wallet's payout balance to a customer.",
  });

// ---------------------------------------------------------------------------------------------
// Response DTOs
// ---------------------------------------------------------------------------------------------

export const WALLET_STATUSES = ["active", "inactive", "suspended", "deleted"] as const;

export const fiatWalletDto = z
  .object({
    name: z.string().meta({ description: "The name of the wallet", example: "My Wallet" }),
    type: z.enum(["fiat", "crypto"]).meta({ description: "Wallet type", example: "fiat" }),
    currency: z.string().meta({ description: "The currency of the wallet", example: "KES" }),
    country: z
      .string()
      .optional()
      .meta({
        description: "The country where the wallet is used (ISO-2); absent for a currency-wide wallet.",
        example: "KE",
      }),
    integrator: z.string().meta({ description: "The integrator of the wallet" }),
    status: z.enum(WALLET_STATUSES).meta({ description: "The status of the wallet", example: "active" }),
    id: z.string().meta({ description: "The id of the wallet" }),
    balance: z.number().meta({ description: "The payout (main) balance, in major units", example: 1000 }),
    deposit_balance: z
      .number()
      .meta({
        description: "The deposit balance (collections not yet moved to the main balance), in major units",
        example: 1000,
      }),
  })
  .meta({ id: "FiatWalletResponseDto" });

export const mobileMoneyCustomerDto = z
  .object({
    id: z.string(),
    customer_key: z.string().meta({ example: "2xMdvfbsVtmajBSWw5IT" }),
    phone_number: z.string().optional().meta({ description: "E.164.", example: "+254700000001" }),
    country_code: z.string().meta({ description: "ISO-2", example: "KE" }),
    network: z.string().meta({ example: "MPESA" }),
    account_name: z.string().optional(),
    account_number: z.string().optional(),
    bank_code: z.string().optional(),
    integrator: z.string(),
    first_name: z.string().optional().meta({ example: "John" }),
    last_name: z.string().optional().meta({ example: "Doe" }),
    date_of_birth: z.string().optional().meta({ example: "1990-01-01" }),
    id_number: z.string().optional().meta({ example: "123456789" }),
    id_type: z.string().optional().meta({ example: "NATIONAL_ID" }),
    email: z.string().optional().meta({ example: "john.doe@example.com" }),
    status: z.string().meta({ description: "active | inactive | suspended", example: "active" }),
    created_at: z.string().meta({ format: "date-time" }),
    updated_at: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "MobileMoneyCustomerDto" });

export const nameMatchDto = z
  .object({
    provided: z.string().meta({ description: "The name you supplied on the request.", example: "Jane Doe" }),
    score: z.number().meta({ description: "How closely the names match, 0-100.", example: 100 }),
    matched: z.boolean().meta({ description: "Whether the score met the threshold.", example: true }),
    threshold: z.number().meta({ example: 70 }),
    masked: z.boolean().meta({ description: "True when the provider masked part of the name.", example: false }),
  })
  .meta({ id: "NameMatchDto" });

export const NAME_LOOKUP_STATUSES = [
  "MATCHED",
  "NOT_FOUND",
  "ACCOUNT_UNAVAILABLE",
  "UNSUPPORTED",
  "TIMEOUT",
  "ERROR",
  "NOT_ENABLED",
] as const;

export const validateAccountResponseDto = z
  .object({
    isValid: z.boolean().meta({ example: true }),
    isSupported: z.boolean().meta({ example: true }),
    requiresInternationalization: z.boolean().optional().meta({ example: false }),
    countryCode: z.string().optional().meta({ example: "KE" }),
    countryName: z.string().optional().meta({ example: "Kenya" }),
    callingCode: z.string().optional().meta({ example: "+254" }),
    internationalNumber: z.string().optional().meta({ example: "+254700000001" }),
    nationalNumber: z.string().optional().meta({ example: "700000001" }),
    accountType: z.enum(["mobile_money", "bank", "paybill", "till"]),
    currency: z.string().optional().meta({ example: "KES" }),
    network: z.string().optional().meta({ example: "MPESA" }),
    mno: z.string().optional().meta({ example: "SAFARICOM KENYA" }),
    message: z.string().optional(),
    accountName: z.string().optional().meta({ example: "JANE MARY DOE" }),
    nameLookupStatus: z.enum(NAME_LOOKUP_STATUSES).optional().meta({ example: "MATCHED" }),
    nameLookupReason: z.string().optional(),
    matchScore: z.number().optional().meta({ example: 100 }),
    nameMatch: nameMatchDto.optional(),
  })
  .meta({ id: "ValidateAccountResponseDto" });

export const depositResponseDto = z
  .object({
    id: z.string(),
    message: z.string().meta({ example: "Deposit request sent successfully" }),
    reference_id: z.string().meta({ example: "order-abc-001" }),
    reference_number: z.number().meta({ example: 87438557 }),
    customer_key: z.string().optional().meta({ example: "2xMdvfbsVtmajBSWw5IT" }),
  })
  .meta({ id: "DepositResponseDto" });

export const DEPOSIT_STATUS_ENUM = [
  "PENDING",
  "INITIATED",
  "SUCCESSFUL",
  "FAILED",
  "EXPIRED",
  "CANCELLED",
  "DECLINED",
  "REVERSED",
  "IN_PROGRESS",
  "DUPLICATE",
  "ERROR_OCCURRED",
  "REQUIRE_REVIEW",
  "SUCCESS",
  "RETRY",
  "PERMANENTLY_FAILED",
] as const;
export const WITHDRAW_STATUS_ENUM = [
  "RETRY",
  "PENDING",
  "SUCCESSFUL",
  "FAILED",
  "CANCELLED",
  "REVERSED",
  "IN_PROGRESS",
  "INITIATED",
  "ERROR_OCCURRED",
  "DECLINED",
  "EXPIRED",
  "REQUIRE_REVIEW",
  "NOT_INITIATED",
  "TRANSACTION_INITIATED",
  "TRANSACTION_RETRY",
  "TRANSACTION_RETRY_SUCCESSFUL",
  "TRANSACTION_RETRY_FAILED",
  "DUPLICATE_PENDING",
] as const;
export const INTEGRATOR_FEE_TYPES = ["PERCENTAGE", "FLAT", "NONE"] as const;

const callbackUrlStatus = z
  .number()
  .optional()
  .meta({
    description:
      "Callback delivery: 0 completed, 1 pending, 2 processing, -1 failed (will retry), -2 permanently failed (§4.7).",
    example: 0,
  });

export const depositStatusResponseDto = z
  .object({
    id: z.string(),
    amount: z.number().meta({ description: "What was asked for, major units", example: 1000 }),
    wallet_id: z.string(),
    callback_url: z.string().optional(),
    reference_id: z.string().optional(),
    currency: z.string().optional().meta({ example: "KES" }),
    provider: z.string().optional(),
    providerReference: z.string().optional(),
    callbackUrlStatus,
    transactionError: z.string().optional(),
    network: z.string().optional().meta({ example: "MPESA" }),
    environment: z.string().optional().meta({ example: "sandbox" }),
    integratorsAmount: z
      .number()
      .optional()
      .meta({ description: "What the deposit balance gains on success, major units" }),
    updatedAt: z.string().optional().meta({ format: "date-time" }),
    status: z.enum(DEPOSIT_STATUS_ENUM),
    reference_number: z.number().meta({ example: 87438557 }),
    created_at: z.string().meta({ format: "date-time" }),
    transaction_cost: z.number().meta({ description: "The fee, major units", example: 25 }),
    transaction_amount: z.number().meta({ description: "What the customer pays, major units", example: 1025 }),
    customer_key: z.string(),
    error_message: z.string().optional(),
    error_code: z.string().optional(),
    error_description: z.string().optional(),
    telco_id: z
      .string()
      .optional()
      .meta({ description: "The telco's receipt id (e.g. an M-Pesa code)", example: "OEI2AK4D9X" }),
    completed_at: z.string().optional().meta({ format: "date-time" }),
  })
  .meta({ id: "DepositStatusResponseDto" });

export const withdrawResponseDto = z
  .object({
    id: z.string(),
    message: z.string().meta({ example: "Withdrawal request sent successfully" }),
    referenceId: z.string().meta({ example: "payout-001" }),
    referenceNumber: z.number().meta({ example: 87438558 }),
  })
  .meta({ id: "WithdrawResponseDto" });

export const withdrawStatusResponseDto = z
  .object({
    id: z.string(),
    amount: z.number().meta({ example: 500 }),
    walletId: z.string(),
    callbackUrl: z.string().optional(),
    referenceId: z.string().optional(),
    currency: z.string().optional().meta({ example: "KES" }),
    network: z.string().optional().meta({ example: "MPESA" }),
    status: z.enum(WITHDRAW_STATUS_ENUM),
    referenceNumber: z.number(),
    created_at: z.string().meta({ format: "date-time" }),
    transactionCost: z.number().meta({ description: "The fee, major units" }),
    transactionAmount: z.number().meta({ description: "What the recipient receives, major units" }),
    customerKey: z.string(),
    integratorFeeAmount: z.number().meta({ example: 0 }),
    integratorFee: z.number().meta({ example: 0 }),
    integratorCommissionType: z.enum(INTEGRATOR_FEE_TYPES).meta({ example: "NONE" }),
    errorMessage: z.string().meta({ description: "Empty unless the withdrawal failed" }),
    transactionError: z.string().optional(),
    telcoId: z.string().optional(),
    completed_at: z.string().optional().meta({ format: "date-time" }),
    callbackUrlStatus,
  })
  .meta({ id: "WithdrawStatusResponseDto" });

export const rateResponseDto = z
  .object({
    from: z.string().meta({ description: "The currency being converted from — the one you hold.", example: "USD" }),
    to: z.string().meta({ description: "The currency being converted to — the one you want.", example: "KES" }),
    value: z
      .string()
      .meta({ description: "How many units of `to` one unit of `from` buys (a decimal string).", example: "129.2" }),
  })
  .meta({ id: "RateResponseDto" });

export const healthDto = z
  .object({
    status: z.enum(["ok", "error"]),
    // An indicator may say more than its status (a down database's `message`), as Kotani's schema allows.
    info: z.record(z.string(), z.looseObject({ status: z.string() })),
    error: z.record(z.string(), z.looseObject({ status: z.string() })),
    details: z.record(z.string(), z.looseObject({ status: z.string() })),
  })
  .meta({
    id: "HealthCheckDto",
    example: { status: "ok", info: { database: { status: "up" } }, error: {}, details: { database: { status: "up" } } },
  });

export type FiatWalletResponse = z.output<typeof fiatWalletDto>;
export type MobileMoneyCustomer = z.output<typeof mobileMoneyCustomerDto>;
export type ValidateAccountResponseBody = z.output<typeof validateAccountResponseDto>;
export type DepositResponse = z.output<typeof depositResponseDto>;
export type DepositStatusResponse = z.output<typeof depositStatusResponseDto>;
export type WithdrawResponse = z.output<typeof withdrawResponseDto>;
export type WithdrawStatusResponse = z.output<typeof withdrawStatusResponseDto>;
export type RateResponse = z.output<typeof rateResponseDto>;

// ---------------------------------------------------------------------------------------------
// Messages (the spec's own words)
// ---------------------------------------------------------------------------------------------

export const MESSAGES = {
  walletsRetrieved: "Fiat wallet has been successfully retrieved.",
  walletRetrieved: "The wallet has been successfully retrieved.",
  walletNotFound: "Wallet Not Found",
  transferred: "Transfer deposit balance has been successfully done.",
  customerCreated: "Customer has been successfully created.",
  customersRetrieved: "Customers successfully retrieved.",
  customerFetched: "Customer fetched successfully.",
  customerUpdated: "Bio Data has been successfully updated.",
  customerNotFound: "Customer not found.",
  phoneValidated: "Phone number validated successfully.",
  depositCreated: "Deposit has been successfully created.",
  depositStatus: "Deposit status retrieved.",
  withdrawalCreated: "Withdrawal has been successfully created.",
  withdrawalStatus: "Withdrawal status retrieved",
  referenceNotFound: "Reference Id not found",
  rate: "Available exchange rate.",
  rateNotFound: "Rate not found",
} as const;

// ---------------------------------------------------------------------------------------------
// Bodies → the customer services' field names
// ---------------------------------------------------------------------------------------------

type CustomerBody = Partial<Record<Exclude<keyof typeof customerFields, "id_type" | "network">, string>> & {
  network?: (typeof NETWORKS)[number];
  id_type?: (typeof ID_TYPES)[number];
};

/** The customer services' fields (Add / Edit customer) from an API body; NOT_SUPPORTED means "detect it". */
export function customerServiceFields(body: CustomerBody) {
  return {
    phoneNumber: body.phone_number,
    network: body.network === "NOT_SUPPORTED" ? "" : body.network,
    firstName: body.first_name,
    lastName: body.last_name,
    email: body.email,
    idType: body.id_type,
    idNumber: body.id_number,
    dateOfBirth: body.date_of_birth,
    accountName: body.account_name,
    accountNumber: body.account_number,
    bankCode: body.bank_code,
  };
}
