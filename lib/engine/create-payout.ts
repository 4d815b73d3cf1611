import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, ValidationError } from "@/lib/auth/errors";
import { fiatWallets, payoutApprovals } from "@/lib/db/schema";
import { auditedBy, auditRefusals, writeAudit } from "@/lib/audit/write-audit";
import { requestHash } from "@/lib/ledger/idempotency";
import { withLedgerRetry, type Tx } from "@/lib/ledger/ledger";
import { COUNTRIES } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { findBank } from "./banks";
import { quote, type FeeBearer } from "./fees";
import {
  created, feeRuleFor, findPrevious, insertEngineTransaction, parseEngineAmount, resolveMobileRecipient, resolveWallet,
  type CreatedTransaction,
} from "./new-transaction";
import { expiryFromNow, recordTransactionCreated, scheduleProcessing } from "./process-transaction";
import { InsufficientPayoutBalance, postPayoutDebit } from "./postings";
import { NO_PROVIDER_MESSAGE, providerFor } from "./providers";
import { payoutChannelsOf, PAYOUT_CHANNEL_LABEL, type sendMoneySchema } from "./schemas";
import { AWAITING_APPROVAL } from "./statuses";
import { approvalThresholdOf } from "./approval-thresholds";
import { claimBulkItem } from "@/lib/bulk-payments/claim-bulk-item";
import type { z } from "zod";

export type Origin = "dashboard" | "api" | "payment_link" | "bulk";
export type CreatePayoutInput = z.output<typeof sendMoneySchema> & {
  /** A bulk payment's item: the payout is typed BULK, and the batch's approval (if it needed one) stands for it. */
  bulkItemId?: string;
};

export const PAYOUT_CREATED_MESSAGE = "Withdrawal request sent successfully";

/**
 * Send Money: a payout debits the payout balance by what it costs the wallet (amount + fee when the
 * wallet bears the fee) in the same database transaction that creates it, or is refused with both
 * figures. Then the network is asked (a job); at or above the currency's approval threshold it
 * waits for another member first, its debit reserved. A retried request (same idempotency key, or
 * the same reference with the same details) returns the first transaction and moves nothing.
 */
export async function createPayout(
  db: Db,
  scope: Scope,
  input: CreatePayoutInput,
  meta?: Partial<RequestMeta>,
  origin: Origin = "dashboard",
): Promise<CreatedTransaction> {
  if (!providerFor(scope.environment)) throw new ConflictError(NO_PROVIDER_MESSAGE);
  if (!payoutChannelsOf(scope.market.country).includes(input.channel)) {
    const msg = `${PAYOUT_CHANNEL_LABEL[input.channel]} payouts are not offered in ${COUNTRIES[scope.market.country]?.name ?? scope.market.country}`;
    throw new ValidationError(msg, { channel: [msg] });
  }
  return auditRefusals(
    db,
    {
      ...auditedBy(scope, meta),
      action: "payout.created",
      targetType: "transaction",
      targetId: input.referenceId || "-",
      metadata: { amount: input.amount.slice(0, 64), channel: input.channel, currency: scope.market.currency },
    },
    () => withLedgerRetry(() => db.transaction((tx) => payoutInTx(tx, scope, input, meta, origin))),
  );
}

