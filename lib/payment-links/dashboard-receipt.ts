import "server-only";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { getLinkPaymentReceipt, type LinkPaymentReceipt } from "./receipt";
import { getLinkPaymentRow } from "./list-link-payments";

/**
 * A link payment's receipt as the dashboard prints it and downloads it (lib/payment-links/receipt.ts),
 * the payer's name falling back to the customer on record when the checkout did not ask for one,
 * as the payments table shows it. Another link's payment, or another integrator's or market's
 * link, is NotFoundError.
 */
export async function getDashboardReceipt(db: Db, scope: Scope, linkId: string, paymentId: string): Promise<LinkPaymentReceipt> {
  const [receipt, row] = await Promise.all([
    getLinkPaymentReceipt(db, scope, linkId, paymentId),
    getLinkPaymentRow(db, scope, linkId, paymentId),
  ]);
  return { ...receipt, payerName: receipt.payerName ?? row.customerName };
}
