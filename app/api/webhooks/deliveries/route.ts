import { gatedRoute } from "@/lib/auth/guard";
import { deliveriesListSchema } from "@/lib/webhooks/deliveries-contract-schema";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";

/** A page of the webhook log (one row per attempt, newest first): search, status, event, dates, paging. */
export const GET = gatedRoute("settings.manage", deliveriesListSchema, async ({ db, scope, input }) => listWebhookDeliveries(db, scope, input));
