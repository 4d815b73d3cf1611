import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { actorOf, type Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, ValidationError } from "@/lib/auth/errors";
import { auditedBy, auditRefusals, writeAudit } from "@/lib/audit/write-audit";
import { requestHash } from "@/lib/ledger/idempotency";
import { withLedgerRetry, type Tx } from "@/lib/ledger/ledger";
import { formatMoney } from "@/lib/money";
import { quote, type FeeBearer } from "./fees";
import {
  created, feeRuleFor, findPrevious, insertEngineTransaction, parseEngineAmount, resolveMobileRecipient, resolveWallet,
  type CreatedTransaction,
} from "./new-transaction";
import type { Origin } from "./create-payout";
import { reserveLinkUse } from "./link-usage";
import { expiryFromNow, recordTransactionCreated, scheduleProcessing } from "./process-transaction";
import { NO_PROVIDER_MESSAGE, providerFor } from "./providers";
import type { newCollectionSchema } from "./schemas";

export type CreateCollectionInput = z.output<typeof newCollectionSchema> & {
  channel?: "MOBILE_MONEY" | "PAYMENT_LINK";
  /** A payment on a link's checkout: the link's use is reserved in the same transaction (link-usage.ts). */
  paymentLinkId?: string;
  /** What a checkout payer typed about themselves: kept on the transaction, and on the customer when the number is new. */
  payer?: { firstName?: string; lastName?: string; email?: string };
};

export const COLLECTION_CREATED_MESSAGE = "Deposit request sent successfully";

/**
 * New Collection (mobile-money STK push, §3.6): creates a PENDING deposit for one of the
 * integrator's customers or a typed number and asks the network; nothing moves until the network
 * says SUCCESSFUL, when the deposit balance is credited (less the fee when the wallet bears it).
 * Payment links call this too (channel PAYMENT_LINK).
 */
export async function createCollection(
  db: Db,
  scope: Scope,
  input: CreateCollectionInput,
  meta?: Partial<RequestMeta>,
  origin: Origin = "dashboard",
): Promise<CreatedTransaction> {
  if (!providerFor(scope.environment)) throw new ConflictError(NO_PROVIDER_MESSAGE);
  return auditRefusals(
    db,
    {
      ...auditedBy(scope, meta),
      action: "collection.created",
      targetType: "transaction",
      targetId: input.referenceId || "-",
      metadata: { amount: input.amount.slice(0, 64), currency: scope.market.currency },
    },
    () => withLedgerRetry(() => db.transaction((tx) => collectionInTx(tx, scope, input, meta, origin))),
  );
}

async function collectionInTx(tx: Tx, scope: Scope, input: CreateCollectionInput, meta: Partial<RequestMeta> | undefined, origin: Origin): Promise<CreatedTransaction> {
  const wallet = await resolveWallet(tx, scope, input.walletId || undefined);
  const rule = await feeRuleFor(tx, wallet.currency, "collection", "MOBILE_MONEY");
  const amount = parseEngineAmount(input.amount, wallet.currency, rule, "collection");
  const recipient = await resolveMobileRecipient(tx, scope, input, input.payer);

  const referenceId = input.referenceId || null;
  const hash = requestHash({
    op: "collection",
    environment: scope.environment,
    walletId: wallet.id,
    amount: amount.toString(),
    customerId: recipient.customerId,
    network: recipient.network,
    referenceId,
    description: input.description || null,
    callbackUrl: input.callbackUrl || null,
    paymentLinkId: input.paymentLinkId ?? null,
    ...(input.payer ? { payer: JSON.stringify(input.payer) } : {}),
  });
  const previous = await findPrevious(tx, scope, "collection", { idempotencyKey: input.idempotencyKey, referenceId, requestHash: hash });
  if (previous) return created(previous, COLLECTION_CREATED_MESSAGE, true);
  if (input.paymentLinkId) await reserveLinkUse(tx, scope, input.paymentLinkId);

  const q = quote("collection", rule, amount, wallet.currency, wallet.collectionFeeBearer as FeeBearer);
  if (q.walletAmount <= 0n) {
    const msg = `The amount must be more than the fee (${formatMoney(q.fee, wallet.currency)})`;
    throw new ValidationError(msg, { amount: [msg] });
  }
  const actor = actorOf(scope);
  const row = await insertEngineTransaction(tx, scope, {
    kind: "collection",
    channel: input.channel ?? "MOBILE_MONEY",
    status: "PENDING",
    referenceId,
    wallet,
    recipient,
    amount,
    quote: q,
    request: { ...input, requestHash: hash },
    origin,
    createdBy: actor.userId,
    expiresAt: expiryFromNow(),
    paymentLinkId: input.paymentLinkId,
    metadata: input.payer ? { payer: input.payer } : undefined,
  });

  await recordTransactionCreated(tx, row, `Requested by ${actor.email ?? "an API key"}`);
  await scheduleProcessing(tx, row);
  await writeAudit(tx, {
    ...auditedBy(scope, meta),
    action: "collection.created",
    targetType: "transaction",
    targetId: row.id,
    metadata: { referenceId: row.referenceId, amount: amount.toString(), fee: q.fee.toString(), currency: wallet.currency, network: recipient.network },
  });
  return created(row, COLLECTION_CREATED_MESSAGE, false);
}
