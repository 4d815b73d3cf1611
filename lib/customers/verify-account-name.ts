import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/auth/scope";
import type { RequestMeta } from "@/lib/auth/guard";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";
import { customers } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import { COUNTRIES } from "@/lib/markets";
import { CALLING_CODES, detectNetwork, networksOf } from "@/lib/engine/networks";
import { checkMobileNumber } from "@/lib/engine/phone";
import { NO_PROVIDER_MESSAGE, providerFor } from "@/lib/engine/providers";
import { mnoName, NAME_LOOKUP_MESSAGE, nameMatch, sandboxNameLookup, type ValidateAccountResponse } from "./name-lookup";
import { customerName } from "./format";
import { CUSTOMER_NOT_FOUND } from "./schemas";

/**
 * "Verify name" (POST /customer/validate/mobile-money): the number checked for the market's
 * country, its network (chosen, the customer's, or detected) and the registered name, compared
 * token by token with the expected name when there is one (typed, or the customer's own name).
 * The sandbox answers by test number (§6); production has no provider yet and is refused.
 * Given a customer, the result is stored on them (nameLookupStatus, verifiedName, verifiedAt) and
 * audited; a typed number is only looked up.
 */
export async function verifyAccountName(
  db: Db,
  scope: Scope,
  input: { customerId?: string; phoneNumber?: string; network?: string; accountName?: string },
  meta?: Partial<RequestMeta>,
): Promise<ValidateAccountResponse> {
  if (!providerFor(scope.environment)) throw new ConflictError(NO_PROVIDER_MESSAGE);
  const country = scope.market.country;
  const countryName = COUNTRIES[country]?.name ?? country;

  let customer: { id: string; customerKey: string; phoneNumber: string | null; network: string; firstName: string | null; lastName: string | null } | null = null;
  if (input.customerId) {
    const [c] = await db
      .select({
        id: customers.id,
        customerKey: customers.customerKey,
        phoneNumber: customers.phoneNumber,
        network: customers.network,
        firstName: customers.firstName,
        lastName: customers.lastName,
      })
      .from(customers)
      .where(and(inScope(customers, scope), eq(customers.countryCode, country), eq(customers.id, input.customerId)))
      .limit(1);
    if (!c) throw new NotFoundError(CUSTOMER_NOT_FOUND);
    if (!c.phoneNumber) throw new ValidationError("This customer has no phone number", { customerId: ["This customer has no phone number"] });
    customer = c;
  }

  const phone = checkMobileNumber(customer?.phoneNumber ?? input.phoneNumber ?? "", country);
  if (!phone.ok) throw new ValidationError(phone.error, { phoneNumber: [phone.error] });

  const chosen = input.network?.trim();
  if (chosen && !networksOf(country).includes(chosen)) {
    const msg = `${chosen} is not a mobile network in ${countryName}`;
    throw new ValidationError(msg, { network: [msg] });
  }
  const stored = customer && networksOf(country).includes(customer.network) ? customer.network : null;
  const detected = detectNetwork(phone.e164, country);
  const network = chosen || stored || (networksOf(country).includes(detected) ? detected : "NOT_SUPPORTED");

  const lookup = sandboxNameLookup(phone.e164);
  const provided = input.accountName?.trim() || (customer ? customerName(customer.firstName, customer.lastName) : null);
  const match = lookup.status === "MATCHED" && lookup.accountName && provided ? nameMatch(provided, lookup.accountName, lookup.masked) : null;
  const callingCode = CALLING_CODES[country] ?? "";

  const result: ValidateAccountResponse = {
    isValid: true,
    isSupported: network !== "NOT_SUPPORTED",
    requiresInternationalization: false,
    countryCode: country,
    countryName,
    callingCode,
    internationalNumber: phone.e164,
    nationalNumber: phone.e164.slice(1 + callingCode.length),
    accountType: "mobile_money",
    currency: scope.market.currency,
    network,
    mno: mnoName(country, network),
    message: NAME_LOOKUP_MESSAGE[lookup.status],
    accountName: lookup.accountName,
    nameLookupStatus: lookup.status,
    nameLookupReason: lookup.reason,
    matchScore: match?.score ?? null,
    nameMatch: match,
    customerId: customer?.id ?? null,
  };

  if (customer) {
    const c = customer;
    await db.transaction(async (tx) => {
      await tx
        .update(customers)
        .set({ nameLookupStatus: lookup.status, verifiedName: lookup.accountName, verifiedAt: new Date() })
        .where(and(inScope(customers, scope), eq(customers.countryCode, country), eq(customers.id, c.id)));
      await writeAudit(tx, {
        ...auditedBy(scope, meta),
        action: "customer.verified",
        targetType: "customer",
        targetId: c.id,
        metadata: { customerKey: c.customerKey, nameLookupStatus: lookup.status, matchScore: result.matchScore, network },
      });
    });
  }
  return result;
}
