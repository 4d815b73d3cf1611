import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { notFound } from "next/navigation";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { BULK_ROUTE_ID } from "@/lib/bulk-payments/uploads-contract";
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
  return <BulkUploadDetail scope={scope} uploadId={uploadId} searchParams={searchParams} />;
}
