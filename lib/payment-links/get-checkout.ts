import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { integrators, paymentLinks, paymentLinkViews } from "@/lib/db/schema";
import { COUNTRIES } from "@/lib/markets";
import { CALLING_CODES, networksOf } from "@/lib/engine/networks";
import { describeFee, quote } from "@/lib/engine/fees";
import { feeRuleFor, resolveWallet } from "@/lib/engine/new-transaction";
import type { Tx } from "@/lib/ledger/ledger";
import { formatMoney } from "@/lib/money";
import { checkoutScope } from "./checkout-scope";
import { linkStatus, refusalOf, type LinkStatus } from "./link-status";
import type { PaymentLinkRecord } from "./link-dto";
import { DEFAULT_CUSTOMER_FIELDS, LINK_METHODS, type CustomerFields } from "./schemas";

/**
 * What the public checkout shows of a link: its merchant's name and brand, what is paid for and
 * how much, the fields to fill, and whether it can be paid now. Nothing else of the integrator
 * (no ids, no callback URL, no counts).
 */
export interface CheckoutView {
  shortCode: string;
  merchantName: string;
  brandColor: string | null;
  hasLogo: boolean;
  name: string;
  description: string | null;
  linkType: string;
  pricing: string;
  currency: string;
  country: string;
  countryName: string;
  /** "+254". */
  callingCode: string;
  networks: readonly string[];
  /** Minor units as strings. */
  amount: string | null;
  minAmount: string | null;
  maxAmount: string | null;
  packages: { label: string; amount: string }[];
  customerFields: CustomerFields;
  methods: { value: string; label: string; enabled: boolean }[];
  /**
   * The collection fee when the payer bears it (the wallet's billing, §3.3): what fixed and package
   * amounts come to with it, and the rule in words for typed amounts. Null when the merchant pays it.
   */
  payerFee: { fixedTotal: string | null; packageTotals: string[]; rule: string } | null;
  status: LinkStatus;
  /** The reference's message when it cannot be paid now (expired, used up, deactivated). */
  refusal: string | null;
  sandbox: boolean;
}

/** A link by its public short code, with its merchant's name; null when there is none. */
export async function findLinkByCode(db: Db, shortCode: string): Promise<{ link: PaymentLinkRecord; organization: string } | null> {
  const [row] = await db
    .select({ link: paymentLinks, organization: integrators.organization })
    .from(paymentLinks)
    .innerJoin(integrators, eq(integrators.id, paymentLinks.integratorId))
    .where(eq(paymentLinks.shortCode, shortCode))
    .limit(1);
  return row ?? null;
}

/** The fee a payer of this link pays on top of the amount, or null when the merchant's wallet bears it (or none is set up). */
async function payerFeeOf(db: Db, link: PaymentLinkRecord, organization: string): Promise<CheckoutView["payerFee"]> {
  const tx = db as unknown as Tx;
  const [wallet, rule] = await Promise.all([
    resolveWallet(tx, checkoutScope(link, organization), undefined).catch(() => null),
    feeRuleFor(tx, link.currency, "collection", "MOBILE_MONEY").catch(() => null),
  ]);
  if (!wallet || !rule || wallet.collectionFeeBearer !== "CUSTOMER") return null;
  const total = (amount: bigint) => quote("collection", rule, amount, link.currency, "CUSTOMER").transactionAmount.toString();
  return {
    fixedTotal: link.pricing === "FIXED" && link.amount !== null ? total(link.amount) : null,
    packageTotals: link.pricing === "PACKAGE" ? (link.packages ?? []).map((p) => total(BigInt(p.amount))) : [],
    rule: describeFee(rule, link.currency, (minor) => formatMoney(minor, link.currency)),
  };
}

export function toCheckoutView(
  link: PaymentLinkRecord,
  organization: string,
  now = new Date(),
  payerFee: CheckoutView["payerFee"] = null,
): CheckoutView {
  const status = linkStatus(link, now);
  return {
    shortCode: link.shortCode,
    merchantName: organization,
    brandColor: link.brandColor,
    hasLogo: !!link.logoData,
    name: link.name,
    description: link.description,
    linkType: link.linkType,
    pricing: link.pricing,
    currency: link.currency,
    country: link.country,
    countryName: COUNTRIES[link.country]?.name ?? link.country,
    callingCode: `+${CALLING_CODES[link.country] ?? ""}`,
    networks: networksOf(link.country),
    amount: link.amount?.toString() ?? null,
    minAmount: link.minAmount?.toString() ?? null,
    maxAmount: link.maxAmount?.toString() ?? null,
    packages: link.packages ?? [],
    customerFields: link.customerFields ?? DEFAULT_CUSTOMER_FIELDS,
    methods: LINK_METHODS.filter((m) => link.paymentMethods.includes(m.value)).map((m) => ({ value: m.value, label: m.label, enabled: m.enabled })),
    payerFee,
    status,
    refusal: refusalOf(status),
    sandbox: link.environment === "sandbox",
  };
}

/**
 * The checkout page's data, counting the view (one row per link and UTC day, for the link's
 * analytics). Null for an unknown code: the page answers a plain 404.
 */
export async function getCheckout(db: Db, shortCode: string, opts: { countView?: boolean; now?: Date } = {}): Promise<CheckoutView | null> {
  const now = opts.now ?? new Date();
  const found = await findLinkByCode(db, shortCode);
  if (!found) return null;
  if (opts.countView) {
    await db
      .insert(paymentLinkViews)
      .values({ linkId: found.link.id, day: now.toISOString().slice(0, 10), views: 1 })
      .onConflictDoUpdate({ target: [paymentLinkViews.linkId, paymentLinkViews.day], set: { views: sql`${paymentLinkViews.views} + 1` } });
  }
  return toCheckoutView(found.link, found.organization, now, await payerFeeOf(db, found.link, found.organization));
}

/** The link's logo bytes for the public logo route (PNG or JPEG, checked when uploaded). */
export async function getCheckoutLogo(db: Db, shortCode: string): Promise<{ type: string; bytes: Buffer } | null> {
  const [row] = await db
    .select({ data: paymentLinks.logoData, type: paymentLinks.logoType })
    .from(paymentLinks)
    .where(eq(paymentLinks.shortCode, shortCode))
    .limit(1);
  if (!row?.data || !row.type) return null;
  return { type: row.type, bytes: Buffer.from(row.data, "base64") };
}
