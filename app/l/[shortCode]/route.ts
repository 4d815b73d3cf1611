/**
 * A payment link's hosted checkout, /l/{shortCode}: plain server-rendered HTML, no client
 * JavaScript (lib/payment-links/checkout-html.ts). GET shows the form; the form posts here.
 *
 * The idempotency key on a re-rendered form: it stands for "this payer's one intent to pay".
 * - A field error (the zod parse or the service's ValidationError with fieldErrors) gets a NEW key.
 *   The refused request created nothing, so nothing is lost; and the payer is about to change
 *   the values: sent under the old key they would be "a different request" for any payment that
 *   an earlier press of the same form did start (a double click where one press got through, a
 *   page restored by Back), a dead end the payer cannot get out of.
 * - Anything else (the throttle's 429, "still being processed", a refusal, a message without a
 *   field) keeps the SAME key: the values are unchanged and pressing Pay again is the same intent.
 *   If an earlier press did start the payment (the second click of a double submit was the one
 *   throttled or told to wait), the retry replays it (the same payment, 303 to its page) instead
 *   of charging the payer twice.
 * - The one conflict that means "this key already started a different payment" gets a new key
 *   for the same reason as a field error.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { publicRoute, zodFieldErrors } from "@/lib/auth/guard";
import { ConflictError, RateLimitError, ValidationError } from "@/lib/auth/errors";
import { readFormBody } from "@/lib/http/read-form-body";
import { htmlResponse } from "@/lib/http/html";
import { IDEMPOTENCY_KEY_RE } from "@/lib/ledger/idempotency-key";
import { getCheckout } from "@/lib/payment-links/get-checkout";
import { payPaymentLink } from "@/lib/payment-links/pay-payment-link";
import { checkoutPaySchema, LINK_DEACTIVATED, LINK_EXPIRED, LINK_USED_UP, shortCodeSchema } from "@/lib/payment-links/schemas";
import { CHECKOUT_FIELDS, checkoutPage, errorPage, paymentPath, type CheckoutFormState } from "@/lib/payment-links/checkout-html";

const paramsSchema = z.object({ shortCode: shortCodeSchema });
const renderError = (status: number, message: string) => htmlResponse(errorPage(status, message), status);

/** The engine's refusal of a key already used with other values (lib/engine/new-transaction.ts findPrevious). */
const KEY_USED_FOR_ANOTHER_REQUEST = "This form was already used for another request. Close it and start again.";
const STILL_PROCESSING = "A request with this idempotency key is still being processed. Try again in a moment.";

/** Conflicts a payer may read as they are; any other (a wallet's state, a provider) is the merchant's business. */
const PAYER_MESSAGES: Record<string, string> = {
  [LINK_EXPIRED]: LINK_EXPIRED,
  [LINK_USED_UP]: LINK_USED_UP,
  [LINK_DEACTIVATED]: LINK_DEACTIVATED,
  [STILL_PROCESSING]: "Your payment is still being started. Wait a moment, then press Pay again.",
  [KEY_USED_FOR_ANOTHER_REQUEST]: "This form was already used for a different payment. Check the details and press Pay again.",
};
const CANNOT_PAY_NOW = "This payment can't be started right now. Please try again later.";

export const GET = publicRoute(paramsSchema, renderError, async ({ db, params, req }) => {
  // Next answers HEAD with this handler too: a HEAD (a link checker, a preview bot) is not a view.
  const view = await getCheckout(db, params.shortCode, { countView: req.method === "GET" });
  if (!view) return renderError(404, "Not found");
  return htmlResponse(checkoutPage(view, { idempotencyKey: randomUUID() }));
});

export const POST = publicRoute(paramsSchema, renderError, async ({ db, params, req, meta }) => {
  const form = await readFormBody(req);
  const values: CheckoutFormState["values"] = {};
  for (const field of CHECKOUT_FIELDS) if (typeof form[field] === "string") values[field] = form[field];
  const sentKey = (form.idempotencyKey ?? "").trim();
  const sameKey = IDEMPOTENCY_KEY_RE.test(sentKey) ? sentKey : randomUUID();

  /** The form again, as the payer filled it, with the link as it is now (a refusal replaces the form). */
  const again = async (status: number, state: Omit<CheckoutFormState, "values">, headers?: Record<string, string>) => {
    const view = await getCheckout(db, params.shortCode);
    if (!view) return renderError(404, "Not found");
    return htmlResponse(checkoutPage(view, { values, ...state }), status, headers);
  };

  // The path names the link: a shortCode in the body cannot send the payment to another one.
  const parsed = checkoutPaySchema.safeParse({ ...form, shortCode: params.shortCode });
  if (!parsed.success) {
    const { message, fieldErrors } = zodFieldErrors(parsed.error);
    const onFields = Object.keys(fieldErrors).some((k) => (CHECKOUT_FIELDS as readonly string[]).includes(k));
    return again(400, {
      fieldErrors,
      message: onFields ? null : message,
      idempotencyKey: onFields ? randomUUID() : sameKey,
    });
  }

  try {
    const paid = await payPaymentLink(db, parsed.data, meta);
    // 303: the browser GETs the payment's page; Back and reload never post the form again.
    return new Response(null, {
      status: 303,
      headers: { location: paymentPath(params.shortCode, paid.paymentId), "cache-control": "no-store" },
    });
  } catch (e) {
    if (e instanceof ValidationError) {
      if (e.fieldErrors && Object.keys(e.fieldErrors).length > 0) {
        return again(400, { fieldErrors: e.fieldErrors, idempotencyKey: randomUUID() });
      }
      return again(400, { message: e.message, idempotencyKey: sameKey });
    }
    if (e instanceof RateLimitError) {
      return again(429, { message: e.message, idempotencyKey: sameKey }, { "retry-after": String(e.retryAfterSeconds) });
    }
    if (e instanceof ConflictError) {
      const fresh = e.message === KEY_USED_FOR_ANOTHER_REQUEST;
      return again(409, { message: PAYER_MESSAGES[e.message] ?? CANNOT_PAY_NOW, idempotencyKey: fresh ? randomUUID() : sameKey });
    }
    throw e;
  }
});
