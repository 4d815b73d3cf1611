import { gatedRoute } from "@/lib/auth/guard";
import { csvResponse } from "@/lib/csv";
import { customersListSchema } from "@/lib/customers/customers-contract-schema";
import { exportCustomers } from "@/lib/customers/export-customers";

/** GET /api/customers/export?<same filters as the list>: the filtered customers as a streamed CSV download. */
export const GET = gatedRoute("customers.read", customersListSchema, async ({ db, scope, input }) => {
  const { filename, header, lines } = exportCustomers(db, scope, input);
  return csvResponse(filename, header, lines);
});
