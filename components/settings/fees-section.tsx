import { Wallet } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { describeFee, type Direction, type FeeBearer } from "@/lib/engine/fees";
import { COUNTRIES } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { humanize } from "@/lib/transactions/format";
import type { DirectionArrangement, WalletFeeArrangement } from "@/lib/settings/get-fee-arrangements";

/** Who bears the fee, and what that does to the amounts (§3.3). */
const BEARER_TEXT: Record<Direction, Record<FeeBearer, { who: string; effect: string }>> = {
  collection: {
    CUSTOMER: { who: "The customer pays the fee", effect: "It is added to what the customer pays; the wallet is credited the full amount." },
    WALLET: { who: "Your wallet pays the fee", effect: "The customer pays the amount; the wallet is credited the amount less the fee." },
  },
  payout: {
    CUSTOMER: { who: "The recipient bears the fee", effect: "It is deducted from what the recipient receives; the wallet pays the amount." },
    WALLET: { who: "Your wallet pays the fee", effect: "The recipient receives the full amount; the wallet pays the amount plus the fee." },
  },
};

const DIRECTION_TITLE: Record<Direction, string> = { collection: "Collections", payout: "Payouts" };

function DirectionBlock({ wallet, direction, arrangement }: { wallet: WalletFeeArrangement; direction: Direction; arrangement: DirectionArrangement }) {
  const money = (minor: bigint) => formatMoney(minor, wallet.currency);
  const bearer = BEARER_TEXT[direction][arrangement.bearer];
  const headingId = `fees-${wallet.walletId}-${direction}`;
  return (
    <section aria-labelledby={headingId} className="grid content-start gap-3 rounded-lg border p-4">
      <div className="grid gap-1">
        <h4 id={headingId} className="text-sm font-semibold">
          {DIRECTION_TITLE[direction]}
        </h4>
        <p className="text-sm font-medium" data-bearer={arrangement.bearer}>
          {bearer.who}
        </p>
        <p className="text-xs text-muted-foreground">{bearer.effect}</p>
      </div>
      {arrangement.rules.length ? (
        <Table aria-label={`${wallet.name} ${DIRECTION_TITLE[direction].toLowerCase()} fee schedule`}>
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Channel</TableHead>
              <TableHead>Fee</TableHead>
              <TableHead className="text-right">Max per transaction</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {arrangement.rules.map((r) => (
              <TableRow key={r.channel}>
                <TableCell className="whitespace-nowrap">{humanize(r.channel)}</TableCell>
                <TableCell className="whitespace-normal tabular-nums">{describeFee(r, wallet.currency, money)}</TableCell>
                <TableCell className="text-right whitespace-nowrap tabular-nums">{money(r.maxAmount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">No {DIRECTION_TITLE[direction].toLowerCase()} fee schedule for {wallet.currency}.</p>
      )}
    </section>
  );
}

/**
 * Settings → Fees: for each fiat wallet of the environment (the selected market's first), the fee
 * arrangement of collections and of payouts: who bears the fee and the schedule per channel.
 */
export function FeesSection({ wallets, environment }: { wallets: WalletFeeArrangement[]; environment: string }) {
  if (!wallets.length) {
    return (
      <Card>
        <CardContent>
          <EmptyState icon={<Wallet />} title="No wallets yet" description={`Fee arrangements are shown per fiat wallet; this ${environment} environment has none.`} />
        </CardContent>
      </Card>
    );
  }
  return (
    <>
      <p className="text-sm text-muted-foreground">
        Fees are charged per transaction: a percentage and/or a flat amount, kept between a minimum and a maximum, rounded to whole units
        where the networks only move whole units. Each wallet decides who bears them, for collections and payouts separately.
      </p>
      {wallets.map((w) => {
        const headingId = `fees-${w.walletId}`;
        return (
          <Card key={w.walletId} role="region" aria-labelledby={headingId} data-testid="wallet-fees">
            <CardHeader>
              <h3 id={headingId} className="flex flex-wrap items-center gap-2 text-base leading-none font-semibold">
                {w.name}
                <Badge variant="outline" className="font-mono">
                  {w.currency}
                </Badge>
                {w.inSelectedMarket && <Badge variant="info">Selected market</Badge>}
                {w.status !== "active" && <Badge variant="muted">{humanize(w.status)}</Badge>}
              </h3>
              <CardDescription>
                {w.country ? (COUNTRIES[w.country]?.name ?? w.country) : `Every ${w.currency} country`}
                {w.isPrimary ? " · Primary wallet" : ""}
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4 lg:grid-cols-2">
              <DirectionBlock wallet={w} direction="collection" arrangement={w.collection} />
              <DirectionBlock wallet={w} direction="payout" arrangement={w.payout} />
            </CardContent>
          </Card>
        );
      })}
    </>
  );
}
