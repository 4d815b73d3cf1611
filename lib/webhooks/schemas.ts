import { z } from "zod";
import { stepUpFields } from "@/lib/auth/step-up-fields";
import { WEBHOOK_EVENTS, type WebhookEvent } from "./events";

/** Settings → Webhooks: the endpoint and the events it receives. An empty URL turns signed webhooks off. */
export const updateWebhookSettingsSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2048, "The URL is too long")
      .refine((v) => !/[\u0000-\u001f\u007f\s]/.test(v), "The URL cannot contain spaces or control characters"),
    events: z
      .array(z.enum(WEBHOOK_EVENTS as unknown as [WebhookEvent, ...WebhookEvent[]], { error: "Unknown event" }))
      .max(WEBHOOK_EVENTS.length)
      .transform((es) => [...new Set(es)]),
  })
  .strict();
export type UpdateWebhookSettingsInput = z.input<typeof updateWebhookSettingsSchema>;

/** Reveal and rotate ask for the password again (step-up); rotate also needs an explicit confirmation. */
export const revealWebhookSecretSchema = z.object({ ...stepUpFields }).strict();
export const rotateWebhookSecretSchema = z
  .object({ confirm: z.literal(true, { error: "Confirm that the old secret stops working" }), ...stepUpFields })
  .strict();

export const deliveryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown delivery");
export const resendDeliverySchema = z.object({ deliveryId: deliveryIdSchema }).strict();

/** "Resend all failed" over the log's date range (and event filter). */
export const resendFailedSchema = z
  .object({
    from: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
    to: z.iso.datetime({ offset: true }).transform((v) => new Date(v)).optional(),
    event: z.array(z.string().max(60).regex(/^[a-z._]+$/)).max(30).optional(),
  })
  .strict();
