"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  ArrowDownToLine, ArrowLeftRight, ArrowUpFromLine, Clock, History, Layers, Lock, Pencil, Plus, Wallet, WalletCards,
} from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { StatCard } from "@/components/ui/stat-card";
import { StatusPill } from "@/components/ui/status-pill";
import { toast } from "@/components/ui/toaster";
import { PageHeader } from "@/components/shell/page-header";
import { NewCollectionDialog } from "@/components/engine/new-collection-dialog";
import { SendMoneyDialog } from "@/components/engine/send-money-dialog";
import { useCan, useScope } from "@/components/shell/scope-context";
import { useSwitchContext } from "@/components/shell/context-selectors";
import { COUNTRIES, type Market } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import type { TransferResult, WalletDto, WalletsOverview } from "@/lib/wallets/types";
import { ShortDate } from "./format";
import { useOpenedOnce } from "@/components/ui/on-demand";

// The dialogs (Radix Dialog, react-hook-form, their schemas) load on first use, not with the page
// (issue 14 item 17); pointing at or focusing a button that opens one starts the download.
const loadTransferDialog = () => import("./transfer-dialog");
const TransferDialog = dynamic(() => import("./transfer-dialog").then((m) => m.TransferDialog), { ssr: false });
const loadWalletFormDialogs = () => import("./wallet-form-dialogs");
const AddWalletDialog = dynamic(() => import("./wallet-form-dialogs").then((m) => m.AddWalletDialog), { ssr: false });
const EditWalletDialog = dynamic(() => import("./wallet-form-dialogs").then((m) => m.EditWalletDialog), { ssr: false });
const warmTransfer = { onPointerEnter: () => void loadTransferDialog(), onFocus: () => void loadTransferDialog() };
const warmWalletForm = { onPointerEnter: () => void loadWalletFormDialogs(), onFocus: () => void loadWalletFormDialogs() };

/** "1,000.00" — the amount without its currency code (the "+N deposit" line). */
function bareAmount(minor: string | bigint, currency: string): string {
  return formatMoney(minor, currency).replace(`${currency} `, "");
}

/**
 * The market a wallet serves, among the member's markets: its country, or for a country-less
 * wallet the current country (same currency) or the first market of its currency. Null when the
 * member has no market for it.
 */
function walletMarket(wallet: WalletDto, current: Market, markets: Market[]): Market | null {
  const ofCurrency = markets.filter((m) => m.currency === wallet.currency);
  if (wallet.country) return ofCurrency.find((m) => m.country === wallet.country) ?? null;
  return ofCurrency.find((m) => m.country === current.country) ?? ofCurrency[0] ?? null;
}

/**
 * Deposit + main balance per currency over every wallet listed (all markets of this environment):
 * the market's currency first, then the others by code.
 */
function totalsByCurrency(wallets: WalletDto[], first: string): { currency: string; total: bigint }[] {
  const totals = new Map<string, bigint>();
  for (const w of wallets) totals.set(w.currency, (totals.get(w.currency) ?? 0n) + BigInt(w.depositBalance) + BigInt(w.payoutBalance));
  if (!totals.size) totals.set(first, 0n);
  return [...totals]
    .map(([currency, total]) => ({ currency, total }))
    .sort((a, b) => Number(b.currency === first) - Number(a.currency === first) || a.currency.localeCompare(b.currency));
}

/** Applies a confirmed transfer to the cached page data (exact balances from the server). */
function applyTransfer(data: WalletsOverview, r: TransferResult): WalletsOverview {
  const amount = BigInt(r.amount);
  const wallets = data.wallets.map((w) =>
    w.id === r.walletId
      ? { ...w, depositBalance: r.depositBalance, payoutBalance: r.payoutBalance, transactionCount: w.transactionCount + 1 }
      : w,
  );
  const inSummary = data.wallets.some((w) => w.id === r.walletId && w.currency === data.summary.currency);
  const summary = inSummary
    ? {
        ...data.summary,
        depositBalance: (BigInt(data.summary.depositBalance) - amount).toString(),
        availableBalance: (BigInt(data.summary.availableBalance) + amount).toString(),
      }
    : data.summary;
  return { ...data, wallets, summary };
}

