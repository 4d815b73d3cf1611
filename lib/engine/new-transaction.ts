import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { customers, feeSchedules, fiatWallets, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { RetryableLedgerError, type Tx } from "@/lib/ledger/ledger";
import { COUNTRIES } from "@/lib/markets";
import { formatMoney, parseAmount } from "@/lib/money";
import type { Direction, FeeRule, Quote } from "./fees";
import { detectNetwork, networksOf } from "./networks";
import { checkMobileNumber } from "./phone";

/** Pieces New Collection and Send Money share: wallet, fees and limits, recipient, idempotency. */

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export function randomAlphanumeric(length: number): string {
  // 62 × 4 = 248: bytes ≥ 248 are dropped so every character is equally likely.
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) if (b < 248 && out.length < length) out += ALPHANUMERIC[b % 62];
  }
  return out;
}

/** §1.6: 8 alphanumerics when the caller sends none. */
export const newReferenceId = () => randomAlphanumeric(8);

export type WalletRow = Pick<typeof fiatWallets.$inferSelect, "id" | "currency" | "country" | "status" | "locked" | "payoutBalance" | "depositBalance" | "collectionFeeBearer" | "payoutFeeBearer" | "name">;

/** The wallet asked for, or the market's primary wallet; only a wallet of the selected market. */
export async function resolveWallet(tx: Tx, scope: Scope, walletId: string | undefined): Promise<WalletRow> {
  const inMarket = and(
    inScope(fiatWallets, scope, { market: "currency" }),
    or(eq(fiatWallets.country, scope.market.country), isNull(fiatWallets.country)),
    walletId ? eq(fiatWallets.id, walletId) : eq(fiatWallets.status, "active"),
  );
  const [w] = await tx
    .select({
      id: fiatWallets.id,
      name: fiatWallets.name,
      currency: fiatWallets.currency,
      country: fiatWallets.country,
      status: fiatWallets.status,
      locked: fiatWallets.locked,
      payoutBalance: fiatWallets.payoutBalance,
      depositBalance: fiatWallets.depositBalance,
      collectionFeeBearer: fiatWallets.collectionFeeBearer,
      payoutFeeBearer: fiatWallets.payoutFeeBearer,
    })
    .from(fiatWallets)
    .where(inMarket)
    .orderBy(desc(fiatWallets.isPrimary), asc(fiatWallets.createdAt))
    .limit(1);
  if (!w) {
    throw walletId
      ? new NotFoundError("Wallet not found")
      : new ConflictError(`There is no ${scope.market.currency} wallet for ${COUNTRIES[scope.market.country]?.name ?? scope.market.country} yet. Add one on the Wallets page.`);
  }
  if (w.status !== "active") throw new ConflictError(`The wallet “${w.name}” is ${w.status}: it cannot move money.`);
  if (w.locked) throw new ConflictError(`The wallet “${w.name}” is locked: unlock it in Edit Wallet first.`);
  return w;
}

export async function feeRuleFor(tx: Tx, currency: string, direction: Direction, channel: string): Promise<FeeRule> {
  const [rule] = await tx
    .select({ percentBps: feeSchedules.percentBps, flat: feeSchedules.flat, minFee: feeSchedules.minFee, maxFee: feeSchedules.maxFee, maxAmount: feeSchedules.maxAmount })
    .from(feeSchedules)
    .where(and(eq(feeSchedules.currency, currency), eq(feeSchedules.direction, direction), eq(feeSchedules.channel, channel)))
    .limit(1);
  if (!rule) throw new ValidationError(`${channel.replace(/_/g, " ").toLowerCase()} ${direction}s are not offered in ${currency}`);
  return rule;
}

/** The amount as typed, in the wallet's currency, within the per-transaction limit. */
export function parseEngineAmount(typed: string, currency: string, rule: FeeRule, what: string): bigint {
  const parsed = parseAmount(typed, currency);
  if (!parsed.ok) throw new ValidationError(parsed.error, { amount: [parsed.error] });
  if (parsed.minor > rule.maxAmount) {
    const msg = `The most one ${what} can move is ${formatMoney(rule.maxAmount, currency)}`;
    throw new ValidationError(msg, { amount: [msg] });
  }
  return parsed.minor;
}

