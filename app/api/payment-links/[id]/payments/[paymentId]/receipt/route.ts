import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { ConflictError } from "@/lib/auth/errors";
import { RECEIPT_NOT_SUCCESSFUL } from "@/lib/payment-links/link-payments-contract";
import { linkRouteIds } from "@/lib/payment-links/link-payments-contract-schema";
import { getDashboardReceipt } from "@/lib/payment-links/dashboard-receipt";
import { renderReceiptPdf } from "@/lib/payment-links/receipt-pdf";

/** GET /api/payment-links/{id}/payments/{paymentId}/receipt: a successful payment's receipt as a PDF download. */
export const GET = gatedRoute<z.ZodObject, { id: string; paymentId: string }>(
  "payment_links.read",
  z.object({}),
  async ({ db, scope, params }) => {
    const { id, paymentId } = linkRouteIds(params);
    const receipt = await getDashboardReceipt(db, scope, id, paymentId);
    if (receipt.outcome !== "successful") throw new ConflictError(RECEIPT_NOT_SUCCESSFUL);
    const pdf = await renderReceiptPdf(receipt);
    const filename = `receipt-${receipt.referenceId}.pdf`.replace(/[^A-Za-z0-9._-]/g, "_");
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}"`,
        "content-length": String(pdf.byteLength),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
);
