import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import {
  loadPaymentLinksSearchParams,
  paymentLinksListQuery,
  paymentLinksQueryKeys,
} from "@/lib/payment-links/payment-links-contract";
import { paymentLinksListSchema } from "@/lib/payment-links/payment-links-contract-schema";
import { listPaymentLinks } from "@/lib/payment-links/list-payment-links";
import { PaymentLinksView } from "@/components/payment-links/payment-links-view";

export const metadata: Metadata = { title: "Payment Links" };

export default async function PaymentLinksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("payment_links.read");
  const [state, db] = await Promise.all([loadPaymentLinksSearchParams(searchParams), getDb()]);
  // The first page of the table comes with the HTML: the route's service, the client hook's key.
  const qc = new QueryClient();
  const input = parseRouteQuery(paymentLinksListSchema, paymentLinksListQuery(state));
  if (input) {
    await prefetchJson(qc, paymentLinksQueryKeys.list(scopeKeyOf(scope), state), () => listPaymentLinks(db, scope, input));
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PaymentLinksView />
    </HydrationBoundary>
  );
}
