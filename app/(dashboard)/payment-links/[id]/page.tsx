import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { notFound } from "next/navigation";
import { pageParams, requirePageScope } from "@/lib/auth/guard";
import { NotFoundError } from "@/lib/auth/errors";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson } from "@/lib/client/prefetch";
import { getPaymentLink } from "@/lib/payment-links/get-payment-link";
import { getLinkAnalytics } from "@/lib/payment-links/link-analytics";
import { listLinkPayments } from "@/lib/payment-links/list-link-payments";
import {
  LINK_ANALYTICS_DAYS,
  LINK_ROUTE_ID,
  linkDetailQueryKeys,
  linkPaymentsListQuery,
  loadLinkPaymentsSearchParams,
} from "@/lib/payment-links/link-payments-contract";
import { linkPaymentsSchema } from "@/lib/payment-links/link-payments-contract-schema";
import { LinkDetailView } from "@/components/payment-links/link-detail";

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
  const [db, state] = await Promise.all([getDb(), loadLinkPaymentsSearchParams(searchParams)]);
  const link = await getPaymentLink(db, scope, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // The link, its analytics and the first page of its payments come with the HTML, under the
  // client hooks' keys (the routes' services, the routes' JSON).
  const qc = new QueryClient();
  const scopeKey = scopeKeyOf(scope);
  const input = parseRouteQuery(linkPaymentsSchema, linkPaymentsListQuery(state));
  await Promise.all([
    prefetchJson(qc, linkDetailQueryKeys.detail(scopeKey, link.id), async () => link),
    prefetchJson(qc, linkDetailQueryKeys.analytics(scopeKey, link.id, LINK_ANALYTICS_DAYS), () =>
      getLinkAnalytics(db, scope, link.id, { days: LINK_ANALYTICS_DAYS }),
    ),
    input
      ? prefetchJson(qc, linkDetailQueryKeys.payments(scopeKey, link.id, state), () => listLinkPayments(db, scope, link.id, input))
      : undefined,
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <LinkDetailView linkId={link.id} />
    </HydrationBoundary>
  );
}
