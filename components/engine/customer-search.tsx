"use client";

import { useEffect, useId, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { UserRound, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useCan, useScopeKey } from "@/components/shell/scope-context";
import { fetchJson, listQueryKey } from "@/lib/client/fetch-json";
import type { CustomerMatch } from "@/lib/customers/search-customers";
import { detectNetwork, networksOf } from "@/lib/engine/networks";
import { cn } from "@/lib/utils";
import { NetworkSelect, phonePlaceholder } from "./network-select";

export type { CustomerMatch };

/** `value`, once it has stopped changing for `ms`. */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}

/** "Jane Wanjiku · +254712345678" (or the number or key alone). */
export function customerLabel(c: Pick<CustomerMatch, "name" | "phoneNumber" | "customerKey">): string {
  return [c.name, c.phoneNumber].filter(Boolean).join(" · ") || c.customerKey;
}

/** The network to preselect for a chosen customer: theirs when the country has it, else none. */
function customerNetwork(c: CustomerMatch, country: string): string {
  return networksOf(country).includes(c.network) ? c.network : "";
}

/** The network detected from a typed number, or "" when its prefix is unknown. */
export function detectedNetwork(phone: string, country: string): string {
  const n = detectNetwork(phone, country);
  return n === "NOT_SUPPORTED" || !networksOf(country).includes(n) ? "" : n;
}

/**
 * "Search customers": a combobox over GET /api/customers/search (phone in any form, name or
 * customer key), up to 10 matches in a listbox; arrows move, Enter or a click chooses.
 */
