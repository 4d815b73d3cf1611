"use client";

import { useTimezone } from "@/components/shell/timezone";

/** "Apr 20, 2026" in the zone the sidebar widget chose. */
export function ShortDate({ value }: { value: string }) {
  const { zone } = useTimezone();
  const text = new Intl.DateTimeFormat("en-US", { timeZone: zone, month: "short", day: "numeric", year: "numeric" }).format(new Date(value));
  return <time dateTime={value}>{text}</time>;
}
