import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import { customersListQuery, customersQueryKeys, loadCustomersSearchParams } from "@/lib/customers/customers-contract";
import { customersListSchema } from "@/lib/customers/customers-contract-schema";
import { listCustomers } from "@/lib/customers/list-customers";
import { CustomersView } from "@/components/customers/customers-view";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("customers.read");
  const [state, db] = await Promise.all([loadCustomersSearchParams(searchParams), getDb()]);
  // The first page of the table comes with the HTML: the route's service, the client hook's key.
  const qc = new QueryClient();
  const input = parseRouteQuery(customersListSchema, customersListQuery(state));
  if (input) {
    await prefetchJson(qc, customersQueryKeys.list(scopeKeyOf(scope), state), () => listCustomers(db, scope, input));
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <CustomersView />
    </HydrationBoundary>
  );
}
