import type { Metadata } from "next";
import { requirePageScope } from "@/lib/auth/guard";
import { NotAvailable } from "@/components/shell/not-available";

export const metadata: Metadata = { title: "Customers" };

export default async function Page() {
  await requirePageScope("customers.read");
  return <NotAvailable title="Customers" description="Mobile money customer profiles" />;
}
