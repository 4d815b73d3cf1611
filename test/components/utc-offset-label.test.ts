import { describe, expect, it } from "vitest";
import { utcOffsetLabel } from "@/components/shell/timezone";

/** What the label was before: Intl's own short offset ("GMT+5:30" → "+5:30", "GMT" → "+0"). */
function viaIntl(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = part?.replace("GMT", "") || "+0";
  return offset.startsWith("+") || offset.startsWith("-") ? offset : `+${offset}`;
}

describe("utcOffsetLabel", () => {
  const zones = [
    "UTC", "Africa/Nairobi", "Africa/Lagos", "Africa/Johannesburg", "Africa/Accra", "Africa/Cairo", "Africa/Casablanca",
    "Europe/London", "America/New_York", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Adelaide",
    "Australia/Lord_Howe", "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Tehran",
  ];
  // Every fortnight of two years, at an odd minute (DST switches on both hemispheres fall in between).
  const instants = Array.from({ length: 52 }, (_, i) => new Date(Date.UTC(2026, 0, 1, 13, 37, 42) + i * 14 * 86_400_000));
  it.each(zones)("agrees with Intl's short offset in %s all year", (zone) => {
    for (const at of instants) expect(utcOffsetLabel(zone, at), at.toISOString()).toBe(viaIntl(zone, at));
  });
});
