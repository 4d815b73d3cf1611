import { apiRoute } from "@/lib/auth/guard";
import { MESSAGES, walletIdParams } from "@/lib/api-v3/schemas";
import { toFiatWalletDto } from "@/lib/api-v3/dto";
import { asApi, scopeForWallet } from "@/lib/api-v3/wallet-scope";
import { getWallet } from "@/lib/wallets/list-wallets";

/** GET /api/v3/wallet/fiat/{id}: one fiat wallet; another integrator's or environment's is "Wallet Not Found". */
export const GET = apiRoute(
  { permission: "wallets.read", tier: "read", params: walletIdParams, notFoundMessage: MESSAGES.walletNotFound },
  async ({ db, scope, params }) => {
    const walletScope = await scopeForWallet(db, scope, params.id);
    const wallet = await asApi(() => getWallet(db, walletScope, params.id), { notFound: MESSAGES.walletNotFound });
    return { message: MESSAGES.walletRetrieved, data: toFiatWalletDto(wallet, scope.integratorId) };
  },
);
