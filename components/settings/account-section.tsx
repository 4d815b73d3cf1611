import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { COUNTRIES, CURRENCIES } from "@/lib/markets";
import type { AccountMarket, AccountSettings, ProductionStatus } from "@/lib/settings/get-account-settings";
import { EnvironmentChoice } from "./environment-choice";

const PRODUCTION_STATUS: Record<ProductionStatus, { label: string; hint: string; variant: "success" | "warning" | "muted" }> = {
  active: { label: "Active", hint: "Production is provisioned: live money moves there.", variant: "success" },
  requested: { label: "Requested", hint: "Go-live was requested and is being reviewed.", variant: "warning" },
  not_started: { label: "Not requested", hint: "Only the Sandbox is available until go-live is approved.", variant: "muted" },
};

function Field({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid min-w-0 gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm break-words">{children ?? <span className="text-muted-foreground">—</span>}</dd>
    </div>
  );
}

function Markets({ markets, label }: { markets: AccountMarket[]; label: string }) {
  if (!markets.length) return <p className="text-sm text-muted-foreground">No markets enabled.</p>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={label}>
      {markets.map((m) => (
        <li key={`${m.country}-${m.currency}`}>
          <Badge variant="outline" className="gap-1.5 py-1" title={`${COUNTRIES[m.country]?.name ?? m.country} · ${CURRENCIES[m.currency]?.name ?? m.currency}`}>
            <span>{COUNTRIES[m.country]?.name ?? m.country}</span>
            <span className="font-mono text-muted-foreground">{m.currency}</span>
            {m.isDefault && <span className="text-muted-foreground">· default</span>}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** Settings → Account: the organisation, its contact and zone, go-live status, enabled markets and the environment. */
export function AccountSection({ account }: { account: AccountSettings }) {
  const production = PRODUCTION_STATUS[account.productionStatus];
  return (
    <>
      <Card role="region" aria-labelledby="account-org-heading">
        <CardHeader>
          <h3 id="account-org-heading" className="text-base leading-none font-semibold">
            Organisation
          </h3>
          <CardDescription>Your account details. Contact support to change them.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field term="Organisation name">{account.organization}</Field>
            <Field term="Product name">{account.productName}</Field>
            <Field term="Contact email">
              <a href={`mailto:${account.contactEmail}`} className="underline-offset-4 hover:underline">
                {account.contactEmail}
              </a>
            </Field>
            <Field term="Phone">{account.phone}</Field>
            <Field term="Country">{COUNTRIES[account.countryCode]?.name ?? account.countryCode}</Field>
            <Field term="Timezone">
              <span className="font-mono text-xs">{account.timezone}</span>
              <span className="block text-xs text-muted-foreground">Timestamps show in this zone; the sidebar switches to UTC.</span>
            </Field>
          </dl>
        </CardContent>
      </Card>

      <Card role="region" aria-labelledby="account-env-heading">
        <CardHeader>
          <h3 id="account-env-heading" className="text-base leading-none font-semibold">
            Environment and go-live
          </h3>
          <CardDescription>Sandbox and Production keep separate wallets, keys, webhooks and data.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-5">
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <Field term="Production status">
              <span className="flex flex-wrap items-center gap-2">
                <Badge variant={production.variant}>{production.label}</Badge>
                <span className="text-xs text-muted-foreground">{production.hint}</span>
              </span>
            </Field>
            <Field term="Environment">
              <EnvironmentChoice />
            </Field>
          </dl>
        </CardContent>
      </Card>

      <Card role="region" aria-labelledby="account-markets-heading">
        <CardHeader>
          <h3 id="account-markets-heading" className="text-base leading-none font-semibold">
            Enabled markets
          </h3>
          <CardDescription>The countries and currencies you can use, per environment.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <Field term="Sandbox">
              <Markets markets={account.markets.sandbox} label="Sandbox markets" />
            </Field>
            <Field term="Production">
              {account.productionStatus === "active" || account.markets.production.length ? (
                <Markets markets={account.markets.production} label="Production markets" />
              ) : (
                <span className="text-sm text-muted-foreground">Available after go-live.</span>
              )}
            </Field>
          </dl>
        </CardContent>
      </Card>
    </>
  );
}
