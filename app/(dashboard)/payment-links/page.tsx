import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { PaymentLinksList } from "@/components/payment-links/payment-links-list";

export const metadata: Metadata = { title: "Payment Links" };

export default async function PaymentLinksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("payment_links.read");
  return <PaymentLinksList scope={scope} searchParams={searchParams} />;
}
