import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Bulk Payments" };

export default async function Page() {
  await requirePageScope("bulk_payments.read");
  return <NotAvailable title="Bulk Payments" description="Upload a CSV and pay many recipients at once" />;
}
