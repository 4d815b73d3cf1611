import { Activity, ArrowDownToLine, ArrowUpFromLine, CheckCircle2, Clock, Percent, Receipt, Sigma, XCircle } from "lucide-react";
import { StatCard } from "@/components/ui/stat-card";
import { formatMoney } from "@/lib/money";
import type { KindConfig } from "@/lib/transactions/kinds";
import type { TxStatsResponse } from "@/lib/transactions/types";
import { cn } from "@/lib/utils";

function Value({ children }: { children: React.ReactNode }) {
  // Long amounts ("KES 17,969,901.00") step down a size instead of wrapping in a narrow card.
  const length = typeof children === "string" ? children.length : 0;
  return <span className={cn("whitespace-nowrap", length > 17 ? "text-lg" : length > 13 ? "text-xl" : undefined)}>{children}</span>;
}

/** Total / Success Rate / Fees / Average for the current filters (collections and payouts), rendered on the server. */
export function TransactionStatCards({ config, stats }: { config: KindConfig; stats?: TxStatsResponse }) {
  if (!config.cards) return null;
  const c = stats?.counters;
  const currency = stats?.currency ?? "";
  const money = (v: string | undefined) => (v === undefined || !currency ? "—" : formatMoney(v, currency));
  const isPayout = config.slug === "payouts";
  return (
    <section aria-label="Summary" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <StatCard
        title={config.cards.total}
        value={<Value>{money(stats?.successAmount)}</Value>}
        hint={c ? `${c.successful.toLocaleString("en-US")} successful out of ${c.total.toLocaleString("en-US")} total` : " "}
        icon={isPayout ? <ArrowUpFromLine /> : <ArrowDownToLine />}
        accent="green"
      />
      <StatCard
        title="Success Rate"
        value={<Value>{stats ? `${stats.successRate.toFixed(1)}%` : "—"}</Value>}
        hint={c ? `${c.successful.toLocaleString("en-US")} successful` : " "}
        icon={<Percent />}
        accent="blue"
      />
      <StatCard
        title={config.cards.fees}
        value={<Value>{money(stats?.successFees)}</Value>}
        hint={config.cards.feesHint}
        icon={<Receipt />}
        accent="orange"
      />
      <StatCard
        title={config.cards.average}
        value={<Value>{money(stats?.averageAmount)}</Value>}
        hint="Per transaction"
        icon={<Sigma />}
        accent="violet"
      />
    </section>
  );
}

const COUNTERS = [
  { key: "successful", label: "Successful", icon: CheckCircle2, tone: "text-success bg-success/10" },
  { key: "failed", label: "Failed", icon: XCircle, tone: "text-destructive bg-destructive/10 dark:text-red-300" },
  { key: "pending", label: "Pending", icon: Clock, tone: "text-warning bg-warning/10" },
  { key: "total", label: "Total", icon: Activity, tone: "text-info bg-info/10" },
] as const;

/** Successful / Failed / Pending / Total for the current filters ("—" when they could not be counted). */
export function TransactionCounters({ stats }: { stats?: TxStatsResponse }) {
  return (
    <section aria-label="Counters" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {COUNTERS.map(({ key, label, icon: Icon, tone }) => (
        <div key={key} className="flex items-center gap-3 rounded-lg border bg-card px-4 py-3" data-testid={`counter-${key}`}>
          <span className={cn("flex size-9 items-center justify-center rounded-md", tone)} aria-hidden>
            <Icon className="size-4" />
          </span>
          <div className="min-w-0">
            <p className="text-xs text-muted-foreground">{label}</p>
            <p className="text-lg font-semibold tabular-nums">
              {stats ? stats.counters[key].toLocaleString("en-US") : "—"}
            </p>
          </div>
        </div>
      ))}
    </section>
  );
}
