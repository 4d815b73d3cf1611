import { apiRoute } from "@/lib/auth/guard";
import {
  createWithdrawalBody,
  MESSAGES,
  parseServiceInput,
  WITHDRAW_FIELDS,
} from "@/lib/api-v3/schemas";
import { toWithdrawResponse } from "@/lib/api-v3/dto";
import { asApi, idempotencyKeyOf, resolveMoneyRequest } from "@/lib/api-v3/wallet-scope";
import { sendMoneySchema } from "@/lib/engine/schemas";
import { createPayout } from "@/lib/engine/create-payout";

/**
 * POST /api/v3/withdraw/mobile-money (§3.7): a mobile-money payout from a fiat wallet's payout
 * balance, through the engine's `createPayout` (channel MOBILE_MONEY, origin "api") in the wallet's
 * market. The same referenceId with the same body returns the same withdrawal; with another body it is a 409.
 */
export const POST = apiRoute(
  { permission: "payouts.create", tier: "money", body: createWithdrawalBody },
  async ({ db, scope, body, req, meta }) => {
    const idempotencyKey = idempotencyKeyOf(req);
    const { customer, wallet, walletScope, amount } = await resolveMoneyRequest(db, scope, {
      customerKey: body.customer_key,
      walletId: body.walletId,
      currency: body.currency,
      amount: body.amount,
    });
    const input = parseServiceInput(
      sendMoneySchema,
      {
        channel: "MOBILE_MONEY",
        walletId: wallet.id,
        customerId: customer.id,
        network: body.network,
        amount,
        referenceId: body.referenceId,
        callbackUrl: body.callbackUrl,
        idempotencyKey,
      },
      WITHDRAW_FIELDS,
    );
    const created = await asApi(() => createPayout(db, walletScope, input, meta, "api"), {
      fields: WITHDRAW_FIELDS,
      notFound: MESSAGES.walletNotFound,
    });
    return { message: MESSAGES.withdrawalCreated, data: toWithdrawResponse(created) };
  },
);
