/**
 * Our own OpenAPI 3.1 document for the public v3 API, generated with zod-openapi from the very zod
 * schemas the routes parse with and the DTOs they answer (schemas.ts): the document cannot drift
 * from what the API accepts. Served at GET /api/v3/openapi.json.
 */
import { z } from "zod";
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import type { Permission } from "@/lib/auth/permissions";
import type { RateTier } from "@/lib/api-keys/rate-limit";
import { RATE_TIERS } from "@/lib/api-keys/rate-limit";
import {
  createCustomerBody,
  createDepositBody,
  createWithdrawalBody,
  customerKeyParams,
  customersListQuery,
  depositResponseDto,
  depositStatusResponseDto,
  fiatWalletDto,
  healthDto,
  MESSAGES,
  mobileMoneyCustomerDto,
  phoneParams,
  rateParams,
  rateResponseDto,
  referenceParams,
  transferDepositBalanceBody,
  updateCustomerBody,
  validateAccountResponseDto,
  validateMobileMoneyBody,
  walletCurrencyParams,
  walletCurrencyQuery,
  walletIdParams,
  withdrawResponseDto,
  withdrawStatusResponseDto,
} from "./schemas";

// ---------------------------------------------------------------------------------------------
// Envelopes (§1.4)
// ---------------------------------------------------------------------------------------------

const errorEnvelope = z
  .object({
    success: z.literal(false),
    message: z.string(),
    error_code: z.number().int().meta({ description: "The HTTP status", example: 404 }),
    data: z.object({}).catchall(z.unknown()),
  })
  .meta({ id: "ErrorResponse", description: "Shape B: every error but the rate limiter's." });

const validationEnvelope = z
  .object({
    success: z.literal(false),
    message: z
      .string()
      .meta({ example: "Validation failed: amount must be a number, property amout should not exist" }),
    error_code: z.literal(400),
    data: z.object({
      errors: z.array(z.string()).meta({ example: ["amount must be a number", "property amout should not exist"] }),
    }),
  })
  .meta({
    id: "ValidationErrorResponse",
    description: "A 400: every problem in data.errors, joined into the message.",
  });

const rateLimitEnvelope = z
  .object({
    statusCode: z.literal(429),
    message: z.string().meta({ example: "Too many requests, please slow down" }),
    error: z.literal("Too Many Requests"),
    data: z.object({
      retryAfter: z.number().int().meta({ description: "Seconds until a request is accepted again", example: 3 }),
    }),
  })
  .meta({ id: "RateLimitResponse", description: "Shape A: the rate limiter's answer, with a Retry-After header." });

function success(message: string, data: z.ZodType) {
  return z.object({ success: z.literal(true), message: z.string().meta({ example: message }), data });
}

const json = (schema: z.ZodType, example?: unknown) => ({
  "application/json": { schema, ...(example !== undefined ? { example } : {}) },
});

function errorResponse(status: number, description: string, message: string) {
  return { description, content: json(errorEnvelope, { success: false, message, error_code: status, data: {} }) };
}

const signatureHeaders = {
  "x-timestamp": z
    .string()
    .optional()
    .meta({ description: "Secure keys only: Unix seconds, within ±5 minutes.", example: "1767225600" }),
  "x-nonce": z
    .string()
    .optional()
    .meta({
      description: "Secure keys only: a UUID v4, each accepted once.",
      example: "0b6e1c1e-8a3b-4f7e-9a43-3f1d2b5c7e90",
    }),
  "x-signature": z
    .string()
    .optional()
    .meta({
      description:
        "Secure keys only: hex HMAC-SHA256 with the key's secret over `{timestamp}.{nonce}.{compact JSON body}` (POST/PATCH) or `{timestamp}.{nonce}.{last path segment}` (GET).",
    }),
};
const idempotencyHeader = {
  "idempotency-key": z
    .string()
    .optional()
    .meta({
      description:
        "Optional: 8–128 letters, digits, '.', '_', ':' or '-'. A retry with the same key returns the first answer.",
    }),
};

