/**
 * The Payment Links forms' and actions' schemas (§3.10), and the hosted checkout's Pay form. Pure:
 * the dialog validates with zodResolver, the actions and the checkout parse with the same objects.
 * Amounts stay strings: the service parses them against the link's currency (lib/money.ts), so
 * its messages ("KES has no decimal places") land under the same fields. The options, labels and
 * messages are link-options.ts (re-exported here), which the pages import so zod stays on the server.
 */
import { z } from "zod";
import { callbackUrlSchema, plainText } from "@/lib/engine/schemas";
import { idempotencyKeySchema } from "@/lib/ledger/idempotency-key";
import { DATE_TIME, EMAIL } from "@/lib/customers/schemas";
import { LINK_TYPES, PRICING, LINK_USAGES, LINK_METHODS, type LinkMethod, FIELD_MODES, MAX_PACKAGES, LOGO_MAX_BYTES } from "./link-options";

export * from "./link-options";

export const linkIdSchema = z
  .string({ error: "Choose a payment link" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown payment link");

const amountText = (label: string) => plainText(40, label);

const futureMoment = z
  .string()
  .trim()
  .max(40, "Choose a date and time")
  .superRefine((v, ctx) => {
    if (!v) return;
    const at = DATE_TIME.test(v) ? new Date(v) : null;
    if (!at || Number.isNaN(at.getTime())) ctx.addIssue({ code: "custom", message: "Enter a date and time" });
    else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", message: "The expiry must be in the future" });
    else if (at.getUTCFullYear() > 2100) ctx.addIssue({ code: "custom", message: "Choose a date before 2100" });
  });

const fieldMode = z.enum(FIELD_MODES, { error: "Choose required, optional or hidden" });

/**
 * The logo as the form sends it: base64 of the file and its name; the service checks the bytes
 * (PNG or JPEG signature, ≤ 512 kB). `removeLogo` drops the current one.
 */
const logoSchema = z
  .object({
    fileName: plainText(200, "The file name"),
    base64: z
      .string()
      .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 8, "The logo must be at most 512 kB")
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "The logo could not be read"),
  })
  .strict();

/** Create and Edit share these fields; Edit adds the link's id. */
const linkFields = z
  .object({
    name: plainText(100, "The name").pipe(z.string().min(1, "Enter a name for the link")),
    description: plainText(500, "The description").optional(),
    linkType: z.enum(LINK_TYPES, { error: "Choose the type" }),
    pricing: z.enum(PRICING, { error: "Choose the pricing" }),
    amount: amountText("The amount").optional(),
    minAmount: amountText("The minimum").optional(),
    maxAmount: amountText("The maximum").optional(),
    packages: z
      .array(z.object({ label: plainText(60, "The label"), amount: amountText("The amount") }).strict())
      .max(MAX_PACKAGES, `At most ${MAX_PACKAGES} packages`)
      .optional(),
    paymentMethods: z
      .array(z.enum(LINK_METHODS.map((m) => m.value) as [LinkMethod, ...LinkMethod[]], { error: "Unknown payment method" }))
      .min(1, "Choose at least one payment method")
      .max(LINK_METHODS.length),
    usage: z.enum(LINK_USAGES, { error: "Choose how often it can be paid" }),
    maxUses: plainText(9, "The number of uses").optional(),
    customerFields: z.object({ name: fieldMode, email: fieldMode, phone: fieldMode }).strict(),
    expiresAt: futureMoment.optional(),
    callbackUrl: callbackUrlSchema,
    brandColor: z
      .string()
      .trim()
      .refine((v) => v === "" || /^#[0-9a-fA-F]{6}$/.test(v), "Enter a colour like #0f766e")
      .optional(),
    logo: logoSchema.optional(),
    removeLogo: z.boolean().optional(),
  })
  .strict();

/** What depends on the pricing and usage: the fields each one needs (amounts are parsed by the service). */
function refineLink(v: z.output<typeof linkFields>, ctx: z.RefinementCtx) {
  const need = (path: string, ok: boolean, message: string) => {
    if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
  };
  if (v.pricing === "FIXED") need("amount", !!v.amount, "Enter the amount");
  if (v.pricing === "VARIABLE") {
    need("minAmount", !!v.minAmount, "Enter the minimum");
    need("maxAmount", !!v.maxAmount, "Enter the maximum");
  }
  if (v.pricing === "PACKAGE") {
    const tiers = v.packages ?? [];
    need("packages", tiers.length > 0, "Add at least one package");
    tiers.forEach((p, i) => {
      need(`packages.${i}.label`, !!p.label, "Name the package");
      need(`packages.${i}.amount`, !!p.amount, "Enter the package's amount");
    });
  }
  if (v.usage === "MULTIPLE_USE") {
    const n = v.maxUses ?? "";
    need("maxUses", /^\d+$/.test(n) && Number(n) > 0, "Enter how many times it can be paid (1 or more)");
  }
  // Mobile money is paid from the payer's number: the checkout must ask for it.
  if (v.paymentMethods.includes("MOBILE_MONEY")) {
    need("customerFields.phone", v.customerFields.phone === "REQUIRED", "Mobile money needs the payer's phone number: keep it required");
  }
}

export const createPaymentLinkSchema = linkFields.superRefine(refineLink);
export type CreatePaymentLinkInput = z.input<typeof createPaymentLinkSchema>;

export const updatePaymentLinkSchema = linkFields.extend({ linkId: linkIdSchema }).superRefine(refineLink);
export type UpdatePaymentLinkInput = z.input<typeof updatePaymentLinkSchema>;

/** Deactivate / Reactivate. */
export const setLinkActiveSchema = z.object({ linkId: linkIdSchema, active: z.boolean() }).strict();
export type SetLinkActiveInput = z.input<typeof setLinkActiveSchema>;

/** A short code as it appears in /l/{code}: lower-case Crockford base32 (see short-code.ts). */
export const shortCodeSchema = z.string().regex(/^[0-9a-hjkmnp-tv-z]{8,16}$/);

/**
 * The checkout's Pay form (posted without JavaScript: every value a string). Which fields are
 * needed depends on the link (pricing, customer fields), which the service checks.
 */
export const checkoutPaySchema = z
  .object({
    shortCode: shortCodeSchema,
    idempotencyKey: idempotencyKeySchema,
    method: z.string().max(20).default("MOBILE_MONEY"),
    amount: amountText("The amount").optional(),
    /** PACKAGE pricing: the tier's position. */
    packageIndex: z.string().max(3).regex(/^\d*$/, "Choose a package").optional(),
    name: plainText(100, "The name").optional(),
    email: plainText(254, "The email")
      .refine((v) => v === "" || EMAIL.test(v), "Enter a valid email address, like name@example.com")
      .optional(),
    phoneNumber: plainText(32, "The phone number").optional(),
    network: plainText(20, "The network").optional(),
  })
  .strict();
export type CheckoutPayInput = z.input<typeof checkoutPaySchema>;