/** The wallets page: the server reads the overview (`initial`), a change asks it again (router.refresh). */
export function WalletsView({ initial }: { initial: WalletsOverview }) {
  const scope = useScope();
  const canTransfer = useCan("wallets.transfer");
  const canManage = useCan("wallets.manage");
  const router = useRouter();
  // A confirmed transfer or an edit shows at once (from its answer) until the server's new render arrives.
  const [applied, setApplied] = useState<{ from: WalletsOverview; to: WalletsOverview } | null>(null);
  const data = applied?.from === initial ? applied.to : initial;

  const [transferOpen, setTransferOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const [addOpen, setAddOpen] = useState(false);
  const transferMounted = useOpenedOnce(transferOpen);
  const editMounted = useOpenedOnce(editOpen);
  const addMounted = useOpenedOnce(addOpen);

  const selected = data.wallets.find((w) => w.id === data.selectedWalletId) ?? null;
  const currency = data.summary.currency;
  const totals = totalsByCurrency(data.wallets, currency);
  const refresh = () => router.refresh();

  const onTransferred = (r: TransferResult) => {
    setApplied({ from: initial, to: applyTransfer(data, r) });
    setTransferOpen(false);
    toast.success(`${formatMoney(r.amount, r.currency)} moved to your main balance`, { description: r.message });
    refresh();
  };

  const selectedDeposit = selected ? BigInt(selected.depositBalance) : 0n;
  const transferBlocked = !selected || selected.locked || selected.status !== "active";
  const canOpenTransfer = canTransfer && !transferBlocked && selectedDeposit > 0n;

  return (
    <>
      <PageHeader
        title="Wallets"
        description="Manage your fiat wallets and transfer deposit balances"
        actions={
          canManage && (
            <Button {...warmWalletForm} onClick={() => setAddOpen(true)}>
              <Plus aria-hidden /> Add Wallet
            </Button>
          )
        }
      />

      <section aria-label="Wallet summary" className="mb-6 grid gap-4 sm:grid-cols-2 2xl:grid-cols-4">
        <StatCard
          role="group"
          aria-label="Total Balance"
          title="Total Balance"
          value={
            // Currencies cannot be added together: one total per currency, this market's first.
            <span role="list" aria-label="Total per currency" className="grid gap-1">
              {totals.map((t, i) => (
                <span role="listitem" key={t.currency} className={cn("block", i > 0 && "text-sm font-medium text-muted-foreground")}>
                  {formatMoney(t.total, t.currency)}
                </span>
              ))}
            </span>
          }
          hint={`Deposit + main balance of all ${data.wallets.length} wallet${data.wallets.length === 1 ? "" : "s"}, per currency`}
          icon={<Wallet />}
          accent="violet"
        />
        <StatCard
          role="group"
          aria-label="Available Balance"
          title="Available Balance"
          value={formatMoney(data.summary.availableBalance, currency)}
          hint="Ready for use"
          icon={<ArrowUpFromLine />}
          accent="green"
        />
        <StatCard
          role="group"
          aria-label="Deposit Balance"
          title="Deposit Balance"
          value={formatMoney(data.summary.depositBalance, currency)}
          hint={
            <span className="flex items-center justify-between gap-2">
              <span>Pending transfer</span>
              {canTransfer && BigInt(data.summary.depositBalance) > 0n && (
                <Button size="sm" variant="outline" disabled={!canOpenTransfer} {...warmTransfer} onClick={() => setTransferOpen(true)}>
                  Transfer Now
                </Button>
              )}
            </span>
          }
          icon={<Clock />}
          accent="orange"
        />
        <StatCard
          role="group"
          aria-label="Active Wallets"
          title="Active Wallets"
          value={data.summary.activeWallets}
          hint={data.summary.currencies.length ? `Currencies available: ${data.summary.currencies.join(", ")}` : "Currencies available"}
          icon={<Layers />}
          accent="blue"
        />
      </section>

      {selected ? (
        <SelectedWalletCard
          wallet={selected}
          canTransfer={canTransfer}
          canManage={canManage}
          transferDisabled={!canOpenTransfer}
          onTransfer={() => setTransferOpen(true)}
          onEdit={() => setEditOpen(true)}
        />
      ) : (
        <section aria-label="Selected wallet" className="mb-6">
          <Card>
          <EmptyState
            icon={<WalletCards />}
            title={`No ${scope.market.currency} wallet yet`}
            description={`You have no ${scope.market.currency} wallet for ${COUNTRIES[scope.market.country]?.name ?? scope.market.country} in this environment.`}
            action={
              canManage && (
                <Button {...warmWalletForm} onClick={() => setAddOpen(true)}>
                  <Plus aria-hidden /> Add Wallet
                </Button>
              )
            }
          />
          </Card>
        </section>
      )}

      <Card>
        <CardHeader>
          <h2 className="text-base leading-none font-semibold">All Wallets</h2>
          <CardDescription>Overview of all your fiat wallets across different currencies</CardDescription>
        </CardHeader>
        <CardContent>
          {data.wallets.length === 0 ? (
            <EmptyState icon={<Wallet />} title="No wallets yet" description="Add a wallet for one of your markets to start collecting." />
          ) : (
            <ul aria-label="All Wallets" className="divide-y rounded-lg border">
              {data.wallets.map((w) => (
                <WalletRow key={w.id} wallet={w} selected={w.id === data.selectedWalletId} market={walletMarket(w, scope.market, scope.markets)} />
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {selected && canTransfer && transferMounted && (
        <TransferDialog wallet={selected} open={transferOpen} onOpenChange={setTransferOpen} onTransferred={onTransferred} />
      )}
      {selected && canManage && editMounted && (
        <EditWalletDialog
          wallet={selected}
          open={editOpen}
          onOpenChange={setEditOpen}
          onSaved={(w) => {
            setApplied({ from: initial, to: { ...data, wallets: data.wallets.map((x) => (x.id === w.id ? w : x)) } });
            refresh();
          }}
        />
      )}
      {canManage && addMounted && <AddWalletDialog open={addOpen} onOpenChange={setAddOpen} onSaved={refresh} />}
    </>
  );
}

function SelectedWalletCard({
  wallet,
  canTransfer,
  canManage,
  transferDisabled,
  onTransfer,
  onEdit,
}: {
  wallet: WalletDto;
  canTransfer: boolean;
  canManage: boolean;
  transferDisabled: boolean;
  onTransfer(): void;
  onEdit(): void;
}) {
  const deposit = BigInt(wallet.depositBalance);
  // Collect and Payout open the money dialogs for this wallet; without the permission, the list pages.
  const canCollect = useCan("collections.create");
  const canPayout = useCan("payouts.create");
  return (
    <section aria-label="Selected wallet" className="mb-6">
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-3">
            <span className="flex size-10 items-center justify-center rounded-lg bg-primary/15 text-primary dark:text-violet-300" aria-hidden>
              <Wallet className="size-5" />
            </span>
            <div>
              <h2 className="text-lg font-semibold leading-tight">{wallet.name}</h2>
              <p className="text-sm text-muted-foreground">
                {wallet.isPrimary ? "Primary wallet" : "Wallet"} · {wallet.currency}
                {wallet.country ? ` · ${COUNTRIES[wallet.country]?.name ?? wallet.country}` : ""}
              </p>
            </div>
          </div>
          <div className="flex items-center gap-2">
            {wallet.locked && (
              <Badge variant="destructive">
                <Lock aria-hidden /> Locked
              </Badge>
            )}
            <StatusPill status={wallet.status} />
          </div>
        </CardHeader>
        <CardContent className="grid gap-5">
          <div className="grid gap-3 sm:grid-cols-3">
            <Tile label="Main Balance" value={formatMoney(wallet.payoutBalance, wallet.currency)} hint="Available for payouts" />
            <Tile
              label="Deposit Balance"
              value={formatMoney(wallet.depositBalance, wallet.currency)}
              hint="Available for transfer"
              tone="warning"
            />
            <Tile label="Total Transactions" value={wallet.transactionCount.toLocaleString("en-US")} hint="Ledger movements" />
          </div>
          <div className="flex flex-wrap gap-2">
            {canTransfer && (
              <Button {...warmTransfer} onClick={onTransfer} disabled={transferDisabled}>
                <ArrowLeftRight aria-hidden /> Transfer Deposit Balance
              </Button>
            )}
            <Button asChild variant="outline">
              <Link href={`/wallets/${wallet.id}`}>
                <History aria-hidden /> View Transactions
              </Link>
            </Button>
            {canCollect ? (
              <NewCollectionDialog walletId={wallet.id} variant="outline" label="Collect" icon={<ArrowDownToLine aria-hidden />} />
            ) : (
              <Button asChild variant="outline">
                <Link href="/collections">
                  <ArrowDownToLine aria-hidden /> Collect
                </Link>
              </Button>
            )}
            {canPayout ? (
              <SendMoneyDialog walletId={wallet.id} variant="outline" label="Payout" icon={<ArrowUpFromLine aria-hidden />} />
            ) : (
              <Button asChild variant="outline">
                <Link href="/payouts">
                  <ArrowUpFromLine aria-hidden /> Payout
                </Link>
              </Button>
            )}
            {canManage && (
              <Button variant="outline" {...warmWalletForm} onClick={onEdit}>
                <Pencil aria-hidden /> Edit Wallet
              </Button>
            )}
          </div>
          {canTransfer && (wallet.locked || wallet.status !== "active") ? (
            <p className="text-sm text-muted-foreground">
              {wallet.locked ? "This wallet is locked: unlock it in Edit Wallet to transfer." : `This wallet is ${wallet.status}: transfers are not allowed.`}
            </p>
          ) : canTransfer && deposit === 0n ? (
            <p className="text-sm text-muted-foreground">No deposit balance to transfer yet: collections credit it.</p>
          ) : null}
        </CardContent>
      </Card>
    </section>
  );
}

function Tile({ label, value, hint, tone }: { label: string; value: React.ReactNode; hint: string; tone?: "warning" }) {
  return (
    <div
      role="group"
      aria-label={label}
      className={cn(
        "rounded-lg border p-4",
        tone === "warning" ? "border-warning/40 bg-warning/10 [&_[data-value]]:text-warning" : "bg-muted/30",
      )}
    >
      <p className="text-sm text-muted-foreground">{label}</p>
      <p data-value className="mt-1 text-xl font-semibold tabular-nums">
        {value}
      </p>
      <p className="mt-1 text-xs text-muted-foreground">{hint}</p>
    </div>
  );
}

function WalletRow({ wallet, selected, market }: { wallet: WalletDto; selected: boolean; market: Market | null }) {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const deposit = BigInt(wallet.depositBalance);
  // A wallet of another market: selecting it, or opening its history, switches the top bar to that market.
  const otherMarket = market && (market.country !== scope.market.country || market.currency !== scope.market.currency) ? market : null;
  const switchTo = (path?: string) => otherMarket && run({ environment: scope.environment, ...otherMarket }, path);
  return (
    <li aria-label={wallet.name} className={cn("flex flex-wrap items-center gap-4 p-4", selected && "bg-primary/5")}>
      <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-muted" aria-hidden>
        <Wallet className="size-5 text-muted-foreground" />
      </span>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/wallets/${wallet.id}`}
            className="font-medium hover:underline"
            onClick={(e) => {
              // A plain click on another market's wallet opens its history in that market; a new tab stays a plain link.
              if (!otherMarket || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
              e.preventDefault();
              switchTo(`/wallets/${wallet.id}`);
            }}
          >
            {wallet.name}
          </Link>
          <Badge variant="outline">
            {wallet.currency}
            {wallet.country ? ` · ${wallet.country}` : ""}
          </Badge>
          {selected && <Badge variant="secondary">Selected</Badge>}
          {wallet.locked && (
            <Badge variant="destructive">
              <Lock aria-hidden /> Locked
            </Badge>
          )}
        </div>
        <div className="flex items-center gap-1 text-xs text-muted-foreground">
          <span className="font-mono">ID: {wallet.id}</span>
          <CopyButton value={wallet.id} label="wallet ID" />
        </div>
        <p className="text-xs text-muted-foreground">
          {wallet.transactionCount.toLocaleString("en-US")} transaction{wallet.transactionCount === 1 ? "" : "s"} • Created{" "}
          <ShortDate value={wallet.createdAt} />
        </p>
      </div>
      <div className="flex flex-col items-end gap-1 text-right">
        <span className="font-semibold tabular-nums">{formatMoney(wallet.payoutBalance, wallet.currency)}</span>
        {otherMarket && (
          <Button size="sm" variant="outline" disabled={pending} onClick={() => switchTo()} aria-label={`Select ${wallet.name}`}>
            Select
          </Button>
        )}
        {deposit > 0n && <span className="text-xs font-medium text-warning tabular-nums">+{bareAmount(deposit, wallet.currency)} deposit</span>}
        <StatusPill status={wallet.status} />
      </div>
    </li>
  );
}