interface OperationSpec {
  summary: string;
  description: string;
  tag: string;
  operationId: string;
  permission: Permission | null;
  tier: RateTier;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  idempotent?: boolean;
  message: string;
  data: z.ZodType;
  notFound?: string;
  conflict?: boolean;
}

function tierText(tier: RateTier): string {
  return RATE_TIERS[tier].map((w) => `${w.limit} per ${w.seconds} s`).join(", ");
}

function operation(o: OperationSpec): ZodOpenApiOperationObject {
  const responses: ZodOpenApiResponsesObject = {
    "200": { description: o.message, content: json(success(o.message, o.data)) },
  };
  if (o.body || o.query) {
    responses["400"] = {
      description:
        "Validation failed (malformed JSON, unknown properties, wrong types, an amount with too many decimals…)",
      content: json(validationEnvelope),
    };
  }
  responses["401"] = errorResponse(
    401,
    "Missing, unknown, revoked or expired key, a key of the other environment, or a bad request signature",
    "Invalid Api Key",
  );
  if (o.permission)
    responses["403"] = errorResponse(
      403,
      `The key lacks the ${o.permission} permission`,
      "You do not have permission to do this",
    );
  if (o.notFound)
    responses["404"] = errorResponse(404, "Not found in the key's integrator and environment", o.notFound);
  if (o.conflict)
    responses["409"] = errorResponse(
      409,
      "The reference was used with different details, or the wallet cannot move money",
      "The reference order-1 is already used by another collection with different details",
    );
  responses["429"] = {
    description: `Rate limited (${o.tier} tier: ${tierText(o.tier)})`,
    headers: z.object({ "retry-after": z.string().meta({ description: "Seconds to wait", example: "3" }) }),
    content: json(rateLimitEnvelope),
  };
  return {
    operationId: o.operationId,
    summary: o.summary,
    description: `${o.description}\n\nPermission: ${o.permission ?? "any valid key"}. Rate limit tier: ${o.tier} (${tierText(o.tier)}).`,
    tags: [o.tag],
    security: [{ bearer: [] }],
    "x-permission": o.permission,
    "x-rate-tier": o.tier,
    requestParams: {
      ...(o.params ? { path: o.params } : {}),
      ...(o.query ? { query: o.query } : {}),
      header: z.object({ ...signatureHeaders, ...(o.idempotent ? idempotencyHeader : {}) }),
    },
    ...(o.body ? { requestBody: { required: true, content: json(o.body) } } : {}),
    responses,
  };
}

const health: ZodOpenApiOperationObject = {
  operationId: "health",
  summary: "Check the application's health",
  description: 'No authentication. 503 with status "error" when the database does not answer.',
  tags: ["HEALTH"],
  security: [],
  responses: {
    "200": { description: "Healthy", content: json(healthDto) },
    "503": {
      description: "A dependency is down",
      content: json(healthDto, {
        status: "error",
        info: {},
        error: { database: { status: "down", message: "Could not connect" } },
        details: { database: { status: "down", message: "Could not connect" } },
      }),
    },
  },
};

