import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { BulkPaymentsView } from "@/components/bulk-payments/bulk-payments-view";

export const metadata: Metadata = { title: "Bulk Payments" };

export default async function BulkPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("bulk_payments.read");
  return <BulkPaymentsView scope={scope} searchParams={searchParams} />;
}
