"use server";

import { gatedAction } from "@/lib/auth/guard";
import { createPaymentLink } from "./create-payment-link";
import { createPaymentLinkSchema, setLinkActiveSchema, updatePaymentLinkSchema } from "./schemas";
import { setLinkActive } from "./set-link-active";
import { updatePaymentLink } from "./update-payment-link";

/** "Create payment link" in the selected environment and market. */
export const createPaymentLinkAction = gatedAction(
  "payment_links.create",
  "payment_links.manage",
  createPaymentLinkSchema,
  async ({ db, scope, input, meta }) => createPaymentLink(db, scope, input, meta),
);

/** "Edit" a link (its short code never changes). */
export const updatePaymentLinkAction = gatedAction(
  "payment_links.update",
  "payment_links.manage",
  updatePaymentLinkSchema,
  async ({ db, scope, input, meta }) => updatePaymentLink(db, scope, input, meta),
);

/** "Deactivate" / "Reactivate". */
export const setPaymentLinkActiveAction = gatedAction(
  "payment_links.set_active",
  "payment_links.manage",
  setLinkActiveSchema,
  async ({ db, scope, input, meta }) => setLinkActive(db, scope, input, meta),
);
