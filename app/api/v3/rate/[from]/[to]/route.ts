import { apiRoute } from "@/lib/auth/guard";
import { MESSAGES, rateParams } from "@/lib/api-v3/schemas";
import { sandboxRate } from "@/lib/api-v3/rates";

/** GET /api/v3/rate/{from}/{to} (§3.14): any valid key; units of `to` one `from` buys. */
export const GET = apiRoute(
  { permission: null, tier: "read", params: rateParams, notFoundMessage: MESSAGES.rateNotFound },
  async ({ params }) => ({
    message: MESSAGES.rate,
    data: sandboxRate(params.from, params.to),
  }),
);
