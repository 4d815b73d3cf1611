import type { Metadata } from "next";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import { getDb } from "@/lib/db/client";
import { scopeKeyOf } from "@/lib/client/fetch-json";
import { parseRouteQuery, prefetchJson, requestZone } from "@/lib/client/prefetch";
import { getAccountSettings } from "@/lib/settings/get-account-settings";
import { getFeeArrangements } from "@/lib/settings/get-fee-arrangements";
import { loadSettingsTab } from "@/lib/settings/settings-tabs";
import { getWebhookSettings } from "@/lib/webhooks/get-webhook-settings";
import { getWebhookDelivery } from "@/lib/webhooks/get-webhook-delivery";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import {
  DELIVERY_ROUTE_ID,
  deliveriesListQuery,
  deliveriesQueryKeys,
  loadDeliveriesSearchParams,
} from "@/lib/webhooks/deliveries-contract";
import { deliveriesListSchema } from "@/lib/webhooks/deliveries-contract-schema";
import { PageHeader } from "@/components/shell/page-header";
import { AccountSection } from "@/components/settings/account-section";
import { FeesSection } from "@/components/settings/fees-section";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { WebhooksSection } from "@/components/settings/webhooks-section";

export const metadata: Metadata = { title: "Settings" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("settings.manage");
  const db = await getDb();
  const [{ tab }, logState, tz] = await Promise.all([loadSettingsTab(searchParams), loadDeliveriesSearchParams(searchParams), requestZone(scope)]);
  const [account, fees, webhooks] = await Promise.all([getAccountSettings(db, scope), getFeeArrangements(db, scope), getWebhookSettings(db, scope)]);

  // The webhook log's first page (and an open delivery) come with the HTML when the Webhooks tab
  // is open: the route's service under the client hook's key.
  const qc = new QueryClient();
  if (tab === "webhooks") {
    const scopeKey = scopeKeyOf(scope);
    const input = parseRouteQuery(deliveriesListSchema, deliveriesListQuery(logState, tz));
    const open = logState.delivery && DELIVERY_ROUTE_ID.test(logState.delivery) ? logState.delivery : null;
    await Promise.all([
      input ? prefetchJson(qc, deliveriesQueryKeys.list(scopeKey, logState, tz), () => listWebhookDeliveries(db, scope, input)) : undefined,
      open ? prefetchJson(qc, deliveriesQueryKeys.detail(scopeKey, open), () => getWebhookDelivery(db, scope, open)) : undefined,
    ]);
  }

  return (
    <>
      <PageHeader title="Settings" description={`${account.organization}: account details, fees and webhooks for the ${scope.environment === "production" ? "Production" : "Sandbox"} environment.`} />
      <HydrationBoundary state={dehydrate(qc)}>
        <SettingsTabs
          sections={{
            account: <AccountSection account={account} />,
            fees: <FeesSection wallets={fees} environment={scope.environment} />,
            webhooks: <WebhooksSection initial={webhooks} />,
          }}
        />
      </HydrationBoundary>
    </>
  );
}
