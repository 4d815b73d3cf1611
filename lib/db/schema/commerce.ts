import { sql } from "drizzle-orm";
import {
  bigint, bigserial, boolean, char, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";
import { environmentEnum } from "./enums";
import { integrators } from "./integrators";
import { fiatWallets } from "./wallets";
import { users } from "./users";
import { newId } from "./ids";

export const paymentLinks = pgTable(
  "payment_links",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    shortCode: text("short_code").notNull().unique(),
    /** STANDARD | INVOICE | DONATION */
    linkType: text("link_type").notNull().default("STANDARD"),
    /** FIXED | VARIABLE | PACKAGE | CUSTOMER_CHOICE */
    pricing: text("pricing").notNull().default("FIXED"),
    currency: char("currency", { length: 3 }).notNull(),
    country: char("country", { length: 2 }).notNull(),
    amount: bigint("amount", { mode: "bigint" }),
    minAmount: bigint("min_amount", { mode: "bigint" }),
    maxAmount: bigint("max_amount", { mode: "bigint" }),
    packages: jsonb("packages").$type<{ label: string; amount: string }[]>(),
    paymentMethods: text("payment_methods").array().notNull().default(sql`'{MOBILE_MONEY}'::text[]`),
    /** SINGLE_USE | MULTIPLE_USE | UNLIMITED */
    usage: text("usage").notNull().default("UNLIMITED"),
    maxUses: integer("max_uses"),
    currentUses: integer("current_uses").notNull().default(0),
    customerFields: jsonb("customer_fields").$type<Record<"name" | "email" | "phone", "REQUIRED" | "OPTIONAL" | "HIDDEN">>(),
    callbackUrl: text("callback_url"),
    /** Brand colour of the checkout, `#rrggbb`. */
    brandColor: text("brand_color"),
    /** The uploaded logo (PNG or JPEG, checked by content, ≤ 512 kB), base64, served by the public logo route. */
    logoData: text("logo_data"),
    logoType: text("logo_type"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payment_links_scope_idx").on(t.integratorId, t.environment, t.currency, t.country, t.createdAt)],
);

/** Checkout page views per link and day (UTC), for the link's analytics. */
export const paymentLinkViews = pgTable(
  "payment_link_views",
  {
    linkId: text("link_id")
      .notNull()
      .references(() => paymentLinks.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.linkId, t.day] })],
);

/**
 * Pay submissions on the public checkout, per link and client IP: the throttle counts them here
 * (so it holds across app instances); a daily job deletes rows older than a day.
 */
export const checkoutAttempts = pgTable(
  "checkout_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    linkId: text("link_id")
      .notNull()
      .references(() => paymentLinks.id, { onDelete: "cascade" }),
    ip: text("ip").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("checkout_attempts_link_idx").on(t.linkId, t.createdAt), index("checkout_attempts_ip_idx").on(t.ip, t.createdAt)],
);

/**
 * One CSV upload ("transaction" in the real API), split into one batch per currency. A validated
 * file is a `draft` holding its checked rows (`rows`); Confirm turns it `confirmed` exactly once,
 * writes its batches and items, and drops the rows. Drafts are deleted after a day.
 */
export const bulkUploads = pgTable(
  "bulk_uploads",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes: the same file again is a duplicate (a warning, "Upload anyway"). */
    fileHash: text("file_hash").notNull(),
    /** draft | confirmed */
    status: text("status").notNull().default("draft"),
    totalRecipients: integer("total_recipients").notNull().default(0),
    /** A draft's checked rows (BulkRow[]), until Confirm. */
    rows: jsonb("rows").$type<unknown[]>(),
    /** What the validation found: per currency counts and totals, the warnings. */
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    /** Confirm's idempotency key (one per opened preview): a double click confirms once. */
    idempotencyKey: text("idempotency_key"),
    callbackUrl: text("callback_url"),
    createdBy: text("created_by").references(() => users.id),
    confirmedBy: text("confirmed_by").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("bulk_uploads_file_idx").on(t.integratorId, t.environment, t.fileHash),
    index("bulk_uploads_scope_idx").on(t.integratorId, t.environment, t.createdAt),
    uniqueIndex("bulk_uploads_idempotency_key").on(t.integratorId, t.environment, t.idempotencyKey),
  ],
);

