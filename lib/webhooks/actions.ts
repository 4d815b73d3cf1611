"use server";

import { z } from "zod";
import { gatedAction } from "@/lib/auth/guard";
import { updateWebhookSettings } from "./update-webhook-settings";
import { rotateWebhookSecret } from "./rotate-webhook-secret";
import { revealWebhookSecret } from "./reveal-webhook-secret";
import { sendTestEvent } from "./send-test-event";
import { resendDelivery, resendFailedDeliveries } from "./resend-webhook";
import { resendDeliverySchema, resendFailedSchema, revealWebhookSecretSchema, rotateWebhookSecretSchema, updateWebhookSettingsSchema } from "./schemas";

/** Settings → Webhooks → Save (URL checked against the SSRF guard; https in production). */
export const updateWebhookSettingsAction = gatedAction("webhooks.update", "settings.manage", updateWebhookSettingsSchema, async ({ db, scope, input, meta }) =>
  updateWebhookSettings(db, scope, input, meta),
);

/** Generate / rotate the signing secret (password again, and an explicit confirmation). */
export const rotateWebhookSecretAction = gatedAction("webhooks.rotate_secret", "settings.manage", rotateWebhookSecretSchema, async ({ db, scope, input, meta }) =>
  rotateWebhookSecret(db, scope, input, new Date(), meta),
);

/** Reveal the signing secret (password again). */
export const revealWebhookSecretAction = gatedAction("webhooks.reveal_secret", "settings.manage", revealWebhookSecretSchema, async ({ db, scope, input, meta }) =>
  revealWebhookSecret(db, scope, input, new Date(), meta),
);

/** "Send test event". */
export const sendTestEventAction = gatedAction("webhooks.send_test", "settings.manage", z.object({}).strict(), async ({ db, scope, meta }) =>
  sendTestEvent(db, scope, new Date(), meta),
);

/** "Resend" one delivery from the log. */
export const resendDeliveryAction = gatedAction("webhooks.resend", "settings.manage", resendDeliverySchema, async ({ db, scope, input, meta }) =>
  resendDelivery(db, scope, input, meta),
);

/** "Resend all failed" in the log's range. */
export const resendFailedDeliveriesAction = gatedAction("webhooks.resend_failed", "settings.manage", resendFailedSchema, async ({ db, scope, input, meta }) =>
  resendFailedDeliveries(db, scope, input, meta),
);
