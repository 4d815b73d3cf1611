/**
 * Calendar days in a time zone → UTC instants (the "Pick a date" range), and UTC-day helpers
 * for transaction_daily_stats. Pure: safe on client and server.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-06-01" → [y, m, d] when it is a real calendar date, else null. */
export function parseIsoDay(value: string): [number, number, number] | null {
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return [y, mo, d];
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `zone` from UTC at `at`, in ms (Nairobi: +3 h). */
export function zoneOffsetMs(zone: string, at: number): number {
  let fmt = offsetFormatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    offsetFormatters.set(zone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant a calendar day starts in `zone` (handles DST by re-checking the offset). */
export function zonedDayStart(day: string, zone: string): Date {
  const parts = parseIsoDay(day);
  if (!parts) throw new RangeError(`Not a date: ${day}`);
  const guess = Date.UTC(parts[0], parts[1] - 1, parts[2]);
  let t = guess - zoneOffsetMs(zone, guess);
  const again = guess - zoneOffsetMs(zone, t);
  if (again !== t) t = again;
  return new Date(t);
}

/** [`from` 00:00, the day after `to` 00:00) in `zone` (DST-safe); either end optional. */
export function zonedRange(from: string | undefined, to: string | undefined, zone: string): { start?: Date; end?: Date } {
  let end: Date | undefined;
  if (to) {
    const p = parseIsoDay(to)!;
    const next = new Date(Date.UTC(p[0], p[1] - 1, p[2]) + DAY_MS).toISOString().slice(0, 10);
    end = zonedDayStart(next, zone);
  }
  return { start: from ? zonedDayStart(from, zone) : undefined, end };
}

/** UTC midnight at or after `t`. */
export function ceilUtcDay(t: Date): Date {
  const floor = floorUtcDay(t);
  return floor.getTime() === t.getTime() ? floor : new Date(floor.getTime() + DAY_MS);
}

export function floorUtcDay(t: Date): Date {
  return new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS);
}

/** "YYYY-MM-DD" of a UTC midnight. */
export function utcDayString(t: Date): string {
  return t.toISOString().slice(0, 10);
}

/** Today's calendar day in `zone` ("YYYY-MM-DD"). */
export function todayIn(zone: string, now = Date.now()): string {
  return new Date(now + zoneOffsetMs(zone, now)).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const p = parseIsoDay(day)!;
  return new Date(Date.UTC(p[0], p[1] - 1, p[2]) + n * DAY_MS).toISOString().slice(0, 10);
}

export { DAY_MS };