export const bulkBatches = pgTable(
  "bulk_batches",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    uploadId: text("upload_id")
      .notNull()
      .references(() => bulkUploads.id, { onDelete: "cascade" }),
    integratorId: text("integrator_id").notNull(),
    environment: environmentEnum("environment").notNull(),
    name: text("name").notNull().default(""),
    walletId: text("wallet_id")
      .notNull()
      .references(() => fiatWallets.id),
    currency: char("currency", { length: 3 }).notNull(),
    country: char("country", { length: 2 }).notNull().default("KE"),
    /** pending → (awaiting_approval →) processing → completed | completed_with_errors | failed; or cancelled */
    status: text("status").notNull().default("pending"),
    totalAmount: bigint("total_amount", { mode: "bigint" }).notNull(),
    /** The fees and the payout-balance debit the preview showed (Σ per item, at the wallet's fee billing). */
    totalFees: bigint("total_fees", { mode: "bigint" }).notNull().default(sql`0`),
    totalDebit: bigint("total_debit", { mode: "bigint" }).notNull().default(sql`0`),
    totalPayments: integer("total_payments").notNull(),
    successfulPayments: integer("successful_payments").notNull().default(0),
    failedPayments: integer("failed_payments").notNull().default(0),
    progress: jsonb("progress").$type<{ step: string; status: string; message?: string; startedAt?: string; completedAt?: string }[]>(),
    /** The batch that "Retry failed items" made this one from. */
    retryOf: text("retry_of"),
    createdBy: text("created_by").references(() => users.id),
    processedBy: text("processed_by").references(() => users.id),
    approvedBy: text("approved_by").references(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bulk_batches_upload_idx").on(t.uploadId), index("bulk_batches_scope_idx").on(t.integratorId, t.environment, t.createdAt)],
);

export const bulkItems = pgTable(
  "bulk_items",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    batchId: text("batch_id")
      .notNull()
      .references(() => bulkBatches.id, { onDelete: "cascade" }),
    integratorId: text("integrator_id").notNull(),
    environment: environmentEnum("environment").notNull().default("sandbox"),
    rowNo: integer("row_no").notNull(),
    recipientName: text("recipient_name").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    recipientPhone: text("recipient_phone").notNull(),
    network: text("network"),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    /** What the payout cost in fees, once sent. */
    fee: bigint("fee", { mode: "bigint" }),
    currency: char("currency", { length: 3 }).notNull(),
    country: char("country", { length: 2 }).notNull().default("KE"),
    reference: text("reference").notNull(),
    description: text("description"),
    metadata: jsonb("metadata").$type<unknown>(),
    /** PENDING | PROCESSING | SUCCESS | FAILED | RETRY | CANCELLED */
    status: text("status").notNull().default("PENDING"),
    errorMessage: text("error_message"),
    retryCount: integer("retry_count").notNull().default(0),
    /** The current attempt's payout (an engine transaction, channel BULK). */
    transactionId: text("transaction_id"),
    /** The item of an earlier batch this one retries (its reference is then reused). */
    retryOf: text("retry_of"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    // Exactly-once per row: a resumed batch can never create a row's payment twice.
    uniqueIndex("bulk_items_row_key").on(t.integratorId, t.batchId, t.rowNo),
    index("bulk_items_batch_idx").on(t.batchId, t.status, t.rowNo),
    // A reference pays once per integrator and environment (a retry reuses its original's).
    uniqueIndex("bulk_items_reference_key").on(t.integratorId, t.environment, t.reference).where(sql`retry_of is null`),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    name: text("name").notNull(),
    /** First characters of the key, shown in the list; the key itself is stored only as SHA-256. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    isSecure: boolean("is_secure").notNull().default(false),
    /** AES-GCM encrypted request-signing secret (secure keys). */
    secretEncrypted: text("secret_encrypted"),
    /** null = integrator-level key (wildcard); else bound to this user with `permissions`. */
    ownerUserId: text("owner_user_id").references(() => users.id),
    permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
    createdBy: text("created_by").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    /** Past it the key stops working (chosen at creation, or set by a Roll: the old key's grace period). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** The key this one replaced (Roll). */
    rolledFrom: text("rolled_from"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("api_keys_scope_idx").on(t.integratorId, t.environment, t.createdAt)],
);

/** Secure-mode request nonces (§1.3): each accepted once per key; purged once outside the ±5 min window. */
export const apiKeyNonces = pgTable(
  "api_key_nonces",
  {
    keyId: text("key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    nonce: text("nonce").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "api_key_nonces_pk", columns: [t.keyId, t.nonce] }), index("api_key_nonces_created_idx").on(t.createdAt)],
);

/** Public API rate limits (§1.5): one counter per key, tier, window length and window start. */
export const apiRateCounters = pgTable(
  "api_rate_counters",
  {
    keyId: text("key_id").notNull(),
    tier: text("tier").notNull(),
    windowSeconds: integer("window_seconds").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "api_rate_counters_pk", columns: [t.keyId, t.tier, t.windowSeconds, t.windowStart] }),
    index("api_rate_counters_window_idx").on(t.windowStart),
  ],
);

export const webhookSettings = pgTable(
  "webhook_settings",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    url: text("url"),
    /** AES-GCM encrypted signing secret; rotated from Settings. */
    secretEncrypted: text("secret_encrypted"),
    /** Empty = all (non-opt-in) events. */
    events: text("events").array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean("enabled").notNull().default(true),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("webhook_settings_scope_key").on(t.integratorId, t.environment)],
);
