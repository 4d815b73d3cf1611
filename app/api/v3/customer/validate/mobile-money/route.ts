import { apiRoute } from "@/lib/auth/guard";
import {
  fieldError,
  MESSAGES,
  parseServiceInput,
  toIso2,
  VALIDATE_FIELDS,
  validateMobileMoneyBody,
} from "@/lib/api-v3/schemas";
import { toValidateAccountDto } from "@/lib/api-v3/dto";
import { asApi, countryOfNumber, scopeForCountry } from "@/lib/api-v3/wallet-scope";
import { verifyAccountNameSchema } from "@/lib/customers/schemas";
import { verifyAccountName } from "@/lib/customers/verify-account-name";

/**
 * POST /api/v3/customer/validate/mobile-money (§3.5): the number checked for its country (from its
 * calling code; a national number is read in `countryCode` or the key's default market), its
 * network and the registered name (the sandbox answers by test number, §6) — the dashboard's
 * "Verify name" service. Only mobile money: paybill and till lookups are not available.
 * It discloses a registered name, so it needs what the dashboard's Verify name needs: customers.manage.
 */
export const POST = apiRoute(
  { permission: "customers.manage", tier: "read", body: validateMobileMoneyBody },
  async ({ db, scope, body, meta }) => {
    if (body.accountType !== undefined && body.accountType !== "mobile_money") {
      throw fieldError("accountType", "must be mobile_money: paybill and till validation are not available");
    }
    if (!body.phoneNumber?.trim()) throw fieldError("phoneNumber", "should not be empty");
    const fallback = body.countryCode ? toIso2(body.countryCode)! : scope.market.country;
    const country = countryOfNumber(body.phoneNumber, fallback);
    const input = parseServiceInput(
      verifyAccountNameSchema,
      {
        phoneNumber: body.phoneNumber,
        network: body.network === "NOT_SUPPORTED" ? undefined : body.network,
        accountName: body.accountName,
      },
      VALIDATE_FIELDS,
    );
    const result = await asApi(() => verifyAccountName(db, scopeForCountry(scope, country), input, meta), {
      fields: VALIDATE_FIELDS,
    });
    return { message: MESSAGES.phoneValidated, data: toValidateAccountDto(result) };
  },
);
