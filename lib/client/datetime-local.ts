/**
 * A `datetime-local` input's value and zone: the input holds a wall-clock time in the browser's
 * zone, so forms show which zone that is and turn the value into a moment before sending it. Pure.
 */

/** "2030-01-31T18:00" of a moment in the browser's time (what a datetime-local input holds). */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The browser's time zone, the one a datetime-local input is read in. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return "local time";
  }
}
