import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { notFound } from "next/navigation";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { LINK_ROUTE_ID } from "@/lib/payment-links/link-payments-contract";
import { LinkDetail } from "@/components/payment-links/link-detail";

export const metadata: Metadata = { title: "Payment link" };

export default async function PaymentLinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const scope = await requirePageScope("payment_links.read");
  const { id } = await pageParams(params);
  if (!LINK_ROUTE_ID.test(id)) notFound();
  return <LinkDetail scope={scope} linkId={id} searchParams={searchParams} />;
}
