import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import { NotFoundError } from "@/lib/auth/errors";
import { integrators, paymentLinks, transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { isOpenStatus, SUCCESS_STATUS } from "@/lib/engine/statuses";
import { formatNationalPhone } from "@/lib/customers/format";
import type { PaymentLinkRecord } from "./link-dto";

/** One payment on a link as its payer and the merchant see it on the receipt. Money in minor units (strings). */
export interface LinkPaymentReceipt {
  paymentId: string;
  merchantName: string;
  linkName: string;
  shortCode: string;
  referenceId: string;
  referenceNumber: number;
  /** pending | successful | failed */
  outcome: "pending" | "successful" | "failed";
  status: string;
  /** Why it failed, in the network's words when it gave some. */
  reason: string | null;
  currency: string;
  amount: string;
  fee: string;
  /** What the payer was charged (amount plus the fee when the payer bears it). */
  totalPaid: string;
  network: string | null;
  /** The number paid from, masked but its last 3 digits (receipts get forwarded). */
  phoneMasked: string | null;
  payerName: string | null;
  createdAt: string;
  completedAt: string | null;
  sandbox: boolean;
}

type ReceiptRow = typeof t.$inferSelect;

function maskPhone(e164: string | null, country: string): string | null {
  if (!e164) return null;
  const national = formatNationalPhone(e164, country);
  let keep = 3;
  let out = "";
  for (let i = national.length - 1; i >= 0; i--) {
    const ch = national[i];
    if (/\d/.test(ch) && keep > 0) {
      out = ch + out;
      keep--;
    } else out = (/\d/.test(ch) ? "•" : ch) + out;
  }
  return out;
}

export function toReceipt(row: ReceiptRow, link: Pick<PaymentLinkRecord, "name" | "shortCode">, merchantName: string): LinkPaymentReceipt {
  const payer = (row.metadata as { payer?: { firstName?: string; lastName?: string } } | null)?.payer;
  const payerName = [payer?.firstName, payer?.lastName].filter(Boolean).join(" ") || null;
  const outcome = row.status === SUCCESS_STATUS ? "successful" : isOpenStatus(row.status) ? "pending" : "failed";
  return {
    paymentId: row.id,
    merchantName,
    linkName: link.name,
    shortCode: link.shortCode,
    referenceId: row.referenceId,
    referenceNumber: row.referenceNumber,
    outcome,
    status: row.status,
    reason: outcome === "failed" ? (row.errorMessage ?? `The payment was ${row.status.toLowerCase().replace(/_/g, " ")}`) : null,
    currency: row.currency,
    amount: row.amount.toString(),
    fee: row.fee.toString(),
    totalPaid: row.transactionAmount.toString(),
    network: row.network,
    phoneMasked: maskPhone(row.phoneNumber, row.country),
    payerName,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    sandbox: row.environment === "sandbox",
  };
}

/**
 * A payment as its payer's waiting page sees it: by the link's short code and the payment's id
 * (96 random bits, known only to whoever started it). Null when the pair does not match.
 */
export async function getCheckoutPayment(db: Db, shortCode: string, paymentId: string): Promise<LinkPaymentReceipt | null> {
  const [row] = await db
    .select({ tx: t, link: { name: paymentLinks.name, shortCode: paymentLinks.shortCode }, merchant: integrators.organization })
    .from(t)
    .innerJoin(paymentLinks, eq(paymentLinks.id, t.paymentLinkId))
    .innerJoin(integrators, eq(integrators.id, t.integratorId))
    .where(and(eq(t.id, paymentId), eq(paymentLinks.shortCode, shortCode), eq(t.kind, "collection")))
    .limit(1);
  return row ? toReceipt(row.tx, row.link, row.merchant) : null;
}

/** A link payment's receipt in the dashboard (the link of the selected market; another's is not found). */
export async function getLinkPaymentReceipt(db: Db, scope: Scope, linkId: string, paymentId: string): Promise<LinkPaymentReceipt> {
  const [row] = await db
    .select({ tx: t, link: { name: paymentLinks.name, shortCode: paymentLinks.shortCode } })
    .from(t)
    .innerJoin(paymentLinks, eq(paymentLinks.id, t.paymentLinkId))
    .where(and(inScope(t, scope), eq(t.id, paymentId), eq(t.kind, "collection"), eq(t.paymentLinkId, linkId), inScope(paymentLinks, scope, { market: true })))
    .limit(1);
  if (!row) throw new NotFoundError("Payment not found.");
  return toReceipt(row.tx, row.link, scope.organization);
}
