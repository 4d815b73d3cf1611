import { sql } from "drizzle-orm";
import {
  bigint, bigserial, char, date, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";
import { environmentEnum, transactionKindEnum } from "./enums";
import { integrators } from "./integrators";
import { newId } from "./ids";

export const customers = pgTable(
  "customers",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    /** 20-character alphanumeric handle the API uses. */
    customerKey: text("customer_key").notNull(),
    /** E.164. */
    phoneNumber: text("phone_number"),
    countryCode: char("country_code", { length: 2 }).notNull(),
    network: text("network").notNull().default("NOT_SUPPORTED"),
    accountName: text("account_name"),
    accountNumber: text("account_number"),
    bankCode: text("bank_code"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    email: text("email"),
    idType: text("id_type"),
    idNumber: text("id_number"),
    /** YYYY-MM-DD. */
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    /** active | inactive | suspended (until `suspendedUntil`, then active again). */
    status: text("status").notNull().default("active"),
    suspendedUntil: timestamp("suspended_until", { withTimezone: true }),
    /** The last account validation (§3.5 "Verify name"): the registered name and how it compared. */
    nameLookupStatus: text("name_lookup_status"),
    verifiedName: text("verified_name"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("customers_key").on(t.integratorId, t.customerKey),
    index("customers_scope_idx").on(t.integratorId, t.environment, t.countryCode, t.createdAt, t.id),
    index("customers_phone_idx").on(t.integratorId, t.environment, t.phoneNumber),
    // Phone-prefix search ("0712 3…" → LIKE '+2547123%') under any collation, as transactions_phone_prefix_idx.
    index("customers_phone_prefix_idx").on(t.integratorId, t.environment, t.phoneNumber.op("text_pattern_ops")),
  ],
);

/**
 * Collections (deposits), payouts (withdrawals), onramps and offramps share one table:
 * one set of list indexes, one data table, one "recent transactions" query. Kind-specific
 * fields are nullable. Amounts are integer minor units of `currency`; crypto amounts are
 * base units of `token` (numeric, they can exceed bigint for 18-decimal tokens).
 */
export const transactions = pgTable(
  "transactions",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    kind: transactionKindEnum("kind").notNull(),
    /** The dashboard "Type": MOBILE_MONEY, BANK, CARD, PAYMENT_LINK, LIPA_NA_MPESA, PAYBILL, BULK, CRYPTO. */
    channel: text("channel").notNull(),
    referenceId: text("reference_id").notNull(),
    referenceNumber: bigint("reference_number", { mode: "number" }).notNull(),
    status: text("status").notNull(),
    country: char("country", { length: 2 }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    network: text("network"),
    phoneNumber: text("phone_number"),
    customerId: text("customer_id").references(() => customers.id),
    walletId: text("wallet_id"),
    /** What was asked for. */
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    /** Collections: amount + fee (what the customer paid). Payouts: what the recipient receives. */
    transactionAmount: bigint("transaction_amount", { mode: "bigint" }).notNull(),
    fee: bigint("fee", { mode: "bigint" }).notNull().default(sql`0`),
    provider: text("provider"),
    providerReference: text("provider_reference"),
    telcoId: text("telco_id"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    callbackUrl: text("callback_url"),
    /** 0 completed, 1 pending, 2 processing, -1 failed (will retry), -2 permanently failed. */
    callbackStatus: smallint("callback_status"),
    // Onramp / offramp
    chain: text("chain"),
    token: text("token"),
    cryptoAmount: numeric("crypto_amount", { precision: 78, scale: 0 }),
    cryptoAddress: text("crypto_address"),
    txHash: text("tx_hash"),
    depositStatus: text("deposit_status"),
    onchainStatus: text("onchain_status"),
    refundStatus: text("refund_status"),
    refundTxHash: text("refund_tx_hash"),
    paymentLinkId: text("payment_link_id"),
    bulkItemId: text("bulk_item_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    // Engine (lib/engine) fields; null on seeded or imported history, which the engine's jobs never touch.
    /** Who created it through the engine: dashboard | api | payment_link | bulk. */
    origin: text("origin"),
    /** Who bears the fee (§3.3 billing): CUSTOMER | WALLET. */
    feeBearer: text("fee_bearer"),
    /** Payouts: what left the payout balance at creation. Collections: what the deposit balance gains on success. */
    walletAmount: bigint("wallet_amount", { mode: "bigint" }),
    /** The caller's idempotency key (one per opened form / API request) and a hash of what it asked for. */
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    description: text("description"),
    createdBy: text("created_by"),
    /** When a transaction that never settles expires (EXPIRED, and a payout's debit reversed). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The list query: one market of one environment, newest first, keyset on (created_at, id).
    // Both also INCLUDE status / network / channel / amount / fee (drizzle/0007, by hand: the
    // builder has no INCLUDE) so the counters' aggregates are index-only scans.
    index("transactions_list_idx").on(t.integratorId, t.environment, t.kind, t.currency, t.country, t.createdAt.desc(), t.id.desc()),
    index("transactions_status_idx").on(t.integratorId, t.environment, t.kind, t.currency, t.country, t.status, t.createdAt.desc(), t.id.desc()),
    // Recent transactions across kinds for the home page.
    index("transactions_market_idx").on(t.integratorId, t.environment, t.currency, t.country, t.createdAt.desc(), t.id.desc()),
    uniqueIndex("transactions_reference_key").on(t.integratorId, t.environment, t.kind, t.referenceId),
    index("transactions_reference_number_idx").on(t.integratorId, t.referenceNumber),
    index("transactions_phone_idx").on(t.integratorId, t.environment, t.phoneNumber),
    // Search (lib/transactions/query.ts): reference and phone prefixes (LIKE 'x%' under any
    // collation needs text_pattern_ops), exact amount; the amount index also serves the amount
    // range filter and the Amount sort.
    index("transactions_reference_prefix_idx").on(t.integratorId, t.environment, t.kind, t.referenceId.op("text_pattern_ops")),
    index("transactions_phone_prefix_idx").on(t.integratorId, t.environment, t.phoneNumber.op("text_pattern_ops")),
    index("transactions_amount_idx").on(t.integratorId, t.environment, t.kind, t.currency, t.country, t.amount),
    // The amount search also matches Transaction Amount (what the list shows beside Amount).
    index("transactions_transaction_amount_idx").on(t.integratorId, t.environment, t.kind, t.currency, t.country, t.transactionAmount),
    // A customer's transactions (customer detail, the customers list's counts and totals).
    index("transactions_customer_idx").on(t.customerId, t.createdAt.desc(), t.id.desc()),
    // A payment link's payments (link detail, analytics, usage).
    // The public API's status lookups by the network's receipt (§1.6: "the Kotani reference or the telco/MNO receipt ID").
    index("transactions_telco_idx").on(t.integratorId, t.environment, t.telcoId).where(sql`telco_id is not null`),
    index("transactions_provider_ref_idx").on(t.integratorId, t.environment, t.providerReference).where(sql`provider_reference is not null`),
    index("transactions_payment_link_idx").on(t.paymentLinkId, t.createdAt.desc(), t.id.desc()).where(sql`payment_link_id is not null`),
    uniqueIndex("transactions_idempotency_key").on(t.integratorId, t.environment, t.idempotencyKey).where(sql`idempotency_key is not null`),
    // The approvals view: what waits, per market.
    index("transactions_awaiting_idx").on(t.integratorId, t.environment, t.currency).where(sql`status = 'AWAITING_APPROVAL'`),
  ],
);

export const transactionStatusHistory = pgTable(
  "transaction_status_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    transactionId: text("transaction_id")
      .notNull()
      .references(() => transactions.id, { onDelete: "cascade" }),
    status: text("status").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("transaction_status_history_tx_idx").on(t.transactionId, t.createdAt)],
);

/**
 * Per-day aggregates for stat cards and charts, so they never scan a million rows.
 * `day` is the UTC calendar day of created_at. Kept up to date by statement-level triggers on
 * `transactions` (drizzle/0003, 0006); lib/transactions/daily-stats.ts rebuilds it from scratch.
 */
export const transactionDailyStats = pgTable(
  "transaction_daily_stats",
  {
    integratorId: text("integrator_id").notNull(),
    environment: environmentEnum("environment").notNull(),
    kind: transactionKindEnum("kind").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    country: char("country", { length: 2 }).notNull(),
    day: date("day").notNull(),
    status: text("status").notNull(),
    /** transactions.network ('' when none) and .channel: the Network and Type filters' counters come from here too. */
    network: text("network").notNull().default(""),
    channel: text("channel").notNull().default(""),
    count: integer("count").notNull().default(0),
    amount: bigint("amount", { mode: "bigint" }).notNull().default(sql`0`),
    fee: bigint("fee", { mode: "bigint" }).notNull().default(sql`0`),
  },
  (t) => [
    primaryKey({
      name: "transaction_daily_stats_pk",
      columns: [t.integratorId, t.environment, t.kind, t.currency, t.country, t.day, t.status, t.network, t.channel],
    }),
  ],
);

/**
 * Events the engine records in the same database transaction as the state change they describe
 * (§4.4–4.5 payloads). Delivering them (signed webhooks, a delivery log) is the webhooks area's job;
 * `published_at` is set when a deliverer has taken one.
 */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    event: text("event").notNull(),
    transactionId: text("transaction_id").references(() => transactions.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    index("outbox_events_unpublished_idx").on(t.id).where(sql`published_at is null`),
    index("outbox_events_tx_idx").on(t.transactionId, t.id),
  ],
);

/**
 * Maker-checker for payouts (beyond the real product): a payout at or above its currency's
 * threshold waits for another member with payouts.approve. One row per integrator, environment and currency.
 */
export const payoutApprovalThresholds = pgTable(
  "payout_approval_thresholds",
  {
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    /** Minor units; a payout whose amount is at or above it needs approval. */
    threshold: bigint("threshold", { mode: "bigint" }).notNull(),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "payout_approval_thresholds_pk", columns: [t.integratorId, t.environment, t.currency] })],
);

/** Who asked for an approval-bound payout, and who decided. */
export const payoutApprovals = pgTable(
  "payout_approvals",
  {
    transactionId: text("transaction_id")
      .primaryKey()
      .references(() => transactions.id, { onDelete: "cascade" }),
    integratorId: text("integrator_id").notNull(),
    environment: environmentEnum("environment").notNull(),
    requestedBy: text("requested_by").notNull(),
    threshold: bigint("threshold", { mode: "bigint" }).notNull(),
    /** null while waiting; approved | rejected. */
    decision: text("decision"),
    decidedBy: text("decided_by"),
    reason: text("reason"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payout_approvals_scope_idx").on(t.integratorId, t.environment, t.createdAt)],
);

/**
 * Pricing and limits per currency, direction and channel (§3.3): a percentage (basis points)
 * and/or a flat fee, clamped to min/max, then rounded per currency (lib/engine/fees.ts); and the
 * largest amount one transaction may move. Platform-wide; seeded by migration.
 */
export const feeSchedules = pgTable(
  "fee_schedules",
  {
    currency: char("currency", { length: 3 }).notNull(),
    /** collection | payout */
    direction: text("direction").notNull(),
    /** MOBILE_MONEY | BANK | LIPA_NA_MPESA | PAYBILL … */
    channel: text("channel").notNull(),
    percentBps: integer("percent_bps").notNull().default(0),
    flat: bigint("flat", { mode: "bigint" }).notNull().default(sql`0`),
    minFee: bigint("min_fee", { mode: "bigint" }),
    maxFee: bigint("max_fee", { mode: "bigint" }),
    /** Per-transaction limit, minor units. */
    maxAmount: bigint("max_amount", { mode: "bigint" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "fee_schedules_pk", columns: [t.currency, t.direction, t.channel] })],
);

/**
 * One attempt to deliver one event (§4.1–4.3, §4.7): a row per attempt, so the log shows each try
 * and its gap. `delivery_key` groups the attempts of one delivery (the event's first send, or a
 * Resend); `(delivery_key, attempt)` is unique, so a retried job records an attempt once.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    transactionId: text("transaction_id").references(() => transactions.id, { onDelete: "cascade" }),
    /** The outbox event delivered (null for a test event). */
    eventId: bigint("event_id", { mode: "number" }),
    deliveryKey: text("delivery_key").notNull().default(sql`gen_random_uuid()::text`),
    event: text("event").notNull(),
    /** signed (envelope + X-Kotani-* headers) | direct (raw fields to the callbackUrl) | test. */
    mode: text("mode").notNull().default("signed"),
    url: text("url").notNull(),
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>(),
    requestBody: jsonb("request_body").$type<unknown>(),
    responseStatus: integer("response_status"),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>(),
    responseBody: text("response_body"),
    /** Why an attempt failed without an HTTP answer (timeout, refused address, connection error). */
    error: text("error"),
    attempt: integer("attempt").notNull().default(1),
    /** COMPLETED | FAILED (will retry) | PERMANENTLY_FAILED */
    status: text("status").notNull(),
    durationMs: integer("duration_ms"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** A Resend: the attempt it repeats. */
    resendOf: text("resend_of"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_tx_idx").on(t.transactionId, t.createdAt),
    index("webhook_deliveries_scope_idx").on(t.integratorId, t.environment, t.createdAt),
    uniqueIndex("webhook_deliveries_attempt_key").on(t.deliveryKey, t.attempt),
  ],
);
