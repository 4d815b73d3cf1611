/** A successful checkout payment's receipt as a PDF download (the success page links here). */
import { z } from "zod";
import { publicRoute } from "@/lib/auth/guard";
import { htmlResponse } from "@/lib/http/html";
import { getCheckoutPayment } from "@/lib/payment-links/receipt";
import { renderReceiptPdf } from "@/lib/payment-links/receipt-pdf";
import { shortCodeSchema } from "@/lib/payment-links/schemas";
import { errorPage } from "@/lib/payment-links/checkout-html";

const paramsSchema = z.object({ shortCode: shortCodeSchema, paymentId: z.string().regex(/^[0-9a-f]{24}$/) });
const renderError = (status: number, message: string) => htmlResponse(errorPage(status, message), status);

const NO_RECEIPT_YET = "The receipt is available once the payment is successful.";

export const GET = publicRoute(paramsSchema, renderError, async ({ db, params }) => {
  const receipt = await getCheckoutPayment(db, params.shortCode, params.paymentId);
  if (!receipt) return renderError(404, "Not found");
  if (receipt.outcome !== "successful") return renderError(409, NO_RECEIPT_YET);
  const pdf = await renderReceiptPdf(receipt);
  // Reference ids are [A-Za-z0-9._-]; anything else would not belong in a header.
  const name = `receipt-${receipt.referenceId.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf`;
  return new Response(Buffer.from(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}"`,
      "content-length": String(pdf.byteLength),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
