import { apiRoute } from "@/lib/auth/guard";
import { MESSAGES } from "@/lib/api-v3/schemas";
import { toFiatWalletDto } from "@/lib/api-v3/dto";
import { getWalletsOverview } from "@/lib/wallets/list-wallets";

/** GET /api/v3/wallet/fiat: every fiat wallet of the integrator in the key's environment (all markets). */
export const GET = apiRoute({ permission: "wallets.read", tier: "read" }, async ({ db, scope }) => {
  const { wallets } = await getWalletsOverview(db, scope);
  return { message: MESSAGES.walletsRetrieved, data: wallets.map((w) => toFiatWalletDto(w, scope.integratorId)) };
});
