import { apiRoute } from "@/lib/auth/guard";
import { amountToDecimalString, MESSAGES, TRANSFER_FIELDS, transferDepositBalanceBody } from "@/lib/api-v3/schemas";
import { toFiatWalletDto } from "@/lib/api-v3/dto";
import { asApi, idempotencyKeyOf, walletAndScope } from "@/lib/api-v3/wallet-scope";
import { transferDepositBalanceAsRequested } from "@/lib/wallets/transfer-deposit-balance";
import { getWallet } from "@/lib/wallets/list-wallets";

/**
 * POST /api/v3/wallet/transfer/deposit-balance `{walletId, amount?}`: moves `amount` (major units;
 * left out = the entire deposit balance) to the payout balance, through the dashboard modal's own
 * service entry, and answers the wallet after the move. An `Idempotency-Key` header makes a retry
 * return the first answer instead of moving twice.
 */
export const POST = apiRoute(
  { permission: "wallets.transfer", tier: "money", body: transferDepositBalanceBody },
  async ({ db, scope, body, req, meta }) => {
    const idempotencyKey = idempotencyKeyOf(req);
    const { scope: walletScope, wallet } = await walletAndScope(db, scope, body.walletId);
    const amount = body.amount === undefined ? undefined : amountToDecimalString(body.amount, wallet.currency);
    await asApi(
      () => transferDepositBalanceAsRequested(db, walletScope, { walletId: wallet.id, amount, idempotencyKey }, meta),
      {
        fields: TRANSFER_FIELDS,
        notFound: MESSAGES.walletNotFound,
      },
    );
    const after = await asApi(() => getWallet(db, walletScope, wallet.id), { notFound: MESSAGES.walletNotFound });
    return { message: MESSAGES.transferred, data: toFiatWalletDto(after, scope.integratorId) };
  },
);
