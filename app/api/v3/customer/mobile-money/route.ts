import { apiRoute } from "@/lib/auth/guard";
import { COUNTRIES } from "@/lib/markets";
import {
  createCustomerBody,
  CUSTOMER_FIELDS,
  customersListQuery,
  customerServiceFields,
  fieldError,
  MESSAGES,
  parseServiceInput,
  toIso2,
} from "@/lib/api-v3/schemas";
import { toCustomerDto } from "@/lib/api-v3/dto";
import { asApi, customersByIds, isMarketCountry, scopeForCountry } from "@/lib/api-v3/wallet-scope";
import { createCustomerSchema } from "@/lib/customers/schemas";
import { createCustomer } from "@/lib/customers/create-customer";
import { listCustomers } from "@/lib/customers/list-customers";
import { customersListSchema } from "@/lib/customers/customers-contract-schema";

/** POST /api/v3/customer/mobile-money: a customer in one of the integrator's markets (the "Add Customer" service). */
export const POST = apiRoute(
  { permission: "customers.manage", tier: "read", body: createCustomerBody },
  async ({ db, scope, body, meta }) => {
    const country = toIso2(body.country_code)!;
    if (!isMarketCountry(scope, country)) {
      throw fieldError(
        "country_code",
        `must be one of your markets (${[...new Set(scope.markets.map((m) => m.country))].join(", ")}), not ${COUNTRIES[country]?.name ?? country}`,
      );
    }
    const input = parseServiceInput(
      createCustomerSchema,
      { ...customerServiceFields(body), phoneNumber: body.phone_number },
      CUSTOMER_FIELDS,
    );
    const { customer } = await asApi(() => createCustomer(db, scopeForCountry(scope, country), input, meta), {
      fields: CUSTOMER_FIELDS,
    });
    return { message: MESSAGES.customerCreated, data: toCustomerDto(customer, scope.integratorId) };
  },
);

/** GET /api/v3/customer/mobile-money?page=&limit=: the customers of all the integrator's markets in the key's environment, newest first. */
export const GET = apiRoute(
  { permission: "customers.read", tier: "read", query: customersListQuery },
  async ({ db, scope, query }) => {
    const countries = [...new Set(scope.markets.map((m) => m.country))];
    const params = {
      ...customersListSchema.parse({ country: countries, sort: "createdAt.desc", page: query.page }),
      size: query.limit,
    };
    const page = await listCustomers(db, scope, params);
    // The dashboard shows the last page for a page past the end; an API answers an empty one.
    const rows =
      page.page === query.page
        ? await customersByIds(
            db,
            scope,
            page.rows.map((r) => r.id),
          )
        : [];
    return { message: MESSAGES.customersRetrieved, data: rows.map((c) => toCustomerDto(c, scope.integratorId)) };
  },
);
