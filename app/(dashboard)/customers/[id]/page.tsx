import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { notFound } from "next/navigation";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import { getCustomer } from "@/lib/customers/get-customer";
import { listCustomerTransactions } from "@/lib/customers/list-customer-transactions";
import {
  CUSTOMER_ID_PATTERN,
  customerQueryKeys,
  customerTransactionsListQuery,
  loadCustomerTransactionsSearchParams,
} from "@/lib/customers/customer-transactions-contract";
import { customerTransactionsSchema } from "@/lib/customers/customer-transactions-contract-schema";
import { CustomerDetailView } from "@/components/customers/customer-detail";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const scope = await requirePageScope("customers.read");
  const { id } = await pageParams(params);
  if (!CUSTOMER_ID_PATTERN.test(id)) notFound();
  const db = await getDb();
  const customer = await getCustomer(db, scope, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // The profile and the first page of the customer's transactions come with the HTML, under the
  // client hooks' keys (the routes' services, the routes' JSON).
  const qc = new QueryClient();
  const scopeKey = scopeKeyOf(scope);
  await prefetchJson(qc, customerQueryKeys.detail(scopeKey, customer.id), async () => customer);
  if (scope.permissions.has("collections.read") || scope.permissions.has("payouts.read")) {
    const state = await loadCustomerTransactionsSearchParams(searchParams);
    const input = parseRouteQuery(customerTransactionsSchema, customerTransactionsListQuery(state));
    if (input) {
      await prefetchJson(qc, customerQueryKeys.transactions(scopeKey, customer.id, state), () =>
        listCustomerTransactions(db, scope, customer.id, input),
      );
    }
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <CustomerDetailView customerId={customer.id} />
    </HydrationBoundary>
  );
}
