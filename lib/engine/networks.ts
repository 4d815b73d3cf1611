/**
 * Mobile network from a phone number's prefix (§3.5: undetectable → NOT_SUPPORTED). Pure and
 * small, so the New Collection / Send Money forms detect the network as the number is typed; the
 * server validates the number itself with libphonenumber-js (lib/engine/phone.ts).
 */
import { COUNTRIES } from "@/lib/markets";

export const CALLING_CODES: Record<string, string> = {
  KE: "254", UG: "256", TZ: "255", GH: "233", NG: "234", ZA: "27", CI: "225", SN: "221", CM: "237",
  ZM: "260", RW: "250", CD: "243", MW: "265", ET: "251", EG: "20",
};

/** National prefixes (without the trunk 0) per network; the longest match wins. */
const PREFIXES: Record<string, Record<string, readonly string[]>> = {
  KE: {
    MPESA: ["70", "71", "72", "740", "741", "742", "743", "745", "746", "748", "757", "758", "759", "768", "769", "79", "110", "111", "112", "113", "114", "115"],
    AIRTEL: ["73", "750", "751", "752", "753", "754", "755", "756", "762", "78", "100", "101", "102"],
  },
  UG: { MTN: ["77", "78", "76", "31", "39"], AIRTEL: ["70", "74", "75", "20"] },
  TZ: { VODACOM: ["74", "75", "76"], AIRTEL: ["68", "69", "78"], YAS: ["65", "67", "71"], HALOPESA: ["61", "62"] },
  GH: { MTN: ["24", "25", "53", "54", "55", "59"], VODAFONE: ["20", "50"], AIRTEL: ["26", "27", "56", "57"] },
  NG: {
    MTN: ["803", "806", "703", "706", "813", "816", "810", "814", "903", "906", "913", "916"],
    AIRTEL: ["802", "808", "708", "812", "701", "902", "907", "901", "904", "912"],
  },
  ZA: { VODACOM: ["72", "76", "79", "82"], MTN: ["73", "78", "83", "63"] },
  ZM: { MTN: ["96", "76"], AIRTEL: ["97", "77"], ZAMTEL: ["95", "75"] },
  RW: { MTN: ["78", "79"], AIRTEL: ["72", "73"] },
  CM: { MTN: ["67", "650", "651", "652", "653", "654", "680", "681", "682", "683"], ORANGE: ["69", "655", "656", "657", "658", "659"] },
  CI: { MTN: ["05"], ORANGE: ["07"], MOOV: ["01"] },
  SN: { ORANGE: ["77", "78"], FREE: ["76"], EXPRESSO: ["70"] },
  CD: { VODACOM: ["81", "82", "83"], AIRTEL: ["97", "98", "99"], ORANGE: ["84", "85", "89"] },
  MW: { AIRTEL: ["99"] },
};

/** Digits of the national number as people type it: "+254 712…", "254712…", "0712…" and "712…" all give "712…". */
export function nationalDigits(input: string, country: string): string {
  let digits = input.replace(/[^\d]/g, "");
  const cc = CALLING_CODES[country];
  if (cc && digits.startsWith(cc) && digits.length > cc.length + 7) digits = digits.slice(cc.length);
  // Côte d'Ivoire keeps its leading 0 in the national number (10 digits since 2021).
  if (country !== "CI" && digits.startsWith("0")) digits = digits.slice(1);
  return digits;
}

/** The network a number's prefix belongs to in `country`, or NOT_SUPPORTED. */
export function detectNetwork(input: string, country: string): string {
  const national = nationalDigits(input, country);
  const table = PREFIXES[country];
  if (!table || national.length < 3) return "NOT_SUPPORTED";
  let best: { network: string; length: number } | null = null;
  for (const [network, prefixes] of Object.entries(table)) {
    for (const p of prefixes) {
      if (national.startsWith(p) && (!best || p.length > best.length)) best = { network, length: p.length };
    }
  }
  return best?.network ?? "NOT_SUPPORTED";
}

export function networksOf(country: string): readonly string[] {
  return COUNTRIES[country]?.networks ?? [];
}
