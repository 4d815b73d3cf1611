"use client";

import { Check, Lock } from "lucide-react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Button } from "@/components/ui/button";
import { Sheet, SheetClose, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { cn } from "@/lib/utils";
import { COUNTRIES, CURRENCIES } from "@/lib/markets";
import {
  Caption, ContextSheetButton, countryLabel, currencyLabel, EnvironmentBadge, EnvironmentButtonContent, marketChoices,
  useSwitchContext, type SelectorLayout,
} from "./context-selectors";
import { useScope } from "./scope-context";

/*
 * The Radix half of the market and environment selectors: loaded on their first use (see
 * context-selectors.tsx, which renders look-alike stand-ins until then). Every selector here takes
 * `defaultOpen`: the click on the stand-in opens it.
 */

export function CountrySelect({ layout = "bar", defaultOpen }: { layout?: SelectorLayout; defaultOpen?: boolean }) {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const { country, currency } = scope.market;
  const sheet = layout === "sheet";
  return (
    <Select
      defaultOpen={defaultOpen}
      value={country}
      disabled={pending}
      onValueChange={(next) => run({ environment: scope.environment, country: next, currency })}
    >
      <SelectTrigger aria-label={countryLabel(country)} className={sheet ? "w-full" : "w-[88px]"} size={sheet ? "default" : "sm"}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {marketChoices(scope).countries.map((code) => (
          <SelectItem key={code} value={code}>
            <span className="font-mono text-xs">{code}</span>
            <span className={sheet ? "text-muted-foreground" : "sr-only"}> {COUNTRIES[code]?.name ?? code}</span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export function CurrencySelect({ layout = "bar", defaultOpen }: { layout?: SelectorLayout; defaultOpen?: boolean }) {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const { currency } = scope.market;
  const sheet = layout === "sheet";
  return (
    <Select
      defaultOpen={defaultOpen}
      value={currency}
      disabled={pending}
      onValueChange={(next) => {
        const first = scope.markets.find((m) => m.currency === next);
        if (first) run({ environment: scope.environment, country: first.country, currency: next });
      }}
    >
      <SelectTrigger aria-label={currencyLabel(currency)} className={sheet ? "w-full" : "w-[220px]"} size={sheet ? "default" : "sm"}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {marketChoices(scope).currencies.map((code) => (
          <SelectItem key={code} value={code}>
            <span className="font-mono text-xs font-semibold">{code}</span>
            <span className="text-muted-foreground"> {CURRENCIES[code]?.name ?? code}</span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

export function EnvironmentMenu({ layout = "bar", defaultOpen }: { layout?: SelectorLayout; defaultOpen?: boolean }) {
  const scope = useScope();
  const { run, pending } = useSwitchContext();
  const sheet = layout === "sheet";
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger
        disabled={pending}
        className={cn(
          "inline-flex items-center gap-2 rounded-md border border-input text-sm hover:bg-accent disabled:opacity-50",
          sheet ? "h-9 w-full px-3 shadow-sm" : "h-8 px-2.5",
        )}
      >
        <EnvironmentButtonContent environment={scope.environment} sheet={sheet} />
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
}

/** The phone's bottom sheet: the same three selectors, each on its own line under a caption. */
export function ContextSheetPanel({ className, defaultOpen }: { className?: string; defaultOpen?: boolean }) {
  return (
    <Sheet defaultOpen={defaultOpen}>
      <SheetTrigger asChild>
        <ContextSheetButton className={className} />
      </SheetTrigger>
      <SheetContent side="bottom" className="gap-0 rounded-t-xl">
        <SheetHeader>
          <SheetTitle>Market and environment</SheetTitle>
          <SheetDescription>Every page shows the data of this market and environment.</SheetDescription>
        </SheetHeader>
        <div className="grid gap-4 px-4 pb-2">
          <div className="grid gap-1.5">
            <Caption>Country</Caption>
            <CountrySelect layout="sheet" />
          </div>
          <div className="grid gap-1.5">
            <Caption>Currency</Caption>
            <CurrencySelect layout="sheet" />
          </div>
          <div className="grid gap-1.5">
            <Caption>Environment</Caption>
            <EnvironmentMenu layout="sheet" />
          </div>
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
