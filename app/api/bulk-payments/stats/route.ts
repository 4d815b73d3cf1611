import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getBulkStats } from "@/lib/bulk-payments/bulk-stats";

/** The Bulk Payments stat cards (BulkPaymentStatsDto): batches, outcomes, success rate, figures per currency. */
export const GET = gatedRoute("bulk_payments.read", z.object({}), async ({ db, scope }) => getBulkStats(db, scope));
