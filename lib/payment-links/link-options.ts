/**
 * Payment links' options, labels and messages (§3.10): the types, pricings, usages, methods and
 * customer fields a link may have, and the reference's messages. Pure and free of zod, so the list
 * and detail pages read them without shipping zod to the browser; schemas.ts (the forms' and
 * actions' zod schemas) re-exports them.
 */
export const LINK_TYPES = ["STANDARD", "INVOICE", "DONATION"] as const;
export type LinkType = (typeof LINK_TYPES)[number];
export const LINK_TYPE_LABEL: Record<LinkType, string> = { STANDARD: "Standard", INVOICE: "Invoice", DONATION: "Donation" };

export const PRICING = ["FIXED", "VARIABLE", "PACKAGE", "CUSTOMER_CHOICE"] as const;
export type Pricing = (typeof PRICING)[number];
export const PRICING_LABEL: Record<Pricing, string> = {
  FIXED: "Fixed amount",
  VARIABLE: "Range (min–max)",
  PACKAGE: "Packages",
  CUSTOMER_CHOICE: "Customer chooses",
};

export const LINK_USAGES = ["SINGLE_USE", "MULTIPLE_USE", "UNLIMITED"] as const;
export type LinkUsage = (typeof LINK_USAGES)[number];
export const LINK_USAGE_LABEL: Record<LinkUsage, string> = { SINGLE_USE: "Single use", MULTIPLE_USE: "Limited", UNLIMITED: "Unlimited" };

/** Methods a link may offer; only mobile money is live in the sandbox (the rest read "not enabled for this account"). */
export const LINK_METHODS = [
  { value: "MOBILE_MONEY", label: "Mobile money", enabled: true },
  { value: "BANK", label: "Bank transfer", enabled: false },
  { value: "CARD", label: "Card", enabled: false },
  { value: "CRYPTO", label: "Crypto", enabled: false },
] as const;
export type LinkMethod = (typeof LINK_METHODS)[number]["value"];
export const ENABLED_LINK_METHODS: readonly LinkMethod[] = LINK_METHODS.filter((m) => m.enabled).map((m) => m.value);

export const FIELD_MODES = ["REQUIRED", "OPTIONAL", "HIDDEN"] as const;
export type FieldMode = (typeof FIELD_MODES)[number];
export type CustomerFields = Record<"name" | "email" | "phone", FieldMode>;
export const DEFAULT_CUSTOMER_FIELDS: CustomerFields = { name: "OPTIONAL", email: "OPTIONAL", phone: "REQUIRED" };

export const MAX_PACKAGES = 10;
/** The logo's limit: PNG or JPEG (checked by content, never SVG), at most 512 kB. */
export const LOGO_MAX_BYTES = 512 * 1024;

/** The reference's messages (§3.10), shown on the checkout and returned by the pay action. */
export const LINK_EXPIRED = "Payment link has expired";
export const LINK_USED_UP = "Payment link usage limit reached";
export const LINK_DEACTIVATED = "This payment link has been deactivated";
export const AMOUNT_OUT_OF_RANGE = "Amount outside allowed range";
export const METHOD_NOT_ENABLED = "Payment method not enabled for this link";

export const LINK_CREATED_MESSAGE = "Payment link created";
export const LINK_UPDATED_MESSAGE = "Payment link updated";
export const LINK_NOT_FOUND = "Payment link not found.";
