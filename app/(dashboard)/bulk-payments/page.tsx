import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import {
  bulkPaymentsQueryKeys,
  bulkUploadsListQuery,
  loadBulkUploadsSearchParams,
} from "@/lib/bulk-payments/uploads-contract";
import { bulkUploadsListSchema } from "@/lib/bulk-payments/uploads-contract-schema";
import { listBulkUploads } from "@/lib/bulk-payments/list-bulk-uploads";
import { getBulkStats } from "@/lib/bulk-payments/bulk-stats";
import { BulkPaymentsView } from "@/components/bulk-payments/bulk-payments-view";

export const metadata: Metadata = { title: "Bulk Payments" };

export default async function BulkPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("bulk_payments.read");
  const [state, db] = await Promise.all([loadBulkUploadsSearchParams(searchParams), getDb()]);
  // The figures and the first page of the table come with the HTML: the routes' services, the client hooks' keys.
  const qc = new QueryClient();
  const scopeKey = scopeKeyOf(scope);
  const input = parseRouteQuery(bulkUploadsListSchema, bulkUploadsListQuery(state));
  await Promise.all([
    prefetchJson(qc, bulkPaymentsQueryKeys.stats(scopeKey), () => getBulkStats(db, scope)),
    input ? prefetchJson(qc, bulkPaymentsQueryKeys.list(scopeKey, state), () => listBulkUploads(db, scope, input)) : undefined,
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <BulkPaymentsView />
    </HydrationBoundary>
  );
}