export function CustomerSearch({
  id,
  onSelect,
  disabled,
  label = "Search customers",
}: {
  id: string;
  onSelect(customer: CustomerMatch): void;
  disabled?: boolean;
  label?: string;
}) {
  const scopeKey = useScopeKey();
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebouncedValue(text.trim(), 200);

  const search = useQuery({
    queryKey: listQueryKey(scopeKey, "customers", "search", q),
    queryFn: ({ signal }) => fetchJson<CustomerMatch[]>(`/api/customers/search?${new URLSearchParams({ q })}`, signal),
    enabled: open && q.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const matches = q.length > 0 ? (search.data ?? []) : [];
  const expanded = open && text.trim().length > 0;
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (i: number) => `${listId}-option-${i}`;

  const choose = (c: CustomerMatch) => {
    onSelect(c);
    setText("");
    setOpen(false);
    setActive(0);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      if (matches.length) setActive((activeIndex + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === "Enter") {
      // Enter in the search never submits the dialog's form.
      e.preventDefault();
      const c = expanded ? matches[activeIndex] : undefined;
      if (c) choose(c);
    }
  };

  return (
    <FormField id={id} label={label} description="Phone number, name or customer key">
      {(control) => (
        <div className="relative">
          <Input
            {...control}
            role="combobox"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={expanded && matches.length ? optionId(activeIndex) : undefined}
            autoComplete="off"
            placeholder="Search by phone, name or key"
            value={text}
            disabled={disabled}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(0);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label="Matching customers"
            hidden={!expanded}
            className="absolute z-20 mt-1 max-h-60 w-full overflow-y-auto rounded-md border bg-popover p-1 text-sm shadow-lg"
          >
            {matches.map((c, i) => (
              <li
                key={c.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={cn("flex cursor-pointer items-center justify-between gap-3 rounded-sm px-2 py-1.5", i === activeIndex && "bg-accent text-accent-foreground")}
                // Keep the focus in the input so its blur does not close the list before the click.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(c)}
              >
                <span className="min-w-0 truncate">
                  <span className="font-medium">{c.name ?? c.customerKey}</span>
                  {c.phoneNumber && <span className="text-muted-foreground"> · {c.phoneNumber}</span>}
                </span>
                {c.network !== "NOT_SUPPORTED" && <span className="shrink-0 text-xs text-muted-foreground">{c.network}</span>}
              </li>
            ))}
            {matches.length === 0 && (
              <li role="presentation" className="flex items-center gap-2 px-2 py-1.5 text-muted-foreground">
                {search.isFetching || q !== text.trim() ? (
                  <>
                    <Spinner label="" /> Searching…
                  </>
                ) : search.isError ? (
                  `Search failed: ${search.error.message}`
                ) : (
                  "No customer matches"
                )}
              </li>
            )}
          </ul>
        </div>
      )}
    </FormField>
  );
}

/** A mobile-money recipient: a chosen customer, or a typed number; and the network. */
export interface MobileRecipient {
  /** The chosen customer, or only their id (a dialog opened for one customer), or null. */
  customer: CustomerMatch | { id: string } | null;
  phoneNumber: string;
  network: string;
}

/** "Jane Wanjiku · +254712345678", the typed number, or null when there is no recipient yet. */
export function recipientLabel(r: MobileRecipient): string | null {
  if (r.customer) return "customerKey" in r.customer ? customerLabel(r.customer) : `customer ${r.customer.id}`;
  return r.phoneNumber.trim() || null;
}

/**
 * The recipient part of New Collection and Send Money (mobile money): search the customers (with
 * customers.read) or type a "Phone number" with the country's prefix as placeholder; "Network" is
 * detected live from the number (or the customer's) and can be changed among the country's networks.
 */
export function MobileRecipientFields({
  idPrefix,
  country,
  value,
  onChange,
  errors,
  disabled,
}: {
  idPrefix: string;
  country: string;
  value: MobileRecipient;
  onChange(next: MobileRecipient): void;
  errors: { customerId?: string; phoneNumber?: string; network?: string };
  disabled?: boolean;
}) {
  const canSearch = useCan("customers.read");
  const customer = value.customer;
  const detected = customer ? ("network" in customer ? customerNetwork(customer, country) : "") : detectedNetwork(value.phoneNumber, country);
  const networkHint = !value.network
    ? customer
      ? "Leave empty to use the customer's network"
      : value.phoneNumber.trim().length >= 4
        ? "The network could not be detected from this number: choose it"
        : "Detected from the number"
    : value.network === detected
      ? customer
        ? "The customer's network"
        : "Detected from the number"
      : undefined;

  return (
    <fieldset className="grid gap-3" disabled={disabled}>
      <legend className="mb-1 text-sm font-semibold">Customer</legend>
      {customer ? (
        <div
          role="group"
          aria-label="Selected customer"
          className="flex items-center justify-between gap-3 rounded-lg border bg-muted/30 px-3 py-2 text-sm"
        >
          <span className="flex min-w-0 items-center gap-2">
            <UserRound aria-hidden className="size-4 shrink-0 text-muted-foreground" />
            <span className="truncate">{recipientLabel(value)}</span>
          </span>
          <Button
            variant="ghost"
            size="sm"
            aria-label="Change customer"
            onClick={() => onChange({ customer: null, phoneNumber: "", network: "" })}
          >
            <X aria-hidden /> Change
          </Button>
        </div>
      ) : (
        <>
          {canSearch && (
            <CustomerSearch
              id={`${idPrefix}-customer-search`}
              disabled={disabled}
              onSelect={(c) => onChange({ customer: c, phoneNumber: "", network: customerNetwork(c, country) })}
            />
          )}
          <FormField
            id={`${idPrefix}-phone`}
            label="Phone number"
            error={errors.phoneNumber}
            description={canSearch ? "Or type the number of someone who is not a customer yet" : undefined}
          >
            <Input
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder={phonePlaceholder(country)}
              value={value.phoneNumber}
              onChange={(e) => {
                const phoneNumber = e.target.value;
                onChange({ customer: null, phoneNumber, network: detectedNetwork(phoneNumber, country) });
              }}
            />
          </FormField>
        </>
      )}
      {errors.customerId && (
        <p role="alert" className="text-xs font-medium text-destructive dark:text-red-300">
          {errors.customerId}
        </p>
      )}
      <FormField id={`${idPrefix}-network`} label="Network" error={errors.network} description={networkHint}>
        {(control) => (
          <NetworkSelect
            country={country}
            value={value.network}
            onChange={(network) => onChange({ ...value, network })}
            control={control}
            placeholder={customer ? "The customer's network" : "Choose the network"}
            disabled={disabled}
          />
        )}
      </FormField>
    </fieldset>
  );
}
