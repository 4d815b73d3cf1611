import { apiRoute } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { MESSAGES, toIso2, walletCurrencyParams, walletCurrencyQuery } from "@/lib/api-v3/schemas";
import { toFiatWalletDto } from "@/lib/api-v3/dto";
import { marketOfCurrency } from "@/lib/api-v3/wallet-scope";
import { getWalletsOverview } from "@/lib/wallets/list-wallets";

/**
 * GET /api/v3/wallet/fiat/currency/{currency}?country=: the wallet the dashboard's market selector
 * picks for that currency and country (the exact country first, then a currency-wide wallet).
 * Without a country: the integrator's market with that currency, or else the country of one of its
 * wallets in that currency.
 */
export const GET = apiRoute(
  {
    permission: "wallets.read",
    tier: "read",
    params: walletCurrencyParams,
    query: walletCurrencyQuery,
    notFoundMessage: MESSAGES.walletNotFound,
  },
  async ({ db, scope, params, query }) => {
    const currency = params.currency.toUpperCase();
    const country = query.country ? (toIso2(query.country) ?? undefined) : undefined;
    let overview = await getWalletsOverview(db, { ...scope, market: marketOfCurrency(scope, currency, country) });
    if (!overview.selectedWalletId && !country) {
      const other = overview.wallets.find((w) => w.currency === currency && w.country);
      if (other) overview = await getWalletsOverview(db, { ...scope, market: { currency, country: other.country! } });
    }
    const wallet = overview.wallets.find((w) => w.id === overview.selectedWalletId);
    if (!wallet) throw new NotFoundError(MESSAGES.walletNotFound);
    return { message: MESSAGES.walletRetrieved, data: toFiatWalletDto(wallet, scope.integratorId) };
  },
);
