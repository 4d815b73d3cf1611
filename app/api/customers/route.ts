import { gatedRoute } from "@/lib/auth/guard";
import { customersListSchema } from "@/lib/customers/customers-contract-schema";
import { listCustomers } from "@/lib/customers/list-customers";

/** The Customers table: one page (search, country, network and status filters, sort, paging) with counts and totals. */
export const GET = gatedRoute("customers.read", customersListSchema, async ({ db, scope, input }) =>
  listCustomers(db, scope, input),
);
