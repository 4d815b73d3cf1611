"use client";

import { useEffect, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { Command } from "cmdk";
import { Dialog as DialogPrimitive } from "radix-ui";
import { Check, Globe, Keyboard, Link2, Plus, Receipt, Search, Send, Server, UserRound, type LucideIcon } from "lucide-react";
import { Spinner } from "@/components/ui/spinner";
import { fetchJson, retryUnlessClientError } from "@/lib/client/fetch-json";
import { COUNTRIES, CURRENCIES, marketKey } from "@/lib/markets";
import { formatMoney } from "@/lib/money";
import { KIND_LABEL } from "@/lib/transactions/kinds";
import { SEARCH_MIN_CHARS, searchQueryKey, searchUrl, type SearchResults } from "@/lib/search/search-contract";
import { useSwitchContext } from "./context-selectors";
import { visibleNavItems } from "./nav";
import { openDialogHref } from "./open-on-arrival";
import { useScope, useScopeKey } from "./scope-context";
import { goShortcutsFor, useContextHref } from "./use-shortcuts";
import { QueryProvider } from "@/components/shell/query-provider";

/** One thing the palette can do without asking the server (go to, switch, an action). */
interface PaletteCommand {
  /** cmdk's value: unique, stable. */
  value: string;
  group: "Go to" | "Switch" | "Actions";
  label: string;
  /** More words it is found by. */
  keywords: string[];
  icon: LucideIcon;
  /** Shown on the right ("G P", "Current"); not part of the accessible name when it is a key hint. */
  hint?: string;
  current?: boolean;
  run: () => void;
}

/** Every word typed starts a word of the command's label, group or keywords (case-insensitive): "go pay" finds Payouts. */
function matches(cmd: PaletteCommand, text: string): boolean {
  const split = (value: string) => value.toLowerCase().split(/[^\p{L}\p{N}?]+/u).filter(Boolean);
  if (!text.trim()) return true;
  const typed = split(text);
  if (!typed.length) return false;
  const words = split([cmd.label, cmd.group, ...cmd.keywords].join(" "));
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return debounced;
}

const GROUP_HEADING =
  "overflow-hidden p-1 [&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground";
const ITEM =
  "relative flex cursor-default items-center gap-2.5 rounded-md px-2 py-2 text-sm outline-none select-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground data-[disabled=true]:pointer-events-none data-[disabled=true]:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0";

/**
 * The command palette (Ctrl/⌘+K): Go to a section, Switch market or environment, Actions, and
 * Find (from 3 characters: transactions, customers and payment links of the selected market, via
 * GET /api/search). cmdk gives the combobox, listbox and options; the filtering of the local
 * commands is ours (`shouldFilter={false}`) so the server's matches are never hidden by it.
 */
export default function CommandPaletteDialog(props: React.ComponentProps<typeof CommandPaletteDialogBody>) {
  return (
    // React Query comes with this module, not with the page (lib/client/query-client.ts).
    <QueryProvider>
      <CommandPaletteDialogBody {...props} />
    </QueryProvider>
  );
}

function CommandPaletteDialogBody({
  open,
  onOpenChange,
  onShowShortcuts,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Opens the list of keyboard shortcuts (what `?` does outside a text field). */
  onShowShortcuts: () => void;
}) {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const router = useRouter();
  const contextHref = useContextHref();
  const go = (href: string) => router.push(contextHref(href));
  const { run: switchTo } = useSwitchContext();
  const [search, setSearch] = useState("");
  const text = search.trim();
  const q = useDebounced(text, 250);
  const findEnabled = open && q.length >= SEARCH_MIN_CHARS && q === text;

  const find = useQuery({
    queryKey: searchQueryKey(scopeKey, q),
    queryFn: ({ signal }) => fetchJson<SearchResults>(searchUrl(q), signal),
    enabled: findEnabled,
    staleTime: 15_000,
    retry: retryUnlessClientError,
  });

  const close = () => {
    onOpenChange(false);
    setSearch("");
  };

  const commands = useMemo<PaletteCommand[]>(() => {
    const keys = new Map(goShortcutsFor(scope.permissions).map(({ key, item }) => [item.href, key]));
    const has = (p: (typeof scope.permissions)[number]) => scope.permissions.includes(p);
    const out: PaletteCommand[] = visibleNavItems(scope.permissions).map((item) => ({
      value: `go:${item.href}`,
      group: "Go to",
      label: item.label,
      keywords: ["open", "section", "page"],
      icon: item.icon,
      hint: keys.has(item.href) ? `G ${keys.get(item.href)!.toUpperCase()}` : undefined,
      run: () => router.push(contextHref(item.href)),
    }));
    for (const m of scope.markets) {
      const current = marketKey(m) === marketKey(scope.market);
      const country = COUNTRIES[m.country]?.name ?? m.country;
      out.push({
        value: `market:${marketKey(m)}`,
        group: "Switch",
        label: `${country} · ${m.currency}`,
        keywords: ["market", "country", "currency", m.country, CURRENCIES[m.currency]?.name ?? ""],
        icon: Globe,
        current,
        run: () => switchTo({ environment: scope.environment, country: m.country, currency: m.currency }),
      });
    }
    if (scope.productionEnabled) {
      for (const environment of ["sandbox", "production"] as const) {
        out.push({
          value: `env:${environment}`,
          group: "Switch",
          label: environment === "production" ? "Production environment" : "Sandbox environment",
          keywords: ["environment", environment === "production" ? "live prod" : "test"],
          icon: Server,
          current: scope.environment === environment,
          run: () => switchTo({ environment, remember: true }),
        });
      }
    }
    if (has("payouts.read") && has("payouts.create")) {
      out.push({
        value: "action:send-money",
        group: "Actions",
        label: "Send money",
        keywords: ["payout", "pay", "transfer", "withdraw"],
        icon: Send,
        run: () => router.push(contextHref(openDialogHref("/payouts", "send-money"))),
      });
    }
    if (has("collections.read") && has("collections.create")) {
      out.push({
        value: "action:new-collection",
        group: "Actions",
        label: "New collection",
        keywords: ["collect", "request", "payment", "stk", "deposit"],
        icon: Plus,
        run: () => router.push(contextHref(openDialogHref("/collections", "new-collection"))),
      });
    }
    out.push({
      value: "action:shortcuts",
      group: "Actions",
      label: "Keyboard shortcuts",
      keywords: ["help", "keys", "hotkeys", "?"],
      icon: Keyboard,
      run: onShowShortcuts,
    });
    return out;
  }, [scope, router, switchTo, onShowShortcuts, contextHref]);

  const shown = commands.filter((c) => matches(c, text));
  const results = findEnabled && find.data?.q === q ? find.data : null;
  const searching = text.length >= SEARCH_MIN_CHARS && (q !== text || find.isFetching);
  const found = results ? results.transactions.length + results.customers.length + results.paymentLinks.length : 0;
  const count = shown.filter((c) => !c.current).length + found;
  const announcement = !text ? "" : searching && count === 0 ? "Searching…" : `${count} ${count === 1 ? "result" : "results"}`;

  const select = (run: () => void) => {
    close();
    run();
  };
  const local = (group: PaletteCommand["group"]) => {
    const items = shown.filter((c) => c.group === group);
    if (!items.length) return null;
    return (
      <Command.Group heading={group} className={GROUP_HEADING}>
        {items.map((c) => (
          <Command.Item key={c.value} value={c.value} disabled={c.current} onSelect={() => select(c.run)} className={ITEM}>
            <c.icon aria-hidden className="text-muted-foreground" />
            <span className="flex-1 truncate">{c.label}</span>
            {c.current && (
              <span className="flex items-center gap-1 text-xs text-muted-foreground">
                <Check aria-hidden /> Current
              </span>
            )}
            {c.hint && (
              <kbd aria-hidden className="rounded border bg-muted px-1.5 font-mono text-[10px] text-muted-foreground">
                {c.hint}
              </kbd>
            )}
          </Command.Item>
        ))}
      </Command.Group>
    );
  };

  return (
    <Command.Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      label="Search commands"
      shouldFilter={false}
      vimBindings={false}
      loop
      overlayClassName="fixed inset-0 z-50 bg-black/60 backdrop-blur-[2px] data-[state=open]:animate-fade-in data-[state=closed]:animate-fade-out"
      contentClassName="fixed top-[12vh] left-1/2 z-50 w-full max-w-[calc(100%-2rem)] -translate-x-1/2 overflow-hidden rounded-xl border bg-popover text-popover-foreground shadow-xl sm:max-w-xl data-[state=open]:animate-zoom-in data-[state=closed]:animate-zoom-out"
      className="flex flex-col"
    >
      <DialogPrimitive.Title className="sr-only">Command palette</DialogPrimitive.Title>
      <DialogPrimitive.Description className="sr-only">
        Go to a section, switch market or environment, start an action, or find a transaction, customer or payment link. Use the
        arrow keys to choose and Enter to open.
      </DialogPrimitive.Description>
      <div className="flex items-center gap-2 border-b px-3">
        <Search aria-hidden className="size-4 shrink-0 text-muted-foreground" />
        <Command.Input
          autoFocus
          value={search}
          onValueChange={setSearch}
          maxLength={100}
          placeholder="Type a command, or search by reference, phone, name…"
          className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
        />
        {searching && <Spinner label="" />}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
      <Command.List className="max-h-[min(60vh,420px)] overflow-y-auto overscroll-contain pb-1">
        {!searching && !find.error && <Command.Empty className="px-3 py-8 text-center text-sm text-muted-foreground">No results found.</Command.Empty>}
        {local("Go to")}
        {local("Actions")}
        {local("Switch")}
        {find.error && findEnabled && (
          <p role="alert" className="px-3 py-3 text-sm text-destructive dark:text-red-300">
            {find.error.message}
          </p>
        )}
        {results && results.transactions.length > 0 && (
          <Command.Group heading="Transactions" className={GROUP_HEADING}>
            {results.transactions.map((tx) => (
              <Command.Item key={tx.id} value={`tx:${tx.id}`} onSelect={() => select(() => go(tx.href))} className={ITEM}>
                <Receipt aria-hidden className="text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">
                  <span className="font-mono">{tx.referenceId}</span>
                  <span className="text-muted-foreground">
                    {" "}
                    · {KIND_LABEL[tx.kind]} · {formatMoney(tx.amount, tx.currency)}
                    {tx.phoneNumber ? ` · ${tx.phoneNumber}` : ""}
                  </span>
                </span>
                <span className="text-xs text-muted-foreground">{tx.status}</span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {results && results.customers.length > 0 && (
          <Command.Group heading="Customers" className={GROUP_HEADING}>
            {results.customers.map((c) => (
              <Command.Item key={c.id} value={`customer:${c.id}`} onSelect={() => select(() => go(c.href))} className={ITEM}>
                <UserRound aria-hidden className="text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">
                  {c.name ?? c.customerKey}
                  <span className="text-muted-foreground">
                    {c.phoneNumber ? ` · ${c.phoneNumber}` : ""}
                    {c.name ? ` · ${c.customerKey}` : ""}
                  </span>
                </span>
              </Command.Item>
            ))}
          </Command.Group>
        )}
        {results && results.paymentLinks.length > 0 && (
          <Command.Group heading="Payment links" className={GROUP_HEADING}>
            {results.paymentLinks.map((link) => (
              <Command.Item key={link.id} value={`link:${link.id}`} onSelect={() => select(() => go(link.href))} className={ITEM}>
                <Link2 aria-hidden className="text-muted-foreground" />
                <span className="min-w-0 flex-1 truncate">
                  {link.name}
                  <span className="font-mono text-muted-foreground"> · /l/{link.shortCode}</span>
                </span>
                {!link.active && <span className="text-xs text-muted-foreground">Deactivated</span>}
              </Command.Item>
            ))}
          </Command.Group>
        )}
      </Command.List>
      <p className="border-t px-3 py-2 text-xs text-muted-foreground">
        {text.length > 0 && text.length < SEARCH_MIN_CHARS
          ? `Type at least ${SEARCH_MIN_CHARS} characters to search transactions, customers and payment links`
          : "↑↓ to choose · Enter to open · Esc to close"}
      </p>
    </Command.Dialog>
  );
}
