import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { getCustomer } from "@/lib/customers/get-customer";
import { customerRouteId } from "@/lib/customers/customer-transactions-contract-schema";

/** One customer: the profile and its figures in the selected market (the customer detail page). */
export const GET = gatedRoute<z.ZodObject, { id: string }>("customers.read", z.object({}), async ({ db, scope, params }) =>
  getCustomer(db, scope, customerRouteId(params)),
);
