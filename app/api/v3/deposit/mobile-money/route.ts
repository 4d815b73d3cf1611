import { apiRoute } from "@/lib/auth/guard";
import {
  createDepositBody,
  DEPOSIT_FIELDS,
  MESSAGES,
  parseServiceInput,
} from "@/lib/api-v3/schemas";
import { toDepositResponse } from "@/lib/api-v3/dto";
import { asApi, idempotencyKeyOf, resolveMoneyRequest } from "@/lib/api-v3/wallet-scope";
import { newCollectionSchema } from "@/lib/engine/schemas";
import { createCollection } from "@/lib/engine/create-collection";

/**
 * POST /api/v3/deposit/mobile-money (§3.6): an STK push to a customer for a fiat wallet, through
 * the engine's `createCollection` (origin "api") in the wallet's market. The same reference_id with
 * the same body returns the same deposit; with another body it is a 409.
 */
export const POST = apiRoute(
  { permission: "collections.create", tier: "money", body: createDepositBody },
  async ({ db, scope, body, req, meta }) => {
    const idempotencyKey = idempotencyKeyOf(req);
    const { customer, wallet, walletScope, amount } = await resolveMoneyRequest(db, scope, {
      customerKey: body.customer_key,
      walletId: body.wallet_id,
      currency: body.currency,
      amount: body.amount,
    });
    const input = parseServiceInput(
      newCollectionSchema,
      {
        walletId: wallet.id,
        customerId: customer.id,
        amount,
        referenceId: body.reference_id,
        callbackUrl: body.callback_url,
        idempotencyKey,
      },
      DEPOSIT_FIELDS,
    );
    const created = await asApi(() => createCollection(db, walletScope, input, meta, "api"), {
      fields: DEPOSIT_FIELDS,
      notFound: MESSAGES.walletNotFound,
    });
    return { message: MESSAGES.depositCreated, data: toDepositResponse(created, customer.customerKey) };
  },
);
