/**
 * The zone the sidebar's timezone widget shows (components/shell/timezone.tsx): the integrator's
 * zone, or UTC when the member picked it (a cookie, so the server renders the same zone). Date-range
 * filters are in this zone, and list query keys carry it as `tz`: the server page must compute the
 * same value the client hook does. Pure.
 */
export const TIMEZONE_COOKIE_NAME = "kotani.tz";

export type TimezoneMode = "integrator" | "utc";

export function timezoneModeOf(cookieValue: string | undefined | null): TimezoneMode {
  return cookieValue === "utc" ? "utc" : "integrator";
}

export function zoneOf(mode: TimezoneMode, integratorZone: string): string {
  return mode === "utc" ? "UTC" : integratorZone;
}
