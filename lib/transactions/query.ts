import "server-only";
import { and, eq, gte, inArray, lt, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getCountryCallingCode, isSupportedCountry } from "libphonenumber-js/min";
import { transactions as t } from "@/lib/db/schema";
import { inScope } from "@/lib/db/tenant";
import type { TransactionKind } from "@/lib/db/schema/enums";
import type { Scope } from "@/lib/auth/scope";
import { ForbiddenError, ValidationError } from "@/lib/auth/errors";
import { CURRENCIES, COUNTRIES } from "@/lib/markets";
import { MAX_MINOR_UNITS, parseAmount } from "@/lib/money";
import { isValidTimeZone, zonedRange } from "./dates";
import {
  CHAINS_LIST, CHANNELS, KIND_CONFIG, REFUND_STATUSES, TOKENS_LIST, readableKinds, type FilterKey, type ListSlug,
} from "./kinds";
import { decodeCursor, parseSort, type Cursor, type ListQuery, type SortColumn, type SortDir } from "./list-contract";

/** Every network the platform knows (domain reference §5); the filter accepts these. */
const ALL_NETWORKS = [
  "MTN", "AIRTEL", "VODAFONE", "TIGO", "YAS", "ORANGE", "NOT_SUPPORTED", "ZAMTEL", "MPESA", "CHECKOUT", "BKTRX", "CRDTRX",
  "MOOV", "TMONEY", "FREE", "EXPRESSO", "HALOPESA", "VODACOM", "WAVE",
];

/** The validated, normalised filters of one request. */
export interface TxFilters {
  slug: ListSlug;
  kinds: TransactionKind[];
  q: string;
  statuses: string[];
  networks: string[];
  methods: string[];
  chains: string[];
  tokens: string[];
  refunds: string[];
  start?: Date;
  end?: Date;
  amountMin?: bigint;
  amountMax?: bigint;
  ids: string[];
  sort: { column: SortColumn; dir: SortDir };
  size: number;
  page: number;
  cursor: Cursor | null;
}

function checkValues(key: FilterKey, values: string[], allowed: readonly string[], label: string): void {
  const unknown = values.filter((v) => !allowed.includes(v));
  if (unknown.length) {
    throw new ValidationError(`Unknown ${label}: ${unknown.slice(0, 3).join(", ")}`, { [key]: [`Unknown ${label}`] });
  }
}

/** A typed amount ("1,000.50") → minor units of the market currency; zero allowed (range bounds). */
export function parseFilterAmount(text: string, currency: string): bigint | null {
  const exponent = CURRENCIES[currency]?.exponent ?? 2;
  const m = /^(\d{1,18})(?:\.(\d+))?$/.exec(text.replace(/[,\s]/g, ""));
  if (!m) return null;
  const fraction = m[2] ?? "";
  if (fraction.length > exponent) return null;
  const minor = BigInt(m[1]) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  return minor > MAX_MINOR_UNITS ? null : minor;
}

/**
 * The request's filters, checked against the list and the market: unknown status or sort,
 * inverted ranges, bad amounts or cursors are ValidationErrors (400), never a 500.
 */
