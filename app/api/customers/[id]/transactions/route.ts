import { gatedRoute } from "@/lib/auth/guard";
import { customerRouteId, customerTransactionsSchema } from "@/lib/customers/customer-transactions-contract-schema";
import { listCustomerTransactions } from "@/lib/customers/list-customer-transactions";

/** A page of the customer's collections and payouts (the kinds the member may read), newest first. */
export const GET = gatedRoute<typeof customerTransactionsSchema, { id: string }>(
  ["collections.read", "payouts.read"],
  customerTransactionsSchema,
  async ({ db, scope, input, params }) => listCustomerTransactions(db, scope, customerRouteId(params), input),
);