export interface Recipient {
  customerId: string;
  phoneNumber: string;
  network: string;
}

/**
 * The customer a mobile-money transaction is for: one of this integrator's customers (in the
 * selected environment and country), or the typed number — checked for the market's country —
 * found among the customers or added as one. The network must be one the country has.
 */
export async function resolveMobileRecipient(
  tx: Tx,
  scope: Scope,
  input: { customerId?: string; phoneNumber?: string; network?: string },
  /** The name and email a new number's customer gets (a checkout payer's). */
  newCustomer?: { firstName?: string; lastName?: string; email?: string },
): Promise<Recipient> {
  const country = scope.market.country;
  const countryName = COUNTRIES[country]?.name ?? country;
  const checkNetwork = (network: string) => {
    if (!networksOf(country).includes(network)) {
      const msg = `${network} is not a mobile network in ${countryName}`;
      throw new ValidationError(msg, { network: [msg] });
    }
  };

  if (input.customerId) {
    const [c] = await tx
      .select({ id: customers.id, phone: customers.phoneNumber, network: customers.network, country: customers.countryCode })
      .from(customers)
      .where(and(inScope(customers, scope), eq(customers.id, input.customerId)))
      .limit(1);
    if (!c || c.country !== country) throw new ValidationError("Customer not found", { customerId: ["Customer not found"] });
    if (!c.phone) throw new ValidationError("This customer has no phone number", { customerId: ["This customer has no phone number"] });
    const network = input.network || c.network;
    if (!network || network === "NOT_SUPPORTED") {
      throw new ValidationError("Choose the customer's network", { network: ["Choose the network"] });
    }
    checkNetwork(network);
    return { customerId: c.id, phoneNumber: c.phone, network };
  }

  const phone = checkMobileNumber(input.phoneNumber ?? "", country);
  if (!phone.ok) throw new ValidationError(phone.error, { phoneNumber: [phone.error] });
  const network = input.network || detectNetwork(phone.e164, country);
  if (network === "NOT_SUPPORTED") {
    const msg = "The network could not be detected from this number: choose it";
    throw new ValidationError(msg, { network: [msg] });
  }
  checkNetwork(network);

  // One customer per number: concurrent requests for a new number serialise on this lock.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`customer:${scope.integratorId}:${scope.environment}:${phone.e164}`}))`);
  const [existing] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(inScope(customers, scope), eq(customers.phoneNumber, phone.e164)))
    .limit(1);
  if (existing) return { customerId: existing.id, phoneNumber: phone.e164, network };
  const [created] = await tx
    .insert(customers)
    .values({
      integratorId: scope.integratorId,
      environment: scope.environment,
      customerKey: randomAlphanumeric(20),
      phoneNumber: phone.e164,
      countryCode: country,
      network,
      firstName: newCustomer?.firstName || null,
      lastName: newCustomer?.lastName || null,
      email: newCustomer?.email || null,
    })
    .returning({ id: customers.id });
  return { customerId: created!.id, phoneNumber: phone.e164, network };
}

export type EngineRow = typeof t.$inferSelect;

/**
 * A request seen before: the same idempotency key, or the same reference (§1.6: retrying with
 * the same reference does not create a duplicate). Same request → the stored transaction; a
 * different request → a clear conflict. null when neither was seen.
 */
export async function findPrevious(
  tx: Tx,
  scope: Scope,
  kind: "collection" | "payout",
  key: { idempotencyKey: string; referenceId: string | null; requestHash: string },
): Promise<EngineRow | null> {
  const [byKey] = await tx
    .select()
    .from(t)
    .where(and(inScope(t, scope), eq(t.idempotencyKey, key.idempotencyKey)))
    .limit(1);
  if (byKey) {
    if (byKey.requestHash !== key.requestHash) {
      throw new ConflictError("This form was already used for another request. Close it and start again.");
    }
    return byKey;
  }
  if (key.referenceId) {
    const [byRef] = await tx
      .select()
      .from(t)
      .where(and(inScope(t, scope), eq(t.kind, kind), eq(t.referenceId, key.referenceId)))
      .limit(1);
    if (byRef) {
      if (byRef.requestHash !== key.requestHash) {
        const msg = `The reference ${key.referenceId} is already used by another ${kind} with different details`;
        throw new ConflictError(msg, { referenceId: [msg] });
      }
      return byRef;
    }
  }
  return null;
}

