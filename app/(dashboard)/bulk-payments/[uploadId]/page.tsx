import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { notFound } from "next/navigation";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import { getBulkUpload } from "@/lib/bulk-payments/get-bulk-upload";
import { listBatchItems } from "@/lib/bulk-payments/list-batch-items";
import {
  batchItemsListQuery,
  batchItemsQueryKey,
  loadBatchItemsSearchParams,
  selectedBatchId,
} from "@/lib/bulk-payments/items-contract";
import { batchItemsSchema } from "@/lib/bulk-payments/items-contract-schema";
import { BULK_ROUTE_ID, bulkPaymentsQueryKeys } from "@/lib/bulk-payments/uploads-contract";
import { BulkUploadDetail } from "@/components/bulk-payments/bulk-upload-detail";

export const metadata: Metadata = { title: "Bulk payment" };

export default async function BulkUploadPage({
  params,
  searchParams,
}: {
  params: Promise<{ uploadId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const scope = await requirePageScope("bulk_payments.read");
  const { uploadId } = await pageParams(params);
  if (!BULK_ROUTE_ID.test(uploadId)) notFound();
  const [db, state] = await Promise.all([getDb(), loadBatchItemsSearchParams(searchParams)]);
  const upload = await getBulkUpload(db, scope, uploadId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // The upload and the first page of the shown batch's items come with the HTML, under the client
  // hooks' keys (the routes' services, the routes' JSON).
  const qc = new QueryClient();
  const scopeKey = scopeKeyOf(scope);
  const batchId = selectedBatchId(upload.batches ?? [], state.batch);
  const input = parseRouteQuery(batchItemsSchema, batchItemsListQuery(state));
  await Promise.all([
    prefetchJson(qc, bulkPaymentsQueryKeys.upload(scopeKey, upload.id), async () => upload),
    batchId && input
      ? prefetchJson(qc, batchItemsQueryKey(scopeKey, batchId, state), () => listBatchItems(db, scope, batchId, input))
      : undefined,
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <BulkUploadDetail uploadId={upload.id} />
    </HydrationBoundary>
  );
}
