import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { deliveryRouteId } from "@/lib/webhooks/deliveries-contract";
import { getWebhookDelivery } from "@/lib/webhooks/get-webhook-delivery";

/** One attempt in full (request, response, error) with the other attempts of its delivery. A malformed or foreign id: 404 "Delivery not found". */
export const GET = gatedRoute<z.ZodObject, { id: string }>(
  "settings.manage",
  z.object({}),
  async ({ db, scope, params }) => getWebhookDelivery(db, scope, deliveryRouteId(params)),
);