export interface NewEngineTransaction {
  kind: "collection" | "payout";
  channel: string;
  status: string;
  /** The caller's reference; one is generated when absent. */
  referenceId: string | null;
  wallet: Pick<WalletRow, "id" | "currency">;
  recipient: { customerId: string | null; phoneNumber: string | null; network: string | null };
  amount: bigint;
  quote: Quote;
  request: { idempotencyKey: string; requestHash: string; callbackUrl?: string; description?: string };
  origin: string;
  createdBy: string | null;
  expiresAt: Date | null;
  paymentLinkId?: string | null;
  bulkItemId?: string | null;
  metadata?: Record<string, unknown>;
}

/**
 * Inserts a collection or payout — the one place its row is shaped — with the next reference
 * number. A concurrent twin (same key or reference) that committed first makes the whole request
 * run again (RetryableLedgerError), where findPrevious then answers it.
 */
export async function insertEngineTransaction(tx: Tx, scope: Scope, n: NewEngineTransaction): Promise<EngineRow> {
  const [inserted] = await tx
    .insert(t)
    .values({
      integratorId: scope.integratorId,
      environment: scope.environment,
      kind: n.kind,
      channel: n.channel,
      referenceId: n.referenceId ?? newReferenceId(),
      referenceNumber: sql`nextval('transaction_reference_number_seq')` as unknown as number,
      status: n.status,
      country: scope.market.country,
      currency: n.wallet.currency,
      network: n.recipient.network,
      phoneNumber: n.recipient.phoneNumber,
      customerId: n.recipient.customerId,
      walletId: n.wallet.id,
      amount: n.amount,
      transactionAmount: n.quote.transactionAmount,
      fee: n.quote.fee,
      feeBearer: n.quote.feeBearer,
      walletAmount: n.quote.walletAmount,
      callbackUrl: n.request.callbackUrl || null,
      callbackStatus: n.request.callbackUrl ? 1 : null,
      description: n.request.description || null,
      paymentLinkId: n.paymentLinkId ?? null,
      bulkItemId: n.bulkItemId ?? null,
      origin: n.origin,
      idempotencyKey: n.request.idempotencyKey,
      requestHash: n.request.requestHash,
      createdBy: n.createdBy,
      expiresAt: n.expiresAt,
      metadata: n.metadata,
    })
    .onConflictDoNothing()
    .returning();
  if (!inserted) throw new RetryableLedgerError("a concurrent request with the same key or reference committed first");
  return inserted;
}

/** What the dashboard and the API get back (bigints as strings). */
export interface CreatedTransaction {
  id: string;
  kind: "collection" | "payout";
  status: string;
  referenceId: string;
  referenceNumber: number;
  currency: string;
  amount: string;
  fee: string;
  transactionAmount: string;
  walletAmount: string;
  walletId: string;
  /** Payouts: the payout balance right after the debit. */
  payoutBalance?: string;
  message: string;
  /** A retried request: nothing new was created. */
  replayed: boolean;
}

export function created(row: EngineRow, message: string, replayed: boolean, payoutBalance?: bigint): CreatedTransaction {
  return {
    id: row.id,
    kind: row.kind as "collection" | "payout",
    status: row.status,
    referenceId: row.referenceId,
    referenceNumber: row.referenceNumber,
    currency: row.currency,
    amount: row.amount.toString(),
    fee: row.fee.toString(),
    transactionAmount: row.transactionAmount.toString(),
    walletAmount: (row.walletAmount ?? 0n).toString(),
    walletId: row.walletId ?? "",
    ...(payoutBalance !== undefined ? { payoutBalance: payoutBalance.toString() } : {}),
    message,
    replayed,
  };
}
