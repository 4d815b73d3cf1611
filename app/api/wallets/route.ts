import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getWalletsOverview } from "@/lib/wallets/list-wallets";

/** The Wallets page data: every wallet in this environment, the one the market selects, the summary cards. */
export const GET = gatedRoute("wallets.read", z.object({}), async ({ db, scope }) => getWalletsOverview(db, scope));