export function normalizeFilters(scope: Scope, slug: ListSlug, input: ListQuery): TxFilters {
  const config = KIND_CONFIG[slug];
  const kinds = readableKinds(slug, scope.permissions);
  if (kinds.length === 0 && slug !== "recent") throw new ForbiddenError();
  const currency = scope.market.currency;

  checkValues("status", input.status, config.statuses, "status");
  const networks = COUNTRIES[scope.market.country]?.networks ?? [];
  checkValues("network", input.network, [...new Set([...networks, ...ALL_NETWORKS])], "network");
  checkValues("method", input.method, CHANNELS, "type");
  checkValues("chain", input.chain, CHAINS_LIST, "chain");
  checkValues("token", input.token, TOKENS_LIST, "token");
  checkValues("refund", input.refund, REFUND_STATUSES, "refund status");

  const zone = input.tz && (input.tz === "UTC" || input.tz === scope.timezone) && isValidTimeZone(input.tz) ? input.tz : scope.timezone;
  const { start, end } = zonedRange(input.from, input.to, zone);

  let amountMin: bigint | undefined;
  let amountMax: bigint | undefined;
  if (input.min !== undefined) {
    const v = parseFilterAmount(input.min, currency);
    if (v === null) throw new ValidationError(`Minimum amount is not a valid ${currency} amount`, { min: ["Not a valid amount"] });
    amountMin = v;
  }
  if (input.max !== undefined) {
    const v = parseFilterAmount(input.max, currency);
    if (v === null) throw new ValidationError(`Maximum amount is not a valid ${currency} amount`, { max: ["Not a valid amount"] });
    amountMax = v;
  }
  if (amountMin !== undefined && amountMax !== undefined && amountMin > amountMax) {
    throw new ValidationError("The minimum amount must not exceed the maximum", { max: ["Must be at least the minimum"] });
  }

  const sort = parseSort(input.sort);
  if (!sort || (sort.column === "kind" && slug !== "recent") || ((sort.column === "cryptoAmount" || sort.column === "chain" || sort.column === "token") && !config.crypto)) {
    throw new ValidationError(`Cannot sort ${config.title} by ${input.sort}`, { sort: ["Unknown sort column"] });
  }
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  if (input.cursor && !cursor) throw new ValidationError("Malformed cursor", { cursor: ["Malformed cursor"] });

  return {
    slug,
    kinds,
    q: input.q.trim(),
    statuses: input.status,
    networks: input.network,
    methods: input.method,
    chains: input.chain,
    tokens: input.token,
    refunds: input.refund,
    start,
    end,
    amountMin,
    amountMax,
    ids: input.ids,
    sort,
    size: input.size,
    page: input.page,
    cursor,
  };
}

/** Integrator, environment, market and kind: every transaction query starts here. */
export function scopeConditions(scope: Scope, kinds: TransactionKind[]): SQL[] {
  if (kinds.length === 0) return [sql`false`];
  return [inScope(t, scope, { market: true }), kinds.length === 1 ? eq(t.kind, kinds[0]) : inArray(t.kind, kinds)];
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A phone search → an E.164 prefix for the market's country ("0712 345" → "+254712345"),
 * or null when the text cannot be (part of) a phone number.
 */
export function phoneSearchPrefix(text: string, country: string): string | null {
  const compact = text.replace(/[\s().-]/g, "");
  if (!/^\+?\d{4,15}$/.test(compact)) return null;
  if (compact.startsWith("+")) return compact;
  const cc = isSupportedCountry(country) ? getCountryCallingCode(country) : null;
  if (!cc) return null;
  if (compact.startsWith("0")) return `+${cc}${compact.slice(1)}`;
  if (compact.startsWith(cc) && compact.length >= cc.length + 4) return `+${compact}`;
  if (compact.length >= 7) return `+${cc}${compact}`;
  return null;
}

/**
 * Search by reference (prefix of reference_id, exact reference number or id), phone (prefix of
 * the E.164 number) or amount (exact Amount or Transaction Amount, in the market currency). Every branch has an index; the
 * text is a bound parameter with LIKE wildcards escaped, so SQL or regex characters are literal.
 */
export function searchCondition(q: string, scope: Scope): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const branches: SQL[] = [];
  const upper = text.toUpperCase();
  branches.push(sql`${t.referenceId} like ${escapeLike(text) + "%"}`);
  if (upper !== text) branches.push(sql`${t.referenceId} like ${escapeLike(upper) + "%"}`);
  if (/^[0-9a-f]{24}$/i.test(text)) branches.push(eq(t.id, text.toLowerCase()));
  if (/^\d{1,15}$/.test(text)) branches.push(eq(t.referenceNumber, Number(text)));
  const phone = phoneSearchPrefix(text, scope.market.country);
  if (phone) branches.push(sql`${t.phoneNumber} like ${escapeLike(phone) + "%"}`);
  const amount = searchAmount(text, scope.market.currency);
  // Either amount column the list shows (Amount, Transaction Amount): an equality each, both indexed.
  if (amount !== null) branches.push(eq(t.amount, amount), eq(t.transactionAmount, amount));
  return or(...branches);
}

/**
 * An amount typed as the list prints it ("7714", "7,714", "7714.00", "7714.5", "KES 7,714.00") →
 * minor units of the market currency, or null when the text is not one (parseAmount's rules:
 * commas only between thousands, no more decimals than the currency has).
 */
