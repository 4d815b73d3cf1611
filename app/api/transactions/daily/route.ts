import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { dailyChart } from "@/lib/transactions/daily-chart";

/** GET /api/transactions/daily: 30 days of collections and payouts (successful vs failed) for the market. */
export const GET = gatedRoute(["collections.read", "payouts.read"], z.object({}), async ({ db, scope }) =>
  dailyChart(db, scope),
);
