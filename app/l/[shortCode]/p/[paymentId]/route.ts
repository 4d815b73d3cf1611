/**
 * A checkout payment's page, /l/{shortCode}/p/{paymentId}, where Pay lands (303): waiting for the
 * payer's approval (it reloads itself every few seconds, no JavaScript), then the receipt or the
 * failure. The payment id (96 random bits) is known only to whoever started the payment.
 */
import { z } from "zod";
import { publicRoute } from "@/lib/auth/guard";
import { htmlResponse } from "@/lib/http/html";
import { getCheckout } from "@/lib/payment-links/get-checkout";
import { getCheckoutPayment } from "@/lib/payment-links/receipt";
import { shortCodeSchema } from "@/lib/payment-links/schemas";
import { errorPage, failedPage, successPage, waitingPage } from "@/lib/payment-links/checkout-html";

const paramsSchema = z.object({ shortCode: shortCodeSchema, paymentId: z.string().regex(/^[0-9a-f]{24}$/) });
const renderError = (status: number, message: string) => htmlResponse(errorPage(status, message), status);

export const GET = publicRoute(paramsSchema, renderError, async ({ db, params }) => {
  const receipt = await getCheckoutPayment(db, params.shortCode, params.paymentId);
  if (!receipt) return renderError(404, "Not found");
  // The link's brand (not counted as a view of the checkout).
  const brand = (await getCheckout(db, params.shortCode)) ?? undefined;
  switch (receipt.outcome) {
    case "successful":
      return htmlResponse(successPage(receipt, brand));
    case "failed":
      return htmlResponse(failedPage(receipt, brand));
    default:
      return htmlResponse(waitingPage(receipt, brand));
  }
});
