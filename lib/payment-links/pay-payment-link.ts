import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { createCollection } from "@/lib/engine/create-collection";
import { formatMoney, parseAmount, toDecimalString } from "@/lib/money";
import { checkoutScope } from "./checkout-scope";
import { throttleCheckout } from "./checkout-throttle";
import { findLinkByCode } from "./get-checkout";
import { linkStatus, refusalOf } from "./link-status";
import { checkRange } from "./link-values";
import type { PaymentLinkRecord } from "./link-dto";
import { DEFAULT_CUSTOMER_FIELDS, ENABLED_LINK_METHODS, LINK_NOT_FOUND, METHOD_NOT_ENABLED, type checkoutPaySchema, type LinkMethod } from "./schemas";

type PayInput = z.output<typeof checkoutPaySchema>;

export interface CheckoutPayment {
  /** The collection's id: the waiting page's address (/l/{code}/p/{id}); 96 random bits. */
  paymentId: string;
  referenceId: string;
  status: string;
}

/**
 * "Pay" on the public checkout: throttled per IP and per link, checked against the link (can it
 * be paid now, the method, the amount its pricing allows, the customer fields it asks for), then
 * an ordinary collection through the engine in the link's scope (channel PAYMENT_LINK), which
 * reserves one of the link's uses under the link's row lock. The same form sent twice (its
 * idempotency key) is the same payment.
 */
export async function payPaymentLink(db: Db, input: PayInput, meta: RequestMeta, now = new Date()): Promise<CheckoutPayment> {
  const found = await findLinkByCode(db, input.shortCode);
  if (!found) throw new NotFoundError(LINK_NOT_FOUND);
  const { link, organization } = found;
  await throttleCheckout(db, link.id, meta.ip, now);

  const refusal = refusalOf(linkStatus(link, now));
  if (refusal) throw new ConflictError(refusal);
  const method = (input.method || "MOBILE_MONEY") as LinkMethod;
  if (!link.paymentMethods.includes(method) || !ENABLED_LINK_METHODS.includes(method)) {
    throw new ValidationError(METHOD_NOT_ENABLED, { method: [METHOD_NOT_ENABLED] });
  }
  const amount = amountToPay(link, input);
  const payer = payerDetails(link, input);

  const created = await createCollection(
    db,
    checkoutScope(link, organization),
    {
      amount: toDecimalString(amount, link.currency),
      phoneNumber: input.phoneNumber,
      network: input.network || undefined,
      description: link.name.slice(0, 200),
      callbackUrl: link.callbackUrl ?? undefined,
      idempotencyKey: input.idempotencyKey,
      referenceId: undefined,
      channel: "PAYMENT_LINK",
      paymentLinkId: link.id,
      payer,
    },
    meta,
    "payment_link",
  );
  return { paymentId: created.id, referenceId: created.referenceId, status: created.status };
}

/** The amount the link's pricing gives for this form: its fixed amount, a package, or a typed amount in range. */
function amountToPay(link: PaymentLinkRecord, input: PayInput): bigint {
  const fail = (field: string, message: string): never => {
    throw new ValidationError(message, { [field]: [message] });
  };
  switch (link.pricing) {
    case "FIXED":
      return link.amount ?? fail("amount", "This link has no amount");
    case "PACKAGE": {
      const i = input.packageIndex ? Number(input.packageIndex) : NaN;
      const tier = Number.isInteger(i) ? link.packages?.[i] : undefined;
      return tier ? BigInt(tier.amount) : fail("packageIndex", "Choose a package");
    }
    default: {
      const parsed = parseAmount(input.amount ?? "", link.currency);
      if (!parsed.ok) return fail("amount", parsed.error);
      const outside = checkRange(parsed.minor, link.minAmount, link.maxAmount);
      if (outside) {
        const range = [link.minAmount, link.maxAmount].map((v) => (v === null ? null : formatMoney(v, link.currency)));
        const detail = range[0] && range[1] ? `: between ${range[0]} and ${range[1]}` : range[0] ? `: at least ${range[0]}` : `: at most ${range[1]}`;
        fail("amount", `${outside}${detail}`);
      }
      return parsed.minor;
    }
  }
}

/** The customer fields as the link asks for them: a required one must be there, a hidden one is ignored. */
function payerDetails(link: PaymentLinkRecord, input: PayInput): { firstName?: string; lastName?: string; email?: string } {
  const fields = link.customerFields ?? DEFAULT_CUSTOMER_FIELDS;
  const errors: Record<string, string[]> = {};
  const take = (key: "name" | "email" | "phone", value: string | undefined, message: string) => {
    if (fields[key] === "HIDDEN") return undefined;
    if (fields[key] === "REQUIRED" && !value) errors[key] = [message];
    return value || undefined;
  };
  const name = take("name", input.name, "Enter your name");
  const email = take("email", input.email, "Enter your email address");
  // Mobile money always needs the number, whatever the link says.
  if (!input.phoneNumber) errors.phoneNumber = ["Enter the mobile money number to pay from"];
  if (Object.keys(errors).length) throw new ValidationError(Object.values(errors)[0][0], errors);
  const [firstName, ...rest] = (name ?? "").split(/\s+/).filter(Boolean);
  return { ...(firstName ? { firstName, lastName: rest.join(" ") || undefined } : {}), ...(email ? { email } : {}) };
}
