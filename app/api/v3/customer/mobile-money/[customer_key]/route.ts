import { apiRoute } from "@/lib/auth/guard";
import {
  CUSTOMER_FIELDS,
  customerKeyParams,
  customerServiceFields,
  fieldError,
  MESSAGES,
  parseServiceInput,
  toIso2,
  updateCustomerBody,
} from "@/lib/api-v3/schemas";
import { toCustomerDto } from "@/lib/api-v3/dto";
import { asApi, findCustomerByKey, scopeForCountry } from "@/lib/api-v3/wallet-scope";
import { updateCustomerSchema } from "@/lib/customers/schemas";
import { getCustomer } from "@/lib/customers/get-customer";
import { updateCustomer } from "@/lib/customers/update-customer";

/** GET /api/v3/customer/mobile-money/{customer_key}. */
export const GET = apiRoute(
  { permission: "customers.read", tier: "read", params: customerKeyParams, notFoundMessage: MESSAGES.customerNotFound },
  async ({ db, scope, params }) => {
    const row = await findCustomerByKey(db, scope, params.customer_key);
    const customer = await getCustomer(db, scopeForCountry(scope, row.countryCode), row.id);
    return { message: MESSAGES.customerFetched, data: toCustomerDto(customer, scope.integratorId) };
  },
);

/**
 * PATCH /api/v3/customer/mobile-money/{customer_key}: the fields given replace the stored ones
 * (an empty string clears an optional field); the rest keep their values. Through the dashboard's
 * "Edit" service, so the number, network and bank are checked as on creation.
 */
export const PATCH = apiRoute(
  {
    permission: "customers.manage",
    tier: "read",
    params: customerKeyParams,
    body: updateCustomerBody,
    notFoundMessage: MESSAGES.customerNotFound,
  },
  async ({ db, scope, params, body, meta }) => {
    const current = await findCustomerByKey(db, scope, params.customer_key);
    if (body.country_code !== undefined && toIso2(body.country_code) !== current.countryCode) {
      throw fieldError("country_code", `cannot change: the customer is in ${current.countryCode}`);
    }
    const given = customerServiceFields(body);
    const keep = (v: string | undefined, stored: string | null) => (v === undefined ? (stored ?? "") : v);
    const phoneChanged = given.phoneNumber !== undefined && given.phoneNumber !== current.phoneNumber;
    const merged = {
      customerId: current.id,
      phoneNumber: keep(given.phoneNumber, current.phoneNumber),
      // A new number without a network is detected again; a stored NOT_SUPPORTED is too.
      network: given.network ?? (phoneChanged || current.network === "NOT_SUPPORTED" ? "" : current.network),
      firstName: keep(given.firstName, current.firstName),
      lastName: keep(given.lastName, current.lastName),
      email: keep(given.email, current.email),
      idType: (given.idType ?? current.idType ?? "") as "" | "NATIONAL_ID" | "ECOWAS_ID",
      idNumber: keep(given.idNumber, current.idNumber),
      dateOfBirth: keep(given.dateOfBirth, current.dateOfBirth),
      accountName: keep(given.accountName, current.accountName),
      accountNumber: keep(given.accountNumber, current.accountNumber),
      bankCode: keep(given.bankCode, current.bankCode),
    };
    const input = parseServiceInput(updateCustomerSchema, merged, CUSTOMER_FIELDS);
    const { customer } = await asApi(
      () => updateCustomer(db, scopeForCountry(scope, current.countryCode), input, meta),
      { fields: CUSTOMER_FIELDS },
    );
    return { message: MESSAGES.customerUpdated, data: toCustomerDto(customer, scope.integratorId) };
  },
);
