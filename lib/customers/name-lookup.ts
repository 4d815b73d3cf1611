/**
 * The sandbox's name lookup (§6 "Validation by phone") and the token match of an expected name
 * against the registered one (§3.5: names are matched token by token; a mismatch leaves the
 * account valid). Pure: the Verify name service builds the ValidateAccountResponseDto from this.
 */
import { COUNTRIES } from "@/lib/markets";

export const NAME_LOOKUP_STATUSES = ["MATCHED", "NOT_FOUND", "ACCOUNT_UNAVAILABLE", "UNSUPPORTED", "TIMEOUT", "ERROR", "NOT_ENABLED"] as const;
export type NameLookupStatus = (typeof NAME_LOOKUP_STATUSES)[number];

export interface NameLookup {
  status: NameLookupStatus;
  /** The registered name (masked for …007), or null when there is none to show. */
  accountName: string | null;
  reason: string | null;
  /** The network only gives the name's initials and lengths. */
  masked: boolean;
}

/** A name as some networks return it: each word's first letter, the rest as "*" ("J*** M*** D**"). */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => w.slice(0, 1) + "*".repeat(Math.max(0, w.length - 1)))
    .join(" ");
}

export const NO_SANDBOX_NAME_REASON = "No registered name for this number in the sandbox";

/** §6: by the number's last 9 digits, in any country. */
export const SANDBOX_NAME_LOOKUPS: Record<string, NameLookup> = {
  "700000001": { status: "MATCHED", accountName: "JANE MARY DOE", reason: null, masked: false },
  "700000002": { status: "MATCHED", accountName: "ROBERT JAMES SMITH", reason: null, masked: false },
  "700000003": { status: "NOT_FOUND", accountName: null, reason: "The network has no registered name for this number", masked: false },
  "700000004": { status: "UNSUPPORTED", accountName: null, reason: "The network does not offer name lookup for this number", masked: false },
  "700000005": { status: "TIMEOUT", accountName: null, reason: "The network did not answer in time: try again", masked: false },
  "700000006": { status: "ERROR", accountName: null, reason: "The network returned an error: try again later", masked: false },
  "700000007": { status: "MATCHED", accountName: maskName("JANE MARY DOE"), reason: null, masked: true },
};

/** The sandbox's answer for a number (any format; its last 9 digits decide). */
export function sandboxNameLookup(phoneNumber: string): NameLookup {
  const last9 = phoneNumber.replace(/\D/g, "").slice(-9);
  return SANDBOX_NAME_LOOKUPS[last9] ?? { status: "NOT_FOUND", accountName: null, reason: NO_SANDBOX_NAME_REASON, masked: false };
}

export const NAME_MATCH_THRESHOLD = 70;

export interface NameMatch {
  /** The name as given. */
  provided: string;
  /** 0–100: matched tokens / the larger token count. */
  score: number;
  /** score ≥ threshold. */
  matched: boolean;
  threshold: number;
  /** The registered name was masked: a token matches by initial and length. */
  masked: boolean;
}

/** Upper-case words without accents or punctuation, each once ("Jane  mary-Doe" → JANE, MARY, DOE). */
export function nameTokens(name: string): string[] {
  const words = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .split(/[^\p{L}\p{N}*]+/u)
    .filter(Boolean);
  return [...new Set(words)];
}

/** A typed token against a registered one; "*" in a masked name stands for any one letter. */
function tokenMatches(typed: string, registered: string): boolean {
  if (!registered.includes("*")) return typed === registered;
  if (typed.length !== registered.length) return false;
  for (let i = 0; i < typed.length; i++) if (registered[i] !== "*" && registered[i] !== typed[i]) return false;
  return true;
}

/**
 * The token match score: the names as sets of tokens, each registered token used once (exact
 * matches first, then masked patterns), score = matched / max(token counts) × 100, rounded.
 */
