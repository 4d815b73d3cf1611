import { apiRoute } from "@/lib/auth/guard";
import {
  amountToDecimalString,
  createWithdrawalBody,
  fieldError,
  MESSAGES,
  parseServiceInput,
  WITHDRAW_FIELDS,
} from "@/lib/api-v3/schemas";
import { toWithdrawResponse } from "@/lib/api-v3/dto";
import { asApi, findCustomerByKey, idempotencyKeyOf, walletAndScope } from "@/lib/api-v3/wallet-scope";
import { COUNTRIES } from "@/lib/markets";
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
    const customer = await findCustomerByKey(db, scope, body.customer_key);
    const { scope: walletScope, wallet } = await walletAndScope(db, scope, body.walletId, {
      preferCountry: customer.countryCode,
    });
    if (body.currency !== undefined && body.currency.toUpperCase() !== wallet.currency) {
      throw fieldError("currency", `must be the wallet's currency (${wallet.currency})`);
    }
    if (customer.countryCode !== walletScope.market.country) {
      const name = (c: string) => COUNTRIES[c]?.name ?? c;
      throw fieldError(
        "customer_key",
        `is a customer in ${name(customer.countryCode)}; this wallet serves ${name(walletScope.market.country)}`,
      );
    }
    const amount = amountToDecimalString(body.amount, wallet.currency);
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
