/**
 * A payment link's logo for its checkout: the stored bytes (PNG or JPEG, checked by content when
 * uploaded) with their type, never sniffed, and a CSP that lets nothing in it run.
 */
import { z } from "zod";
import { publicRoute } from "@/lib/auth/guard";
import { htmlResponse } from "@/lib/http/html";
import { getCheckoutLogo } from "@/lib/payment-links/get-checkout";
import { shortCodeSchema } from "@/lib/payment-links/schemas";
import { errorPage } from "@/lib/payment-links/checkout-html";

const paramsSchema = z.object({ shortCode: shortCodeSchema });
const renderError = (status: number, message: string) => htmlResponse(errorPage(status, message), status);
const IMAGE_TYPES = new Set(["image/png", "image/jpeg"]);

export const GET = publicRoute(paramsSchema, renderError, async ({ db, params }) => {
  const logo = await getCheckoutLogo(db, params.shortCode);
  if (!logo || !IMAGE_TYPES.has(logo.type)) return renderError(404, "Not found");
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.type,
      "content-length": String(logo.bytes.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
      "cache-control": "public, max-age=300",
    },
  });
});
