import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { notFound } from "next/navigation";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { getCustomer } from "@/lib/customers/get-customer";
import { CUSTOMER_ID_PATTERN } from "@/lib/customers/customer-transactions-contract";
import { CustomerDetailView } from "@/components/customers/customer-detail";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const scope = await requirePageScope("customers.read");
  const { id } = await pageParams(params);
  if (!CUSTOMER_ID_PATTERN.test(id)) notFound();
  const db = await getDb();
  // The profile and the figures as GET /api/customers/{id} answers them (JSON-ready already).
  const customer = await getCustomer(db, scope, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return <CustomerDetailView scope={scope} customer={customer} searchParams={searchParams} />;
}
