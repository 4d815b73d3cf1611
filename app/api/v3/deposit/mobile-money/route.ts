import { apiRoute } from "@/lib/auth/guard";
import {
  amountToDecimalString,
  createDepositBody,
  DEPOSIT_FIELDS,
  fieldError,
  MESSAGES,
  parseServiceInput,
} from "@/lib/api-v3/schemas";
import { toDepositResponse } from "@/lib/api-v3/dto";
import { asApi, findCustomerByKey, idempotencyKeyOf, walletAndScope } from "@/lib/api-v3/wallet-scope";
import { COUNTRIES } from "@/lib/markets";
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
    const customer = await findCustomerByKey(db, scope, body.customer_key);
    const { scope: walletScope, wallet } = await walletAndScope(db, scope, body.wallet_id, {
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
