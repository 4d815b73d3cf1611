import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Payment Links" };

export default async function Page() {
  await requirePageScope("payment_links.read");
  return <NotAvailable title="Payment Links" description="Create and share links your customers pay through" />;
}
