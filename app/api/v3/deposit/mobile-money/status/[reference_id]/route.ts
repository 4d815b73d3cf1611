import { apiRoute } from "@/lib/auth/guard";
import { MESSAGES, referenceParams } from "@/lib/api-v3/schemas";
import { toDepositStatusDto } from "@/lib/api-v3/dto";
import { findTransactionByReference } from "@/lib/api-v3/wallet-scope";

/** GET /api/v3/deposit/mobile-money/status/{reference_id}: by our reference or the telco's receipt id (§1.6). */
export const GET = apiRoute(
  {
    permission: "collections.read",
    tier: "read",
    params: referenceParams,
    notFoundMessage: MESSAGES.referenceNotFound,
  },
  async ({ db, scope, params }) => ({
    message: MESSAGES.depositStatus,
    data: toDepositStatusDto(await findTransactionByReference(db, scope, "collection", params.reference_id)),
  }),
);
