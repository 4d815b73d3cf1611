import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { CustomersList } from "@/components/customers/customers-page";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("customers.read");
  return <CustomersList scope={scope} searchParams={searchParams} />;
}
