"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Check, ChevronDown, Lock } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Sheet, SheetClose, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { cn } from "@/lib/utils";
import { COUNTRIES, CURRENCIES } from "@/lib/markets";
import { selectContext } from "@/lib/auth/context-actions";
import { switchedUrl, type ContextSelection } from "@/lib/context-url";
import { useScope } from "./scope-context";

/** Switching market or environment (the selectors and the command palette): the action checks and stores it, then the same page opens in the new context. */
export function useSwitchContext() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  /** `path`: open that page in the new context instead of this one (a wallet of another market). */
  const run = (input: Parameters<typeof selectContext>[0], path?: string) =>
    startTransition(async () => {
      const result = await selectContext(input);
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      // Keys carry the market, so old data would not show anyway; drop it to free memory.
      queryClient.removeQueries();
      showContext(router, result.data, path);
    });
  return { run, pending };
}

/**
 * After a switch: the same page in the new context. The URL names it (so a copied link opens it
 * and proxy.ts does not switch back), filters stay, the previous market's paging and open detail go.
 */
export function showContext(router: ReturnType<typeof useRouter>, selection: ContextSelection, path?: string) {
  const next = switchedUrl(new URL(path ?? window.location.href, window.location.href), selection);
  router.replace(`${next.pathname}${next.search}`, { scroll: false });
}

type SelectorLayout = "bar" | "sheet";

/** In the phone sheet each selector stands on its own line under a caption (its name says the same). */
function Caption({ children }: { children: React.ReactNode }) {
  return (
    <span aria-hidden className="text-xs font-medium text-muted-foreground">
      {children}
    </span>
  );
}

/**
 * Country and currency. Their accessible names start with what they are and include what they
 * show ("Currency: KES Kenyan Shilling"), so the name a voice user reads off the screen works.
 */
export function MarketSelectors({ layout = "bar" }: { layout?: SelectorLayout }) {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const currencies = [...new Set(scope.markets.map((m) => m.currency))];
  const countries = scope.markets.filter((m) => m.currency === scope.market.currency).map((m) => m.country);
  const { country, currency } = scope.market;
  const sheet = layout === "sheet";

  const countrySelect = (
    <Select
      value={country}
      disabled={pending}
      onValueChange={(next) => run({ environment: scope.environment, country: next, currency })}
    >
      <SelectTrigger
        aria-label={`Country: ${country} ${COUNTRIES[country]?.name ?? ""}`.trim()}
        className={sheet ? "w-full" : "w-[88px]"}
        size={sheet ? "default" : "sm"}
      >
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {countries.map((code) => (
          <SelectItem key={code} value={code}>
            <span className="font-mono text-xs">{code}</span>
            <span className={sheet ? "text-muted-foreground" : "sr-only"}> {COUNTRIES[code]?.name ?? code}</span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
  const currencySelect = (
    <Select
      value={currency}
      disabled={pending}
      onValueChange={(next) => {
        const first = scope.markets.find((m) => m.currency === next);
        if (first) run({ environment: scope.environment, country: first.country, currency: next });
      }}
    >
      <SelectTrigger
        aria-label={`Currency: ${currency} ${CURRENCIES[currency]?.name ?? ""}`.trim()}
        className={sheet ? "w-full" : "w-[220px]"}
        size={sheet ? "default" : "sm"}
      >
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {currencies.map((code) => (
          <SelectItem key={code} value={code}>
            <span className="font-mono text-xs font-semibold">{code}</span>
            <span className="text-muted-foreground"> {CURRENCIES[code]?.name ?? code}</span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );

  if (sheet) {
    return (
      <div className="grid gap-4" aria-busy={pending}>
        <div className="grid gap-1.5">
          <Caption>Country</Caption>
          {countrySelect}
        </div>
        <div className="grid gap-1.5">
          <Caption>Currency</Caption>
          {currencySelect}
        </div>
      </div>
    );
  }
  return (
    <div className="flex items-center gap-2" aria-busy={pending}>
      {countrySelect}
      {currencySelect}
    </div>
  );
}

export function EnvironmentBadge({ environment }: { environment: "sandbox" | "production" }) {
  return environment === "production" ? <Badge variant="success">Prod</Badge> : <Badge variant="warning">Sandbox</Badge>;
}

const environmentLabel = (environment: "sandbox" | "production") => (environment === "production" ? "Production" : "Sandbox");

export function EnvironmentSelector({ layout = "bar" }: { layout?: SelectorLayout }) {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const label = environmentLabel(scope.environment);
  const sheet = layout === "sheet";
  const menu = (
    <DropdownMenu>
      {/* Named by its content ("Environment: Sandbox"): the badge repeats the label, so it is hidden from the name. */}
      <DropdownMenuTrigger
        disabled={pending}
        className={cn(
          "inline-flex items-center gap-2 rounded-md border border-input text-sm hover:bg-accent disabled:opacity-50",
          sheet ? "h-9 w-full px-3 shadow-sm" : "h-8 px-2.5",
        )}
      >
        <span className="sr-only">Environment: </span>
        <span aria-hidden className="inline-flex">
          <EnvironmentBadge environment={scope.environment} />
        </span>
        <span>{label}</span>
        <ChevronDown className={cn("size-3.5 opacity-70", sheet && "ml-auto size-4")} aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align={sheet ? "start" : "end"} className={sheet ? "w-(--radix-dropdown-menu-trigger-width)" : "w-56"}>
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
  if (!sheet) return menu;
  return (
    <div className="grid gap-1.5">
      <Caption>Environment</Caption>
      {menu}
    </div>
  );
}

/**
 * Below `md` the three selectors do not fit the top bar: one compact button names the market and
 * environment ("KE · KES · Sandbox") and opens a bottom sheet with the same selectors.
 */
export function ContextSheet({ className }: { className?: string }) {
  const scope = useScope();
  const [open, setOpen] = useState(false);
  const { country, currency } = scope.market;
  const environment = environmentLabel(scope.environment);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          aria-label={`Market and environment: ${country}, ${currency}, ${environment}`}
          className={cn("min-w-0 shrink gap-1.5 px-2.5", className)}
        >
          <span
            aria-hidden
            className={cn("size-2 shrink-0 rounded-full max-[359px]:hidden", scope.environment === "production" ? "bg-success" : "bg-warning")}
          />
          <span className="truncate">
            {country} · {currency} · {environment}
          </span>
          <ChevronDown className="size-3.5 opacity-70" aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="bottom" className="gap-0 rounded-t-xl">
        <SheetHeader>
          <SheetTitle>Market and environment</SheetTitle>
          <SheetDescription>Every page shows the data of this market and environment.</SheetDescription>
        </SheetHeader>
        <div className="grid gap-4 px-4 pb-2">
          <MarketSelectors layout="sheet" />
          <EnvironmentSelector layout="sheet" />
        </div>
        <SheetFooter className="pb-[max(1rem,env(safe-area-inset-bottom))]">
          <SheetClose asChild>
            <Button variant="secondary">Done</Button>
          </SheetClose>
        </SheetFooter>
      </SheetContent>
    </Sheet>
  );
}
