import { pgEnum } from "drizzle-orm/pg-core";

/** Sandbox and Production are fully isolated: every business row carries one. */
export const environmentEnum = pgEnum("environment", ["sandbox", "production"]);
export const productionStatusEnum = pgEnum("production_status", ["not_started", "requested", "active"]);
export const memberStatusEnum = pgEnum("member_status", ["active", "invited", "disabled"]);
export const walletStatusEnum = pgEnum("wallet_status", ["active", "inactive", "suspended", "deleted"]);
export const transactionKindEnum = pgEnum("transaction_kind", ["collection", "payout", "onramp", "offramp"]);

export type Environment = (typeof environmentEnum.enumValues)[number];
export type TransactionKind = (typeof transactionKindEnum.enumValues)[number];
export type WalletStatus = (typeof walletStatusEnum.enumValues)[number];
export type MemberStatus = (typeof memberStatusEnum.enumValues)[number];
export const ENVIRONMENTS = environmentEnum.enumValues;
