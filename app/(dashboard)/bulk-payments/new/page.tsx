import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { NewBulkPayment } from "@/components/bulk-payments/new-bulk-payment";

export const metadata: Metadata = { title: "New bulk payment" };

export default async function NewBulkPaymentPage() {
  await requirePageScope("bulk_payments.manage");
  return <NewBulkPayment />;
}
