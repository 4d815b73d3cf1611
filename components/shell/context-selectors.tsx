"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Check, ChevronDown, Lock } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Badge } from "@/components/ui/badge";
import { COUNTRIES, CURRENCIES } from "@/lib/markets";
import { selectContext } from "@/lib/auth/context-actions";
import { switchedUrl, type ContextSelection } from "@/lib/context-url";
import { useScope } from "./scope-context";

function useSwitchContext() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  const run = (input: Parameters<typeof selectContext>[0]) =>
    startTransition(async () => {
      const result = await selectContext(input);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      // Keys carry the market, so old data would not show anyway; drop it to free memory.
      queryClient.removeQueries();
      showContext(router, result.data);
    });
  return { run, pending };
}

/**
 * After a switch: the same page in the new context. The URL names it (so a copied link opens it
 * and proxy.ts does not switch back), filters stay, the previous market's paging and open detail go.
 */
export function showContext(router: ReturnType<typeof useRouter>, selection: ContextSelection) {
  const next = switchedUrl(new URL(window.location.href), selection);
  router.replace(`${next.pathname}${next.search}`, { scroll: false });
}

export function MarketSelectors() {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const currencies = [...new Set(scope.markets.map((m) => m.currency))];
  const countries = scope.markets.filter((m) => m.currency === scope.market.currency).map((m) => m.country);

  return (
    <div className="flex items-center gap-2" aria-busy={pending}>
      <Select
        value={scope.market.country}
        disabled={pending}
        onValueChange={(country) => run({ environment: scope.environment, country, currency: scope.market.currency })}
      >
        <SelectTrigger aria-label="Country" className="w-[88px]" size="sm">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {countries.map((code) => (
            <SelectItem key={code} value={code}>
              <span className="font-mono text-xs">{code}</span>
              <span className="sr-only"> {COUNTRIES[code]?.name ?? code}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select
        value={scope.market.currency}
        disabled={pending}
        onValueChange={(currency) => {
          const first = scope.markets.find((m) => m.currency === currency);
          if (first) run({ environment: scope.environment, country: first.country, currency });
        }}
      >
        <SelectTrigger aria-label="Currency" className="w-[220px] max-sm:w-[96px]" size="sm">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {currencies.map((code) => (
            <SelectItem key={code} value={code}>
              <span className="font-mono text-xs font-semibold">{code}</span>
              <span className="text-muted-foreground max-sm:sr-only"> {CURRENCIES[code]?.name ?? code}</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}

export function EnvironmentBadge({ environment }: { environment: "sandbox" | "production" }) {
  return environment === "production" ? <Badge variant="success">Prod</Badge> : <Badge variant="warning">Sandbox</Badge>;
}

export function EnvironmentSelector() {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const label = scope.environment === "production" ? "Production" : "Sandbox";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        disabled={pending}
        aria-label={`Environment: ${label}. Change environment`}
        className="inline-flex h-8 items-center gap-2 rounded-md border border-input px-2.5 text-sm hover:bg-accent"
      >
        <EnvironmentBadge environment={scope.environment} />
        <span className="max-sm:sr-only">{label}</span>
        <ChevronDown className="size-3.5 opacity-70" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel>Environment</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={!scope.productionEnabled}
          onSelect={() => run({ environment: "production", remember: true })}
          aria-label={scope.productionEnabled ? "Production" : "Production (locked: not provisioned)"}
        >
          <EnvironmentBadge environment="production" /> Production
          {scope.productionEnabled ? (
            scope.environment === "production" && <Check className="ml-auto" aria-hidden />
          ) : (
            <Lock className="ml-auto" aria-hidden />
          )}
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => run({ environment: "sandbox", remember: true })} aria-label="Sandbox">
          <EnvironmentBadge environment="sandbox" /> Sandbox
          {scope.environment === "sandbox" && <Check className="ml-auto" aria-hidden />}
        </DropdownMenuItem>
        {!scope.productionEnabled && (
          <p className="px-2 py-1.5 text-xs text-muted-foreground">Production is locked until your go-live is approved.</p>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
