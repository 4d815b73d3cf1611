import { apiRoute } from "@/lib/auth/guard";
import { MESSAGES, phoneParams } from "@/lib/api-v3/schemas";
import { toCustomerDto } from "@/lib/api-v3/dto";
import { findCustomerByPhone, scopeForCountry } from "@/lib/api-v3/wallet-scope";
import { getCustomer } from "@/lib/customers/get-customer";

/** GET /api/v3/customer/mobile-money/phone/{phone_number}: international (+254…) or national in one of the integrator's markets. */
export const GET = apiRoute(
  { permission: "customers.read", tier: "read", params: phoneParams, notFoundMessage: MESSAGES.customerNotFound },
  async ({ db, scope, params }) => {
    const row = await findCustomerByPhone(db, scope, params.phone_number);
    const customer = await getCustomer(db, scopeForCountry(scope, row.countryCode), row.id);
    return { message: MESSAGES.customerFetched, data: toCustomerDto(customer, scope.integratorId) };
  },
);
