"use client";

import { useTransition } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { ChevronDown } from "lucide-react";
import { toast } from "@/components/ui/toaster";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useOnDemand } from "@/components/ui/on-demand";
import { SelectStandIn } from "@/components/ui/select-stand-in";
import { cn } from "@/lib/utils";
import { COUNTRIES, CURRENCIES } from "@/lib/markets";
import { selectContext } from "@/lib/auth/context-actions";
import { announceDataChanged } from "@/lib/client/data-changed";
import { switchedUrl, type ContextSelection } from "@/lib/context-url";
import { useScope, type ClientScope } from "./scope-context";

/** Switching market or environment (the selectors and the command palette): the action checks and stores it, then the same page opens in the new context. */
export function useSwitchContext() {
  const router = useRouter();
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
      announceDataChanged({ reset: true });
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

export type SelectorLayout = "bar" | "sheet";

/** In the phone sheet each selector stands on its own line under a caption (its name says the same). */
export function Caption({ children }: { children: React.ReactNode }) {
  return (
    <span aria-hidden className="text-xs font-medium text-muted-foreground">
      {children}
    </span>
  );
}

/*
 * The names start with what the selector is and include what it shows ("Currency: KES Kenyan
 * Shilling"), so the name a voice user reads off the screen works.
 */
export const countryLabel = (country: string) => `Country: ${country} ${COUNTRIES[country]?.name ?? ""}`.trim();
export const currencyLabel = (currency: string) => `Currency: ${currency} ${CURRENCIES[currency]?.name ?? ""}`.trim();

/** The currencies of the member's markets, and the countries of the current currency. */
export function marketChoices(scope: ClientScope) {
  return {
    currencies: [...new Set(scope.markets.map((m) => m.currency))],
    countries: scope.markets.filter((m) => m.currency === scope.market.currency).map((m) => m.country),
  };
}

export function EnvironmentBadge({ environment }: { environment: "sandbox" | "production" }) {
  return environment === "production" ? <Badge variant="success">Prod</Badge> : <Badge variant="warning">Sandbox</Badge>;
}

const environmentLabel = (environment: "sandbox" | "production") => (environment === "production" ? "Production" : "Sandbox");

/** The environment button's content ("Environment: Sandbox"): the badge repeats the label, so it is hidden from the name. */
export function EnvironmentButtonContent({ environment, sheet }: { environment: "sandbox" | "production"; sheet: boolean }) {
  return (
    <>
      <span className="sr-only">Environment: </span>
      <span aria-hidden className="inline-flex">
        <EnvironmentBadge environment={environment} />
      </span>
      <span>{environmentLabel(environment)}</span>
      <ChevronDown className={cn("opacity-70", sheet ? "ml-auto size-4" : "size-3.5")} aria-hidden />
    </>
  );
}

// The Radix selectors (Select, DropdownMenu, Sheet) load on first use; until then look-alike buttons stand in.
const loadMenus = () => import("./context-menus");
const CountrySelect = dynamic(() => import("./context-menus").then((m) => m.CountrySelect), { ssr: false, loading: () => <CountryStandIn /> });
const CurrencySelect = dynamic(() => import("./context-menus").then((m) => m.CurrencySelect), { ssr: false, loading: () => <CurrencyStandIn /> });
const EnvironmentMenu = dynamic(() => import("./context-menus").then((m) => m.EnvironmentMenu), { ssr: false, loading: () => <EnvironmentStandIn /> });
const ContextSheetPanel = dynamic(() => import("./context-menus").then((m) => m.ContextSheetPanel), { ssr: false, loading: () => <ContextSheetButton /> });

function CountryStandIn(props: React.ComponentProps<"button">) {
  const { country } = useScope().market;
  return (
    <SelectStandIn aria-label={countryLabel(country)} className="w-[88px]" size="sm" {...props}>
      <span className="font-mono text-xs">{country}</span>
    </SelectStandIn>
  );
}

function CurrencyStandIn(props: React.ComponentProps<"button">) {
  const { currency } = useScope().market;
  return (
    <SelectStandIn aria-label={currencyLabel(currency)} className="w-[220px]" size="sm" {...props}>
      <span className="font-mono text-xs font-semibold">{currency}</span>
      <span className="text-muted-foreground"> {CURRENCIES[currency]?.name ?? currency}</span>
    </SelectStandIn>
  );
}

function EnvironmentStandIn(props: React.ComponentProps<"button">) {
  const { environment } = useScope();
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      className="inline-flex h-8 items-center gap-2 rounded-md border border-input px-2.5 text-sm hover:bg-accent disabled:opacity-50"
      {...props}
    >
      <EnvironmentButtonContent environment={environment} sheet={false} />
    </button>
  );
}

/** Country and currency in the top bar. */
export function MarketSelectors() {
  const country = useOnDemand(loadMenus);
  const currency = useOnDemand(loadMenus);
  return (
    <div className="flex items-center gap-2">
      {country.used ? <CountrySelect defaultOpen /> : <CountryStandIn {...country.trigger} />}
      {currency.used ? <CurrencySelect defaultOpen /> : <CurrencyStandIn {...currency.trigger} />}
    </div>
  );
}

export function EnvironmentSelector() {
  const menu = useOnDemand(loadMenus);
  return menu.used ? <EnvironmentMenu defaultOpen /> : <EnvironmentStandIn {...menu.trigger} />;
}

/**
 * Below `md` the three selectors do not fit the top bar: one compact button names the market and
 * environment ("KE · KES · Sandbox") and opens a bottom sheet with the same selectors.
 */
export function ContextSheetButton({ className, ...props }: React.ComponentProps<typeof Button>) {
  const scope = useScope();
  const { country, currency } = scope.market;
  const environment = environmentLabel(scope.environment);
  return (
    <Button
      variant="outline"
      size="sm"
      aria-label={`Market and environment: ${country}, ${currency}, ${environment}`}
      className={cn("min-w-0 shrink gap-1.5 px-2.5", className)}
      {...props}
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
  );
}

export function ContextSheet({ className }: { className?: string }) {
  const sheet = useOnDemand(loadMenus);
  return sheet.used ? <ContextSheetPanel className={className} defaultOpen /> : <ContextSheetButton className={className} {...sheet.trigger} />;
}
