import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { listPayoutApprovals } from "@/lib/engine/list-payout-approvals";

/** GET /api/payouts/approvals: payouts of the selected currency waiting for a second member. */
export const GET = gatedRoute("payouts.read", z.object({}), async ({ db, scope }) => listPayoutApprovals(db, scope));