export function searchAmount(text: string, currency: string): bigint | null {
  const bare = text.trim().replace(new RegExp(`^${currency}\\s*`, "i"), "");
  if (!/^[\d,.]+$/.test(bare)) return null;
  const parsed = parseAmount(bare, currency);
  return parsed.ok ? parsed.minor : null;
}

/** The filter conditions (everything except the scope, the keyset and the ids). */
export function filterConditions(f: TxFilters, scope: Scope, opts: { skipDates?: boolean; skipStatus?: boolean } = {}): SQL[] {
  const out: (SQL | undefined)[] = [];
  out.push(searchCondition(f.q, scope));
  if (!opts.skipStatus && f.statuses.length) out.push(f.statuses.length === 1 ? eq(t.status, f.statuses[0]) : inArray(t.status, f.statuses));
  if (f.networks.length) out.push(inArray(t.network, f.networks));
  if (f.methods.length) out.push(inArray(t.channel, f.methods));
  if (f.chains.length) out.push(inArray(t.chain, f.chains));
  if (f.tokens.length) out.push(inArray(t.token, f.tokens));
  if (f.refunds.length) out.push(inArray(t.refundStatus, f.refunds));
  if (!opts.skipDates && f.start) out.push(gte(t.createdAt, f.start));
  if (!opts.skipDates && f.end) out.push(lt(t.createdAt, f.end));
  if (f.amountMin !== undefined) out.push(gte(t.amount, f.amountMin));
  if (f.amountMax !== undefined) out.push(lte(t.amount, f.amountMax));
  if (f.ids.length) out.push(inArray(t.id, f.ids));
  return out.filter((c): c is SQL => c !== undefined);
}

/** True when only scope, status, network, type and dates filter: the counters can come from transaction_daily_stats. */
export function dailyStatsCanAnswer(f: TxFilters): boolean {
  return (
    !f.q &&
    !f.chains.length &&
    !f.tokens.length &&
    !f.refunds.length &&
    f.amountMin === undefined &&
    f.amountMax === undefined &&
    !f.ids.length
  );
}

export const SORT_SQL: Record<SortColumn, { column: SQLWrapper; nullable: boolean }> = {
  createdAt: { column: t.createdAt, nullable: false },
  updatedAt: { column: t.updatedAt, nullable: false },
  completedAt: { column: t.completedAt, nullable: true },
  amount: { column: t.amount, nullable: false },
  transactionAmount: { column: t.transactionAmount, nullable: false },
  fee: { column: t.fee, nullable: false },
  referenceId: { column: t.referenceId, nullable: false },
  referenceNumber: { column: t.referenceNumber, nullable: false },
  status: { column: t.status, nullable: false },
  channel: { column: t.channel, nullable: false },
  phoneNumber: { column: t.phoneNumber, nullable: true },
  network: { column: t.network, nullable: true },
  cryptoAmount: { column: t.cryptoAmount, nullable: true },
  chain: { column: t.chain, nullable: true },
  token: { column: t.token, nullable: true },
  kind: { column: t.kind, nullable: false },
};

/** ISO-8601 UTC with microseconds: exact for keyset cursors (a JS Date keeps only ms). */
export function isoUtc(column: SQLWrapper): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The columns every list, detail and export reads. */
export const rowColumns = {
  id: t.id,
  kind: t.kind,
  channel: t.channel,
  referenceId: t.referenceId,
  referenceNumber: t.referenceNumber,
  status: t.status,
  country: t.country,
  currency: t.currency,
  network: t.network,
  phoneNumber: t.phoneNumber,
  amount: t.amount,
  transactionAmount: t.transactionAmount,
  fee: t.fee,
  errorCode: t.errorCode,
  errorMessage: t.errorMessage,
  chain: t.chain,
  token: t.token,
  cryptoAmount: t.cryptoAmount,
  cryptoAddress: t.cryptoAddress,
  txHash: t.txHash,
  depositStatus: t.depositStatus,
  onchainStatus: t.onchainStatus,
  refundStatus: t.refundStatus,
  createdAt: isoUtc(t.createdAt),
  completedAt: sql<string | null>`case when ${t.completedAt} is null then null else ${isoUtc(t.completedAt)} end`,
  updatedAt: isoUtc(t.updatedAt),
};

export { and };