async function payoutInTx(tx: Tx, scope: Scope, input: CreatePayoutInput, meta: Partial<RequestMeta> | undefined, origin: Origin): Promise<CreatedTransaction> {
  const wallet = await resolveWallet(tx, scope, input.walletId || undefined);
  const rule = await feeRuleFor(tx, wallet.currency, "payout", input.channel);
  const amount = parseEngineAmount(input.amount, wallet.currency, rule, "payout");

  // Who receives it.
  let recipient: { customerId: string | null; phoneNumber: string | null; network: string | null; details: Record<string, string> };
  if (input.channel === "MOBILE_MONEY") {
    const r = await resolveMobileRecipient(tx, scope, input);
    recipient = { ...r, details: { phoneNumber: r.phoneNumber } };
  } else if (input.channel === "BANK") {
    const bank = findBank(scope.market.country, input.bankCode ?? "");
    if (!bank) throw new ValidationError("Choose a bank from the list", { bankCode: ["Choose a bank from the list"] });
    recipient = {
      customerId: null,
      phoneNumber: null,
      network: null,
      details: { bankCode: bank.code, bankName: bank.name, accountNumber: input.accountNumber!, accountName: input.accountName! },
    };
  } else {
    recipient = {
      customerId: null,
      phoneNumber: null,
      network: null,
      details:
        input.channel === "PAYBILL"
          ? { paybillNumber: input.shortCode!, accountNumber: input.accountReference! }
          : { businessShortcode: input.shortCode!, ...(input.accountReference ? { accountReference: input.accountReference } : {}) },
    };
  }

  const referenceId = input.referenceId || null;
  const hash = requestHash({
    op: "payout",
    environment: scope.environment,
    walletId: wallet.id,
    channel: input.channel,
    amount: amount.toString(),
    recipient: recipient.customerId ?? JSON.stringify(recipient.details),
    referenceId,
    description: input.description || null,
    callbackUrl: input.callbackUrl || null,
  });
  const previous = await findPrevious(tx, scope, "payout", { idempotencyKey: input.idempotencyKey, referenceId, requestHash: hash });
  if (previous) return created(previous, PAYOUT_CREATED_MESSAGE, true);

  const q = quote("payout", rule, amount, wallet.currency, wallet.payoutFeeBearer as FeeBearer);
  if (q.transactionAmount <= 0n) {
    const msg = `The amount must be more than the fee (${formatMoney(q.fee, wallet.currency)})`;
    throw new ValidationError(msg, { amount: [msg] });
  }

  const threshold = await approvalThresholdOf(tx, scope, wallet.currency);
  const awaiting = !input.bulkItemId && threshold !== null && amount >= threshold;
  const actor = actorOf(scope);

  const row = await insertEngineTransaction(tx, scope, {
    kind: "payout",
    channel: input.bulkItemId ? "BULK" : input.channel,
    status: awaiting ? AWAITING_APPROVAL : "PENDING",
    referenceId,
    wallet,
    recipient,
    amount,
    quote: q,
    request: { ...input, requestHash: hash },
    origin,
    createdBy: actor.userId,
    // Armed now unless the payout waits for approval (then when it is approved).
    expiresAt: awaiting ? null : expiryFromNow(),
    metadata: { recipient: recipient.details },
    bulkItemId: input.bulkItemId,
  });

  if (input.bulkItemId) await claimBulkItem(tx, input.bulkItemId, row);

  // Everything else first, the debit last: the wallet's row lock (which every payout of this
  // wallet queues on) is then held only for the balance update, its ledger entries and the commit.
  const who = actor.email ?? "an API key";
  await recordTransactionCreated(
    tx,
    row,
    awaiting ? `Waiting for approval: at or above the ${formatMoney(threshold!, wallet.currency)} threshold (sent by ${who})` : `Sent by ${who}`,
  );
  if (awaiting) {
    await tx.insert(payoutApprovals).values({
      transactionId: row.id,
      integratorId: scope.integratorId,
      environment: scope.environment,
      requestedBy: actor.userId ?? "api",
      threshold: threshold!,
    });
  } else {
    await scheduleProcessing(tx, row);
  }

  await writeAudit(tx, {
    ...auditedBy(scope, meta),
    action: "payout.created",
    targetType: "transaction",
    targetId: row.id,
    metadata: {
      referenceId: row.referenceId,
      amount: amount.toString(),
      fee: q.fee.toString(),
      debit: q.walletAmount.toString(),
      currency: wallet.currency,
      channel: input.channel,
      awaitingApproval: awaiting,
    },
  });
  let balances;
  try {
    balances = await postPayoutDebit(
      tx,
      { transactionId: row.id, integratorId: scope.integratorId, environment: scope.environment, walletId: wallet.id, currency: wallet.currency, createdBy: actor.userId },
      q,
    );
  } catch (e) {
    if (!(e instanceof InsufficientPayoutBalance)) throw e;
    const [now] = await tx.select({ balance: fiatWallets.payoutBalance }).from(fiatWallets).where(eq(fiatWallets.id, wallet.id)).limit(1);
    const msg = `Insufficient payout balance: ${formatMoney(now?.balance ?? 0n, wallet.currency)} available, ${formatMoney(q.walletAmount, wallet.currency)} needed`;
    throw new ValidationError(msg, { amount: [msg] });
  }

  return created(row, PAYOUT_CREATED_MESSAGE, false, BigInt(balances.payout_balance));
}
