import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { csvCellSql, csvNumberSql } from "@/lib/csv";
import { transactions as t } from "@/lib/db/schema";
import { CURRENCIES, TOKEN_DECIMALS } from "@/lib/markets";
import { KIND_CONFIG, KIND_LABEL, type ListSlug } from "./kinds";
import { isoUtc } from "./query";

/**
 * The transaction export's columns, as SQL: each row's CSV line is built by the database (one text
 * column per row), since parsing ~25 typed columns per row in JavaScript made a 100k-row export take
 * ~6 s and the SQL-built line takes ~1 s. The cell rules (formula neutraliser, quoting) are the
 * shared ones of lib/csv.ts.
 */

/** Minor units → "1000.50" (the currency's exponent; exact numeric arithmetic). */
function moneySql(column: SQLWrapper, currency: string): SQL {
  const exponent = CURRENCIES[currency]?.exponent ?? 2;
  return exponent === 0
    ? sql`${column}::text`
    : sql`(${column}::numeric * ${sql.raw(`'1e-${exponent}'::numeric`)})::text`;
}

/** Token base units → "1.5" (token decimals, trailing zeros trimmed; unknown tokens 18). */
function cryptoSql(): SQL {
  const cases = Object.entries(TOKEN_DECIMALS).map(([token, d]) => sql.raw(`when '${token}' then '1e-${d}'::numeric`));
  return sql`trim_scale(${t.cryptoAmount} * (case upper(${t.token}) ${sql.join(cases, sql` `)} else '1e-18'::numeric end))::text`;
}

/** [header, value as text, how to write it]. */
type Column = [header: string, value: SQL, format?: "number"];

function columns(slug: ListSlug, currency: string): Column[] {
  const kindLabel = sql.join(
    Object.entries(KIND_LABEL).map(([k, label]) => sql.raw(`when '${k}' then '${label}'`)),
    sql` `,
  );
  const head: Column[] = [
    ["Transaction ID", sql`${t.id}`],
    ["Reference ID", sql`${t.referenceId}`],
    ["Reference Number", sql`${t.referenceNumber}::text`, "number"],
  ];
  if (slug === "recent") head.push(["Kind", sql`(case ${t.kind} ${kindLabel} end)`]);
  const common: Column[] = [
    ["Type", sql`${t.channel}`],
    ["Phone number", sql`${t.phoneNumber}`],
    ["Network", sql`${t.network}`],
    ["Currency", sql`${t.currency}::text`],
    ["Transaction Amount", moneySql(t.transactionAmount, currency), "number"],
    ["Amount", moneySql(t.amount, currency), "number"],
    ["Fee", moneySql(t.fee, currency), "number"],
  ];
  const crypto: Column[] = KIND_CONFIG[slug].crypto
    ? [
        ["Crypto Amount", cryptoSql(), "number"],
        ["Token", sql`${t.token}`],
        ["Chain", sql`${t.chain}`],
        ["Address", sql`${t.cryptoAddress}`],
        ["Tx Hash", sql`${t.txHash}`],
        ["Deposit Status", sql`${t.depositStatus}`],
        ["Onchain Status", sql`${t.onchainStatus}`],
      ]
    : [];
  const refund: Column[] = slug === "offramp" ? [["Refund Status", sql`${t.refundStatus}`]] : [];
  const tail: Column[] = [
    ["Status", sql`${t.status}`],
    ["Error Code", sql`${t.errorCode}`],
    ["Failure Reason", sql`${t.errorMessage}`],
    ["Created At (UTC)", isoUtc(t.createdAt), "number"],
    ["Completed At (UTC)", isoUtc(t.completedAt), "number"],
    ["Updated At (UTC)", isoUtc(t.updatedAt), "number"],
  ];
  return [...head, ...common, ...crypto, ...refund, ...tail];
}

export function csvHeader(slug: ListSlug): string[] {
  return columns(slug, "KES").map(([h]) => h);
}

/**
 * One batch of the export as a single row: `body` (the batch's CSV lines, newest first, each
 * CRLF-terminated), `n` (how many) and `last_id` / `last_iso` (the keyset cursor of the last line).
 * The innermost query computes each value once, the middle one turns the values into CSV fields,
 * the outer one joins them: one row instead of thousands is what PGlite hands to JavaScript
 * (that hand-over was ~20% of a 112k-row export).
 */
export function csvBatchSql(slug: ListSlug, currency: string, where: SQL | undefined, limit: number): SQL {
  return sql`select string_agg(b.line, chr(13) || chr(10) order by b.ord) || chr(13) || chr(10) as body, count(*)::int as n,
      (array_agg(b.id order by b.ord desc))[1] as last_id, (array_agg(b.created_iso order by b.ord desc))[1] as last_iso
    from (select p.*, row_number() over (order by p.created_raw desc nulls last, p.id desc nulls last) as ord
      from (${csvPageSql(slug, currency, where, limit)}) p) b`;
}

/** One page of the export, a row per line: `id`, `created_raw`, `created_iso` and `line` (no line break). */
function csvPageSql(slug: ListSlug, currency: string, where: SQL | undefined, limit: number): SQL {
  const cols = columns(slug, currency);
  const values = sql.join(
    cols.map(([, value], i) => sql`${value} as ${sql.identifier(`c${i}`)}`),
    sql`, `,
  );
  const cells = sql.join(
    cols.map(([, , format], i) =>
      format === "number" ? csvNumberSql(sql.identifier(`c${i}`)) : csvCellSql(sql.identifier(`c${i}`)),
    ),
    sql`, `,
  );
  return sql`select x.id, x.created_raw, x.created_iso, concat_ws(',', ${cells}) as line
    from (
      select ${t.id} as id, ${t.createdAt} as created_raw, ${isoUtc(t.createdAt)} as created_iso, ${values}
      from ${t}
      ${where ? sql`where ${where}` : sql``}
      order by ${t.createdAt} desc nulls last, ${t.id} desc nulls last
      limit ${limit}
    ) x`;
}
