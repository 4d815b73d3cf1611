import "server-only";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { COUNTRIES } from "@/lib/markets";

export type PhoneCheck = { ok: true; e164: string } | { ok: false; error: string };

/**
 * A phone number as typed, checked for the market's country with libphonenumber-js's full
 * metadata (valid and a mobile number) and returned in E.164. Server only: the metadata is large.
 */
export function checkMobileNumber(input: string, country: string): PhoneCheck {
  const name = COUNTRIES[country]?.name ?? country;
  const text = input.trim();
  if (!text) return { ok: false, error: "Enter a phone number" };
  if (text.length > 32 || !/^[+\d\s().-]+$/.test(text)) return { ok: false, error: `Enter a ${name} phone number, like ${example(country)}` };
  const parsed = parsePhoneNumberFromString(text, country as Parameters<typeof parsePhoneNumberFromString>[1]);
  if (!parsed || parsed.country !== country || !parsed.isValid()) {
    return { ok: false, error: `This is not a valid ${name} phone number (e.g. ${example(country)})` };
  }
  const type = parsed.getType();
  if (type && type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") {
    return { ok: false, error: "Mobile money needs a mobile number" };
  }
  return { ok: true, e164: parsed.number };
}

function example(country: string): string {
  return country === "KE" ? "0712 345 678" : "the number with its country code";
}
