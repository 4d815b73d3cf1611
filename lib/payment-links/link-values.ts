import "server-only";
import type { z } from "zod";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/auth/errors";
import { parseAmount } from "@/lib/money";
import { checkLogo } from "./logo";
import {
  AMOUNT_OUT_OF_RANGE, ENABLED_LINK_METHODS, LINK_METHODS, type CustomerFields, type createPaymentLinkSchema, type LinkMethod,
} from "./schemas";

type LinkForm = z.output<typeof createPaymentLinkSchema>;

/** The columns a create or edit writes (the logo only when the form sent one or removed it). */
export interface LinkValues {
  name: string;
  description: string | null;
  linkType: string;
  pricing: string;
  currency: string;
  country: string;
  amount: bigint | null;
  minAmount: bigint | null;
  maxAmount: bigint | null;
  packages: { label: string; amount: string }[] | null;
  paymentMethods: LinkMethod[];
  usage: string;
  maxUses: number | null;
  customerFields: CustomerFields;
  callbackUrl: string | null;
  brandColor: string | null;
  expiresAt: Date | null;
  logo?: { data: string | null; type: string | null };
}

/**
 * The form → the row, checked against the selected market's currency: every amount parsed exactly
 * (field errors under the field that is wrong), a range whose minimum is not above its maximum,
 * the logo by its bytes. Throws one ValidationError with every field's message.
 */
export function linkValues(scope: Scope, input: LinkForm): LinkValues {
  const currency = scope.market.currency;
  const errors: Record<string, string[]> = {};
  const fail = (path: string, message: string) => void (errors[path] ??= []).push(message);
  const money = (path: string, text: string | undefined): bigint | null => {
    if (!text) return null;
    const parsed = parseAmount(text, currency);
    if (!parsed.ok) {
      fail(path, parsed.error);
      return null;
    }
    return parsed.minor;
  };

  let amount: bigint | null = null;
  let minAmount: bigint | null = null;
  let maxAmount: bigint | null = null;
  let packages: LinkValues["packages"] = null;
  if (input.pricing === "FIXED") amount = money("amount", input.amount);
  if (input.pricing === "VARIABLE") {
    minAmount = money("minAmount", input.minAmount);
    maxAmount = money("maxAmount", input.maxAmount);
    if (minAmount !== null && maxAmount !== null && minAmount > maxAmount) {
      fail("maxAmount", "The maximum must be at least the minimum");
    }
  }
  if (input.pricing === "PACKAGE") {
    packages = (input.packages ?? []).map((p, i) => {
      const minor = money(`packages.${i}.amount`, p.amount);
      return { label: p.label, amount: (minor ?? 0n).toString() };
    });
  }

  for (const m of input.paymentMethods) {
    if (!ENABLED_LINK_METHODS.includes(m)) {
      fail("paymentMethods", `${LINK_METHODS.find((x) => x.value === m)?.label ?? m} is not enabled for this account`);
    }
  }

  let logo: LinkValues["logo"];
  if (input.logo) {
    const checked = checkLogo(input.logo.base64);
    if (checked.ok) logo = { data: checked.base64, type: checked.type };
    else fail("logo", checked.error);
  } else if (input.removeLogo) {
    logo = { data: null, type: null };
  }

  if (Object.keys(errors).length) {
    const first = Object.values(errors)[0][0];
    throw new ValidationError(first, errors);
  }
  return {
    name: input.name,
    description: input.description || null,
    linkType: input.linkType,
    pricing: input.pricing,
    currency,
    country: scope.market.country,
    amount,
    minAmount,
    maxAmount,
    packages,
    paymentMethods: [...new Set(input.paymentMethods)],
    usage: input.usage,
    maxUses: input.usage === "MULTIPLE_USE" ? Number(input.maxUses) : input.usage === "SINGLE_USE" ? 1 : null,
    customerFields: input.customerFields,
    callbackUrl: input.callbackUrl || null,
    brandColor: input.brandColor ? input.brandColor.toLowerCase() : null,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    ...(logo ? { logo } : {}),
  };
}

/** An amount the payer typed or chose, against the link's pricing: in range, or the reference's message. */
export function checkRange(amount: bigint, min: bigint | null, max: bigint | null): string | null {
  if ((min !== null && amount < min) || (max !== null && amount > max)) return AMOUNT_OUT_OF_RANGE;
  return null;
}
