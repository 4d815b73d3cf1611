import { apiRoute } from "@/lib/auth/guard";
import { MESSAGES, referenceParams } from "@/lib/api-v3/schemas";
import { toWithdrawStatusDto } from "@/lib/api-v3/dto";
import { findTransactionByReference } from "@/lib/api-v3/wallet-scope";

/** GET /api/v3/withdraw/status/{reference_id}: by our reference or the telco's receipt id (§1.6). */
export const GET = apiRoute(
  { permission: "payouts.read", tier: "read", params: referenceParams, notFoundMessage: MESSAGES.referenceNotFound },
  async ({ db, scope, params }) => ({
    message: MESSAGES.withdrawalStatus,
    data: toWithdrawStatusDto(await findTransactionByReference(db, scope, "payout", params.reference_id)),
  }),
);