function paths(): ZodOpenApiPathsObject {
  return {
    "/health": { get: health },
    "/api/v3/health": { get: { ...health, operationId: "healthV3" } },
    "/api/v3/wallet/fiat": {
      get: operation({
        operationId: "getFiatWallets",
        tag: "FIAT WALLET",
        summary: "Get Integrator Fiat Wallets",
        description: "Every fiat wallet of the integrator in the key's environment, in every market.",
        permission: "wallets.read",
        tier: "read",
        message: MESSAGES.walletsRetrieved,
        data: z.array(fiatWalletDto),
      }),
    },
    "/api/v3/wallet/fiat/{id}": {
      get: operation({
        operationId: "getFiatWallet",
        tag: "FIAT WALLET",
        summary: "Get Integrator Fiat Wallet by Wallet ID",
        description: "One fiat wallet; another integrator's or environment's is not found.",
        permission: "wallets.read",
        tier: "read",
        params: walletIdParams,
        message: MESSAGES.walletRetrieved,
        data: fiatWalletDto,
        notFound: MESSAGES.walletNotFound,
      }),
    },
    "/api/v3/wallet/fiat/currency/{currency}": {
      get: operation({
        operationId: "getFiatWalletByCurrency",
        tag: "FIAT WALLET",
        summary: "Get Integrator Fiat Wallet by Currency (optionally by Country)",
        description:
          "The wallet of a currency: in the country asked for (or a currency-wide one), else in the integrator's market with that currency.",
        permission: "wallets.read",
        tier: "read",
        params: walletCurrencyParams,
        query: walletCurrencyQuery,
        message: MESSAGES.walletRetrieved,
        data: fiatWalletDto,
        notFound: MESSAGES.walletNotFound,
      }),
    },
    "/api/v3/wallet/transfer/deposit-balance": {
      post: operation({
        operationId: "transferDepositBalance",
        tag: "FIAT WALLET",
        summary: "Transfer Deposit Balance",
        description:
          "Moves `amount` (or, left out, the entire deposit balance) to the payout balance at once; answers the wallet after the move.",
        permission: "wallets.transfer",
        tier: "money",
        body: transferDepositBalanceBody,
        idempotent: true,
        message: MESSAGES.transferred,
        data: fiatWalletDto,
        notFound: MESSAGES.walletNotFound,
        conflict: true,
      }),
    },
    "/api/v3/customer/mobile-money": {
      post: operation({
        operationId: "createMobileMoneyCustomer",
        tag: "CUSTOMER - MOBILE MONEY",
        summary: "Create a mobile money customer",
        description:
          "A customer in one of the integrator's markets; the number must be a valid mobile number there and not another customer's.",
        permission: "customers.manage",
        tier: "read",
        body: createCustomerBody,
        message: MESSAGES.customerCreated,
        data: mobileMoneyCustomerDto,
        conflict: true,
      }),
      get: operation({
        operationId: "getMobileMoneyCustomers",
        tag: "CUSTOMER - MOBILE MONEY",
        summary: "Get all mobile money customers",
        description:
          "The customers of all the integrator's markets in the key's environment, newest first; a page past the end is empty.",
        permission: "customers.read",
        tier: "read",
        query: customersListQuery,
        message: MESSAGES.customersRetrieved,
        data: z.array(mobileMoneyCustomerDto),
      }),
    },
    "/api/v3/customer/mobile-money/{customer_key}": {
      get: operation({
        operationId: "getMobileMoneyCustomer",
        tag: "CUSTOMER - MOBILE MONEY",
        summary: "Get a mobile money customer by customer key",
        description: "One customer of the integrator in the key's environment.",
        permission: "customers.read",
        tier: "read",
        params: customerKeyParams,
        message: MESSAGES.customerFetched,
        data: mobileMoneyCustomerDto,
        notFound: MESSAGES.customerNotFound,
      }),
      patch: operation({
        operationId: "updateMobileMoneyCustomer",
        tag: "CUSTOMER - MOBILE MONEY",
        summary: "Update a mobile money customer",
        description:
          "The fields given replace the stored ones (an empty string clears an optional one); the country cannot change.",
        permission: "customers.manage",
        tier: "read",
        params: customerKeyParams,
        body: updateCustomerBody,
        message: MESSAGES.customerUpdated,
        data: mobileMoneyCustomerDto,
        notFound: MESSAGES.customerNotFound,
        conflict: true,
      }),
    },
    "/api/v3/customer/mobile-money/phone/{phone_number}": {
      get: operation({
        operationId: "getMobileMoneyCustomerByPhone",
        tag: "CUSTOMER - MOBILE MONEY",
        summary: "Get a mobile money customer by Phone",
        description: "By number: international (+254…) or national in one of the integrator's markets.",
        permission: "customers.read",
        tier: "read",
        params: phoneParams,
        message: MESSAGES.customerFetched,
        data: mobileMoneyCustomerDto,
        notFound: MESSAGES.customerNotFound,
      }),
    },
    "/api/v3/customer/validate/mobile-money": {
      post: operation({
        operationId: "validateMobileMoneyAccount",
        tag: "CUSTOMER - VALIDATION",
        summary: "Validate phone number",
        description:
          "The number's country, network and registered name (sandbox: by test number, e.g. …001 → JANE MARY DOE), scored against accountName when given.",
        permission: "customers.manage",
        tier: "read",
        body: validateMobileMoneyBody,
        message: MESSAGES.phoneValidated,
        data: validateAccountResponseDto,
        conflict: true,
      }),
    },
    "/api/v3/deposit/mobile-money": {
      post: operation({
        operationId: "createMobileMoneyDeposit",
        tag: "MOBILE MONEY DEPOSIT",
        summary: "Deposit via mobile money",
        description:
          "An STK push to the customer; the deposit is PENDING until the network answers. The same reference_id with the same body returns the same deposit.",
        permission: "collections.create",
        tier: "money",
        body: createDepositBody,
        idempotent: true,
        message: MESSAGES.depositCreated,
        data: depositResponseDto,
        notFound: MESSAGES.customerNotFound,
        conflict: true,
      }),
    },
    "/api/v3/deposit/mobile-money/status/{reference_id}": {
      get: operation({
        operationId: "getMobileMoneyDepositStatus",
        tag: "MOBILE MONEY DEPOSIT",
        summary: "Get Deposit on Mobile Money status",
        description: "By the Kotani reference or the telco's receipt id.",
        permission: "collections.read",
        tier: "read",
        params: referenceParams,
        message: MESSAGES.depositStatus,
        data: depositStatusResponseDto,
        notFound: MESSAGES.referenceNotFound,
      }),
    },
    "/api/v3/withdraw/mobile-money": {
      post: operation({
        operationId: "createMobileMoneyWithdrawal",
        tag: "WITHDRAW",
        summary: "Withdraw Fiat to Mobile Money",
        description:
          "Debits the payout balance (amount, plus the fee when the wallet bears it) and sends to the customer. The same referenceId with the same body returns the same withdrawal.",
        permission: "payouts.create",
        tier: "money",
        body: createWithdrawalBody,
        idempotent: true,
        message: MESSAGES.withdrawalCreated,
        data: withdrawResponseDto,
        notFound: MESSAGES.customerNotFound,
        conflict: true,
      }),
    },
    "/api/v3/withdraw/status/{reference_id}": {
      get: operation({
        operationId: "getWithdrawalStatus",
        tag: "WITHDRAW",
        summary: "Get Withdrawal Mobile Money Status",
        description: "By the Kotani reference or the telco's receipt id.",
        permission: "payouts.read",
        tier: "read",
        params: referenceParams,
        message: MESSAGES.withdrawalStatus,
        data: withdrawStatusResponseDto,
        notFound: MESSAGES.referenceNotFound,
      }),
    },
    "/api/v3/rate/{from}/{to}": {
      get: operation({
        operationId: "getRate",
        tag: "RATES",
        summary: "Get exchange rate",
        description: "Units of `to` one `from` buys (sandbox rates, crossed through USD).",
        permission: null,
        tier: "read",
        params: rateParams,
        message: MESSAGES.rate,
        data: rateResponseDto,
        notFound: MESSAGES.rateNotFound,
      }),
    },
  };
}

/** The document for a server base URL ("https://sandbox-api.example.com"). */
export function buildOpenApiDocument(baseUrl: string) {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Kotani Pay Backoffice API",
      version: "3",
      description:
        "The public v3 API, shaped like Kotani Pay's. Authenticate with `Authorization: Bearer <API key>`; a secure key also signs each request (x-timestamp, x-nonce, x-signature). Responses are `{success, message, data}`; amounts are JSON numbers in major units.",
    },
    servers: [{ url: baseUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key from the dashboard's API Keys page." },
      },
    },
    paths: paths(),
  });
}

const cache = new Map<string, ReturnType<typeof buildOpenApiDocument>>();

/** The document for a base URL, built once per URL (a handful: the hosts we serve). */
export function openApiDocument(baseUrl: string): ReturnType<typeof buildOpenApiDocument> {
  let doc = cache.get(baseUrl);
  if (!doc) {
    doc = buildOpenApiDocument(baseUrl);
    if (cache.size > 16) cache.clear();
    cache.set(baseUrl, doc);
  }
  return doc;
}
