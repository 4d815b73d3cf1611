import { sql } from "drizzle-orm";
import {
  bigint, bigserial, boolean, char, check, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex,
} from "drizzle-orm/pg-core";
import { environmentEnum, walletStatusEnum } from "./enums";
import { integrators } from "./integrators";
import { newId } from "./ids";

/**
 * A fiat wallet per currency (and optionally country, e.g. XOF for CI and SN).
 * Two balances in integer minor units: `depositBalance` (credited by collections,
 * "pending transfer") and `payoutBalance` (the "Main"/"Available" balance that payouts draw on).
 * Balances only change together with a ledger transaction (lib/wallets/ledger.ts).
 */
export const fiatWallets = pgTable(
  "fiat_wallets",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    name: text("name").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    country: char("country", { length: 2 }),
    status: walletStatusEnum("status").notNull().default("active"),
    locked: boolean("locked").notNull().default(false),
    isPrimary: boolean("is_primary").notNull().default(false),
    depositBalance: bigint("deposit_balance", { mode: "bigint" }).notNull().default(sql`0`),
    payoutBalance: bigint("payout_balance", { mode: "bigint" }).notNull().default(sql`0`),
    /**
     * Ledger transactions that moved this wallet ("Total Transactions" on the Wallets page), kept
     * by the balance UPDATE that every posting already runs, so the overview never counts entries.
     */
    ledgerTransactionCount: integer("ledger_transaction_count").notNull().default(0),
    /** Billing (§3.3), per direction: CUSTOMER (the customer / recipient bears the fee) or WALLET (this wallet pays it). */
    collectionFeeBearer: text("collection_fee_bearer").notNull().default("CUSTOMER"),
    payoutFeeBearer: text("payout_fee_bearer").notNull().default("WALLET"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Last line of defence: a bug elsewhere can never drive a balance below zero.
    check("fiat_wallets_deposit_nonneg", sql`${t.depositBalance} >= 0`),
    check("fiat_wallets_payout_nonneg", sql`${t.payoutBalance} >= 0`),
    index("fiat_wallets_scope_idx").on(t.integratorId, t.environment, t.currency, t.country),
  ],
);

export const cryptoWallets = pgTable(
  "crypto_wallets",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    name: text("name").notNull(),
    chain: text("chain").notNull(),
    address: text("address").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("crypto_wallets_scope_idx").on(t.integratorId, t.environment, t.chain)],
);

/** One row per token held by a crypto wallet; amounts in the token's base units (e.g. 6 decimals for USDT). */
export const cryptoBalances = pgTable(
  "crypto_balances",
  {
    walletId: text("wallet_id")
      .notNull()
      .references(() => cryptoWallets.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    decimals: smallint("decimals").notNull(),
    balance: numeric("balance", { precision: 78, scale: 0 }).notNull().default("0"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("crypto_balances_wallet_token_key").on(t.walletId, t.token)],
);

/**
 * A ledger transaction groups entries that sum to zero. Its idempotency key is unique per
 * integrator, so a retried request can never move money twice; the first response is kept
 * to be replayed verbatim.
 */
export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: text("id").primaryKey().$defaultFn(newId),
    integratorId: text("integrator_id")
      .notNull()
      .references(() => integrators.id, { onDelete: "cascade" }),
    environment: environmentEnum("environment").notNull(),
    /** transfer | collection | payout | payout_reversal | offramp | bulk_payment | opening_balance | adjustment */
    kind: text("kind").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of the request's meaningful fields: same key + other request = refused. */
    requestHash: text("request_hash").notNull(),
    /** The business record this moves money for (transaction id, bulk item id…). */
    reference: text("reference"),
    description: text("description"),
    createdBy: text("created_by"),
    response: jsonb("response").$type<unknown>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ledger_transactions_idempotency_key").on(t.integratorId, t.idempotencyKey),
    index("ledger_transactions_scope_idx").on(t.integratorId, t.environment, t.createdAt),
  ],
);

/**
 * Signed amounts. An entry either belongs to a wallet balance (`walletId` + `account`
 * = deposit | payout) or to an external account outside the platform (walletId null,
 * account = "external:<name>"). For every wallet and balance: balance = Σ amount.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ledgerTransactionId: text("ledger_transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id, { onDelete: "cascade" }),
    integratorId: text("integrator_id").notNull(),
    environment: environmentEnum("environment").notNull(),
    walletId: text("wallet_id").references(() => fiatWallets.id),
    account: text("account").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    amount: bigint("amount", { mode: "bigint" }).notNull(),
    /** The wallet's balances right after this entry (null for external accounts). */
    depositBalanceAfter: bigint("deposit_balance_after", { mode: "bigint" }),
    payoutBalanceAfter: bigint("payout_balance_after", { mode: "bigint" }),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ledger_entries_wallet_idx").on(t.walletId, t.createdAt, t.id),
    index("ledger_entries_tx_idx").on(t.ledgerTransactionId),
  ],
);