export function matchScore(provided: string, registered: string): number {
  const typed = nameTokens(provided);
  const reg = nameTokens(registered);
  const denominator = Math.max(typed.length, reg.length);
  if (denominator === 0) return 0;
  const used = new Set<number>();
  let matched = 0;
  const remaining: string[] = [];
  for (const t of typed) {
    const i = reg.findIndex((r, k) => !used.has(k) && r === t);
    if (i >= 0) {
      used.add(i);
      matched++;
    } else remaining.push(t);
  }
  for (const t of remaining) {
    const i = reg.findIndex((r, k) => !used.has(k) && tokenMatches(t, r));
    if (i >= 0) {
      used.add(i);
      matched++;
    }
  }
  return Math.round((matched / denominator) * 100);
}

export function nameMatch(provided: string, registered: string, masked: boolean): NameMatch {
  const score = matchScore(provided, registered);
  return { provided, score, matched: score >= NAME_MATCH_THRESHOLD, threshold: NAME_MATCH_THRESHOLD, masked };
}

/** §3.5 ValidateAccountResponseDto, for a mobile-money number. */
export interface ValidateAccountResponse {
  isValid: boolean;
  /** The number's network is one we can reach (not NOT_SUPPORTED). */
  isSupported: boolean;
  requiresInternationalization: boolean;
  countryCode: string;
  countryName: string;
  callingCode: string;
  internationalNumber: string;
  nationalNumber: string;
  accountType: "mobile_money";
  currency: string;
  network: string;
  mno: string | null;
  message: string;
  accountName: string | null;
  nameLookupStatus: NameLookupStatus;
  nameLookupReason: string | null;
  matchScore: number | null;
  nameMatch: NameMatch | null;
  /** Set when a stored customer was verified (the result is kept on them). */
  customerId: string | null;
}

/** The operator behind a network, as the validation answer names it ("SAFARICOM KENYA"). */
const OPERATOR: Record<string, string> = { MPESA: "SAFARICOM", HALOPESA: "HALOTEL", YAS: "YAS", FREE: "FREE" };
export function mnoName(country: string, network: string): string | null {
  if (!network || network === "NOT_SUPPORTED") return null;
  const countryName = (COUNTRIES[country]?.name ?? country).toUpperCase();
  return `${OPERATOR[network] ?? network} ${countryName}`;
}

/** The answer's message for each lookup status. */
export const NAME_LOOKUP_MESSAGE: Record<NameLookupStatus, string> = {
  MATCHED: "Account validated: the registered name was found.",
  NOT_FOUND: "Account validated: no registered name was found.",
  ACCOUNT_UNAVAILABLE: "The account is unavailable.",
  UNSUPPORTED: "Account validated: name lookup is not supported for this number.",
  TIMEOUT: "Account validated: the name lookup timed out.",
  ERROR: "Account validated: the name lookup failed.",
  NOT_ENABLED: "Account validated: name lookup is not enabled for your account.",
};

/** How the dialogs show a result: "JANE MARY DOE · matched 100%", "Not found", … */
export function nameLookupSummary(r: {
  nameLookupStatus: NameLookupStatus;
  accountName: string | null;
  nameMatch: Pick<NameMatch, "score" | "matched"> | null;
}): string {
  switch (r.nameLookupStatus) {
    case "MATCHED": {
      const name = r.accountName ?? "Name found";
      if (!r.nameMatch) return name;
      return `${name} · ${r.nameMatch.matched ? "matched" : "does not match"} ${r.nameMatch.score}%`;
    }
    case "NOT_FOUND":
      return "Not found";
    case "ACCOUNT_UNAVAILABLE":
      return "Account unavailable";
    case "UNSUPPORTED":
      return "Name lookup not supported for this number";
    case "TIMEOUT":
      return "The lookup timed out: try again";
    case "ERROR":
      return "The lookup failed: try again later";
    case "NOT_ENABLED":
      return "Name lookup is not enabled";
  }
}
