import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { requirePageScope } from "@/lib/auth/guard";
import type { Scope } from "@/lib/auth/scope";
import { getDb } from "@/lib/db/client";
import { getAccountSettings } from "@/lib/settings/get-account-settings";
import { getFeeArrangements } from "@/lib/settings/get-fee-arrangements";
import { createLoader } from "nuqs/server";
import { settingsTabParsers, type SettingsTab } from "@/lib/settings/settings-tabs";
import { getWebhookSettings } from "@/lib/webhooks/get-webhook-settings";
import { PageHeader } from "@/components/shell/page-header";
import { AccountSection } from "@/components/settings/account-section";
import { FeesSection } from "@/components/settings/fees-section";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { WebhookLog } from "@/components/settings/webhook-log";
import { WebhooksSection } from "@/components/settings/webhooks-section-on-demand";

export const metadata: Metadata = { title: "Settings" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const scope = await requirePageScope("settings.manage");
  const { tab } = await createLoader(settingsTabParsers)(searchParams);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`${scope.organization}: account details, fees and webhooks for the ${scope.environment === "production" ? "Production" : "Sandbox"} environment.`}
      />
      <SettingsTabs tab={tab}>
        <Section tab={tab} scope={scope} searchParams={searchParams} />
      </SettingsTabs>
    </>
  );
}

/** Only the open tab's section is read and rendered: the page ships no other section's code. */
async function Section({ tab, scope, searchParams }: { tab: SettingsTab; scope: Scope; searchParams: Promise<SearchParams> }) {
  const db = await getDb();
  switch (tab) {
    case "account":
      return <AccountSection account={await getAccountSettings(db, scope)} />;
    case "fees":
      return <FeesSection wallets={await getFeeArrangements(db, scope)} environment={scope.environment} />;
    case "webhooks":
      return (
        <>
          <WebhooksSection initial={await getWebhookSettings(db, scope)} />
          <WebhookLog scope={scope} searchParams={searchParams} />
        </>
      );
  }
}
