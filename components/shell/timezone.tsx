"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { ChevronDown, Clock } from "lucide-react";
import { TIMEZONE_COOKIE_NAME, zoneOf, type TimezoneMode } from "@/lib/client/timezone";
import dynamic from "next/dynamic";
import { useOnDemand } from "@/components/ui/on-demand";
import { zoneOffsetMs } from "@/lib/transactions/dates";

interface TimezoneState {
  mode: TimezoneMode;
  zone: string;
  integratorZone: string;
  setMode(mode: TimezoneMode): void;
}

const TimezoneContext = createContext<TimezoneState | null>(null);

export function TimezoneProvider({ integratorZone, initialMode, children }: { integratorZone: string; initialMode: TimezoneMode; children: React.ReactNode }) {
  const [mode, setModeState] = useState<TimezoneMode>(initialMode);
  const router = useRouter();
  const setMode = useCallback(
    (next: TimezoneMode) => {
      setModeState(next);
      document.cookie = `${TIMEZONE_COOKIE_NAME}=${next}; path=/; max-age=31536000; samesite=lax`;
      // Server-rendered lists read their date filters in this zone: render them again.
      router.refresh();
    },
    [router],
  );
  const value = useMemo(
    () => ({ mode, zone: zoneOf(mode, integratorZone), integratorZone, setMode }),
    [mode, integratorZone, setMode],
  );
  return <TimezoneContext.Provider value={value}>{children}</TimezoneContext.Provider>;
}

export function useTimezone(): TimezoneState {
  const tz = useContext(TimezoneContext);
  if (!tz) throw new Error("useTimezone outside TimezoneProvider");
  return tz;
}

/**
 * "+3" for Africa/Nairobi now ("+5:30", "-3:30", "+0"). Worked out from the zone's wall-clock time
 * (zoneOffsetMs) rather than asked of Intl (`timeZoneName: "shortOffset"`): that style loads the
 * zones' display names, 35–50 ms of blocking time on every page load for the sidebar's label.
 */
export function utcOffsetLabel(zone: string, at = new Date()): string {
  const minutes = Math.round(zoneOffsetMs(zone, at.getTime()) / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** "30 Nov 2026, 17:05:56"; compact (a table cell): "30 Nov 26, 17:05". */
export function formatInZone(value: string | Date, zone: string, compact = false): string {
  const key = `${zone}:${compact ? "c" : ""}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: compact ? "2-digit" : "numeric",
      month: "short",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      ...(compact ? {} : { second: "2-digit" as const }),
      hour12: false,
    });
    formatters.set(key, fmt);
  }
  return fmt.format(typeof value === "string" ? new Date(value) : value);
}

/**
 * A timestamp in the zone the sidebar widget chose; the other zone on hover. `compact` (table
 * cells) drops the seconds and the century; the hover then gives the full time in both zones.
 */
export function Timestamp({ value, compact = false }: { value: string | Date | null | undefined; compact?: boolean }) {
  const { zone, mode, integratorZone } = useTimezone();
  if (!value) return <span className="text-muted-foreground">—</span>;
  const other = mode === "utc" ? integratorZone : "UTC";
  const iso = typeof value === "string" ? value : value.toISOString();
  const otherTitle = `${formatInZone(iso, other)} (${other})`;
  return (
    <time
      dateTime={iso}
      title={compact ? `${formatInZone(iso, zone)} (${zone}) · ${otherTitle}` : otherTitle}
      className="whitespace-nowrap tabular-nums"
    >
      {formatInZone(iso, zone, compact)}
    </time>
  );
}

/** The sidebar's timezone button: what the widget shows, and the name its menu trigger has. */
export function TimezoneButton(props: React.ComponentProps<"button">) {
  const { mode, integratorZone } = useTimezone();
  const current = zoneOf(mode, integratorZone);
  const label = `${utcOffsetLabel(current)} ${current.replace("/", " / ")}`;
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      className="flex w-full items-center gap-2 rounded-md border border-sidebar-border bg-sidebar-accent/40 px-3 py-2 text-left text-xs text-sidebar-foreground hover:bg-sidebar-accent"
      aria-label={`Timezone: ${label}. Change timezone`}
      {...props}
    >
      <Clock className="size-4 shrink-0" aria-hidden />
      <span className="flex-1 truncate">{label}</span>
      <ChevronDown className="size-3.5 opacity-70" aria-hidden />
    </button>
  );
}

// The menu (Radix DropdownMenu) loads on first use; until then the same button stands in.
const loadMenu = () => import("./timezone-menu");
const TimezoneMenu = dynamic(() => import("./timezone-menu"), { ssr: false, loading: () => <TimezoneButton /> });

export function TimezoneWidget() {
  const menu = useOnDemand(loadMenu);
  return menu.used ? <TimezoneMenu defaultOpen /> : <TimezoneButton {...menu.trigger} />;
}
