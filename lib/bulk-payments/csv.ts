/**
 * Bulk Payments (§3.11): reading the uploaded CSV and checking every row. Pure (no database, no
 * clock): the validate service hashes the file, looks for duplicate uploads and references used
 * before, and stores the draft around these functions.
 *
 * Server only in practice: the phone check uses libphonenumber-js's full metadata
 * (lib/engine/phone.ts), so a client component cannot import this module.
 *
 * Decisions:
 * - Row numbers are the rows a spreadsheet shows, not text lines: a quoted cell holding line
 *   breaks keeps its record on one row, and a blank line is a (skipped) row of its own, as a
 *   spreadsheet opening the file shows it. So the number is the index of the record among ALL
 *   records papaparse reads (blank ones included) + 1: header row 1, first record row 2. For that
 *   reason papaparse runs with `skipEmptyLines: false` and the "greedy" skip (a record whose cells
 *   are all blank) is done here, after numbering.
 * - Line ends are normalised to "\n" before parsing, so CRLF, LF and mixed files all read the same
 *   (a line break inside a quoted cell becomes "\n").
 * - A file-level error (not a text CSV, empty, header only, missing or repeated columns, too many
 *   rows) stops the per-row checks: the file has to be fixed first, and thousands of "missing"
 *   errors would hide the one that matters. A row whose structure is broken (wrong number of
 *   cells, a bad quote) gets that one error and no cell checks: its cells are in the wrong columns.
 * - One issue per cell at most (error or warning), so a spreadsheet user finds each cell's problem
 *   once; a cell's control characters are reported before anything else about it.
 * - Formula-like cells (= + - @) are kept as text: exports neutralise them (lib/csv.ts); as an
 *   amount they are simply not a number.
 * - The recipient's name has its runs of white space (a line break in a quoted cell included)
 *   collapsed to one space; the description keeps its text as written (trimmed, cut at 200).
 * - References are compared exactly (case-sensitive) within the file, as the engine stores them.
 */
import Papa from "papaparse";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { EMAIL } from "@/lib/customers/schemas";
import { checkMobileNumber } from "@/lib/engine/phone";
import { detectNetwork, networksOf } from "@/lib/engine/networks";
import { computeFee, type FeeRule } from "@/lib/engine/fees";
import { COUNTRIES, CURRENCIES } from "@/lib/markets";
import { formatMoney, parseAmount } from "@/lib/money";
import {
  BULK_COLUMNS,
  BULK_MAX_ROWS,
  REQUIRED_COLUMNS,
  type BulkColumn,
  type BulkIssue,
  type BulkRow,
  type CurrencyGroup,
} from "./schemas";

export interface BulkMarket {
  country: string;
  currency: string;
}

export interface CheckContext {
  markets: readonly BulkMarket[];
  /** Payout fee rule per currency (mobile money); a currency without one is refused like an unknown one. */
  feeRules: ReadonlyMap<string, FeeRule>;
}

export interface ParsedBulkFile {
  /** Header names as found (trimmed, lower-cased, BOM stripped). */
  header: string[];
  /**
   * Data records with their spreadsheet row number (header = row 1; a record spanning lines keeps
   * the number of its first line: it is one row in a spreadsheet, see the module comment).
   */
  records: { rowNo: number; cells: Partial<Record<BulkColumn, string>> }[];
  /**
   * File-level (row null): not a CSV, empty, header only, missing or repeated columns, too many
   * rows. Also a row's broken structure (row set: wrong number of cells, a bad quote): that row
   * gets no cell checks.
   */
  errors: BulkIssue[];
}

export interface CheckedBulkFile {
  /** Only rows without errors, in file order. */
  rows: BulkRow[];
  /** File-level + per-row, sorted by row then column order. */
  errors: BulkIssue[];
  warnings: BulkIssue[];
  /** Per currency of the valid rows; sorted by currency; never added across currencies. */
  currencyBreakdown: CurrencyGroup[];
  /** Data records in the file. */
  totalRecords: number;
}

export const NOT_A_TEXT_CSV = "Invalid CSV format: this is not a text CSV file";
export const NOT_UTF8 = 'Invalid CSV format: the file is not UTF-8 text. Save it as "CSV UTF-8" and upload it again';
export const NOT_UTF8_UTF16 = 'Invalid CSV format: the file is UTF-16 text. Save it as "CSV UTF-8" and upload it again';
export const EMPTY_FILE = "The file is empty";
export const HEADER_ONLY = "The file has no rows below its header";

const MAX_NAME = 100;
const MAX_EMAIL = 254;
const MAX_REFERENCE = 64;
const MAX_DESCRIPTION = 200;
const REFERENCE = /^[A-Za-z0-9._-]+$/;
/** NUL and other control characters (as lib/engine/schemas.ts plainText): tab, LF and CR are allowed. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const COLUMN_ORDER = new Map<string, number>(BULK_COLUMNS.map((c, i) => [c, i]));

/** What each column is, in messages. */
const LABEL: Record<BulkColumn, string> = {
  recipient_name: "The recipient's name",
  recipient_email: "The email address",
  recipient_phone: "The phone number",
  amount: "The amount",
  currency: "The currency",
  reference: "The reference",
  description: "The description",
  metadata: "The metadata",
  network: "The network",
};

// ---------------------------------------------------------------------------------------------
// Reading the file

/**
 * Bytes → header and records. Never throws: every problem is an issue. A record's cells are
 * trimmed and keyed by column (the first of a repeated column; unknown columns are dropped).
 */
export function parseBulkCsv(bytes: Uint8Array): ParsedBulkFile {
  const fail = (message: string): ParsedBulkFile => ({ header: [], records: [], errors: [{ row: null, column: null, message }] });

  const decoded = decode(bytes);
  if (!decoded.ok) return fail(decoded.error);
  const text = decoded.text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fail(EMPTY_FILE);

  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: ",", newline: "\n", quoteChar: '"' });
  const all = parsed.data;

  // Structural errors papaparse found, one per record (a bad closing quote explains the missing one).
  const quoteErrors = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.type !== "Quotes" || e.row === undefined) continue;
    const message =
      e.code === "InvalidQuotes"
        ? 'Invalid CSV format: a quote inside a quoted cell must be written twice ("")'
        : "Invalid CSV format: a quoted cell on this row is never closed, so the rest of the file is read into it";
    if (!quoteErrors.has(e.row) || e.code === "InvalidQuotes") quoteErrors.set(e.row, message);
  }

  const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const headerIndex = all.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return fail(EMPTY_FILE);

  const errors: BulkIssue[] = [];
  const rawHeader = all[headerIndex];
  const header = rawHeader.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, "") : h).trim().toLowerCase());
  const headerQuote = quoteErrors.get(headerIndex);
  if (headerQuote) return { header, records: [], errors: [{ row: null, column: null, message: headerQuote.replace("on this row", "in the header") }] };

  // A file saved with another separator reads as one column holding the whole header.
  if (header.length === 1) {
    for (const [sep, name] of [[";", "semicolons"], ["\t", "tabs"], ["|", "'|'"]] as const) {
      if (header[0].split(sep).map((h) => h.trim()).includes("recipient_name")) {
        return fail(`Invalid CSV format: the columns are separated by ${name}. Save the file with commas (CSV UTF-8)`);
      }
    }
  }

  const columnIndex = new Map<BulkColumn, number>();
  const repeated = new Set<string>();
  header.forEach((name, i) => {
    if (!COLUMN_ORDER.has(name)) return;
    const column = name as BulkColumn;
    if (columnIndex.has(column)) repeated.add(column);
    else columnIndex.set(column, i);
  });
  for (const column of repeated) errors.push({ row: null, column: column as BulkColumn, message: `Column '${column}' appears more than once in the header` });
  const missing = REQUIRED_COLUMNS.filter((c) => !columnIndex.has(c));
  if (missing.length) errors.push({ row: null, column: null, message: `Required columns missing: ${missing.join(", ")}` });

  const records: ParsedBulkFile["records"] = [];
  for (let i = headerIndex + 1; i < all.length; i++) {
    const raw = all[i];
    if (isBlank(raw) && !quoteErrors.has(i)) continue;
    const rowNo = i + 1;
    const cells: Partial<Record<BulkColumn, string>> = {};
    for (const [column, index] of columnIndex) {
      if (index < raw.length) cells[column] = unneutralised(raw[index].trim());
    }
    records.push({ rowNo, cells });
    const quote = quoteErrors.get(i);
    if (quote) errors.push({ row: rowNo, column: null, message: quote });
    else if (raw.length !== header.length) {
      errors.push({ row: rowNo, column: null, message: `Row has ${raw.length} ${raw.length === 1 ? "cell" : "cells"}, the header has ${header.length}` });
    }
  }

  if (records.length === 0) errors.push({ row: null, column: null, message: HEADER_ONLY });
  if (records.length > BULK_MAX_ROWS) {
    errors.push({ row: null, column: null, message: `At most ${BULK_MAX_ROWS.toLocaleString("en-US")} rows in one file (this one has ${records.length.toLocaleString("en-US")})` });
  }
  return { header, records, errors: sortIssues(errors) };
}

type Decoded = { ok: true; text: string } | { ok: false; error: string };

/**
 * UTF-8 (a BOM stripped). Clearly binary (invalid UTF-8 with NUL or control bytes, or UTF-8 that
 * is more than 10% control characters) → "not a text CSV file"; text in another encoding (what
 * Excel's plain "CSV" writes on Windows, UTF-16) → save it as CSV UTF-8. A stray NUL in an
 * otherwise textual file is left to the cell check, which names its row and column.
 */
function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, error: EMPTY_FILE };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, error: NOT_UTF8_UTF16 };
  }
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  let nuls = 0;
  for (const b of sample) {
    if (b === 0) nuls++;
    if (b < 0x20 ? b !== 0x09 && b !== 0x0a && b !== 0x0d : b === 0x7f) controls++;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, error: nuls > 0 || controls > sample.length / 100 ? NOT_A_TEXT_CSV : NOT_UTF8 };
  }
  if (controls > sample.length / 10) return { ok: false, error: NOT_A_TEXT_CSV };
  return { ok: true, text: text.replace(/^\ufeff/, "") };
}

// ---------------------------------------------------------------------------------------------
// Checking the rows

/** Every row checked against the integrator's markets and fee rules (see the module comment). */
export function checkBulkFile(parsed: ParsedBulkFile, ctx: CheckContext): CheckedBulkFile {
  const errors: BulkIssue[] = [...parsed.errors];
  const warnings: BulkIssue[] = [];
  const totalRecords = parsed.records.length;

  parsed.header.forEach((name, i) => {
    if (COLUMN_ORDER.has(name)) return;
    warnings.push({ row: null, column: null, message: name === "" ? `Column ${i + 1} has no name: it is not used` : `Column '${shown(name)}' is not used` });
  });

  const done = (rows: BulkRow[]): CheckedBulkFile => ({
    rows,
    errors: sortIssues(errors),
    warnings: sortIssues(warnings),
    currencyBreakdown: breakdown(rows, ctx),
    totalRecords,
  });
  if (parsed.errors.some((e) => e.row === null)) return done([]);

  const brokenRows = new Set(parsed.errors.map((e) => e.row));
  const enabled = enabledCurrencies(ctx);
  const firstRowOfReference = new Map<string, number>();
  const rows: BulkRow[] = [];

  for (const record of parsed.records) {
    if (brokenRows.has(record.rowNo)) continue;
    const result = checkRecord(record, ctx, enabled, firstRowOfReference);
    errors.push(...result.errors);
    warnings.push(...result.warnings);
    if (result.row && result.errors.length === 0) rows.push(result.row);
  }
  return done(rows);
}

/** Rows whose reference was used before (the service passes the set it found in the database): an error each. */
export function referencesUsedBefore(rows: BulkRow[], used: ReadonlySet<string>): BulkIssue[] {
  return rows
    .filter((r) => used.has(r.reference))
    .map((r) => ({ row: r.rowNo, column: "reference" as const, message: `Reference ${r.reference} was used before: every payment needs a new reference` }));
}

/** The issues as a "row,column,message" CSV (CRLF, formulas neutralised as every export: lib/csv.ts). No BOM: add one for Excel. */
/**
 * Our exports (lib/csv.ts) put an apostrophe before a cell that starts like a formula, and a
 * spreadsheet may keep it when the file is saved again: read `'+254…` back as `+254…`.
 */
function unneutralised(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

interface RecordCheck {
  row: BulkRow | null;
  errors: BulkIssue[];
  warnings: BulkIssue[];
}

function checkRecord(
  record: ParsedBulkFile["records"][number],
  ctx: CheckContext,
  enabled: Map<string, { countries: string[]; rule: FeeRule }>,
  firstRowOfReference: Map<string, number>,
): RecordCheck {
  const { rowNo } = record;
  const errors: BulkIssue[] = [];
  const warnings: BulkIssue[] = [];
  const error = (column: BulkColumn, message: string) => errors.push({ row: rowNo, column, message });
  const warn = (column: BulkColumn, message: string) => warnings.push({ row: rowNo, column, message });

  // Every cell: control characters first; such a cell gets no other check (undefined below).
  const cell: Partial<Record<BulkColumn, string>> = {};
  for (const column of BULK_COLUMNS) {
    const value = record.cells[column] ?? "";
    const bad = CONTROL.exec(value);
    if (bad) error(column, `${LABEL[column]} contains a control character (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}): remove it`);
    else cell[column] = value;
  }

  // recipient_name
  let name: string | null = null;
  if (cell.recipient_name !== undefined) {
    const value = cell.recipient_name.replace(/\s+/g, " ");
    const length = [...value].length;
    if (value === "") error("recipient_name", "The recipient's name is missing");
    else if (length > MAX_NAME) error("recipient_name", `The recipient's name is ${length} characters long: at most ${MAX_NAME}`);
    else name = value;
  }

  // recipient_email
  let email: string | null = null;
  if (cell.recipient_email !== undefined) {
    const value = cell.recipient_email;
    if (value === "") error("recipient_email", "The email address is missing");
    else if (value.length > MAX_EMAIL) error("recipient_email", `The email address is longer than ${MAX_EMAIL} characters`);
    else if (!EMAIL.test(value)) error("recipient_email", `'${shown(value)}' is not a valid email address, like name@example.com`);
    else email = value;
  }

  // currency
  let currency: string | null = null;
  if (cell.currency !== undefined) {
    const value = cell.currency;
    if (value === "") error("currency", "The currency is missing");
    else if (!/^[A-Za-z]{3}$/.test(value)) error("currency", `'${shown(value)}' is not a currency code: write 3 letters, like KES`);
    else if (!enabled.has(value.toUpperCase())) {
      const list = [...enabled.keys()].sort();
      error("currency", `${value.toUpperCase()} is not enabled for your account in this environment${list.length ? ` (enabled: ${list.join(", ")})` : ""}`);
    } else currency = value.toUpperCase();
  }
  const market = currency ? enabled.get(currency)! : null;

  // recipient_phone (needs the currency: its markets are the countries it pays to)
  let phone: { e164: string; country: string } | null = null;
  if (cell.recipient_phone !== undefined) {
    const value = cell.recipient_phone;
    if (value === "") error("recipient_phone", "The phone number is missing");
    else if (market && currency) {
      const found = checkPhone(value, currency, market.countries);
      if (found.ok) phone = found;
      else error("recipient_phone", found.error);
    }
  }

  // amount
  let amount: bigint | null = null;
  if (cell.amount !== undefined) {
    const problem = amountFormatProblem(cell.amount);
    if (problem) error("amount", problem);
    else if (market && currency) {
      const parsedAmount = parseAmount(cell.amount, currency);
      if (!parsedAmount.ok) error("amount", parsedAmount.error);
      else if (parsedAmount.minor > market.rule.maxAmount) {
        error("amount", `${formatMoney(parsedAmount.minor, currency)} is above the limit of ${formatMoney(market.rule.maxAmount, currency)} per payment`);
      } else amount = parsedAmount.minor;
    }
  }

  // reference
  let reference: string | null = null;
  if (cell.reference !== undefined) {
    const value = cell.reference;
    if (value === "") error("reference", "The reference is missing");
    else if (value.length > MAX_REFERENCE) error("reference", `The reference is ${value.length} characters long: at most ${MAX_REFERENCE}`);
    else if (!REFERENCE.test(value)) error("reference", `'${shown(value)}' has characters a reference cannot have: use letters, digits, '.', '_' or '-'`);
    else {
      const first = firstRowOfReference.get(value);
      if (first !== undefined) error("reference", `Reference ${value} is also on row ${first}`);
      else {
        firstRowOfReference.set(value, rowNo);
        reference = value;
      }
    }
  }

  // network (needs the number's country)
  let network: string | null = null;
  if (cell.network !== undefined && phone) {
    const given = cell.network.toUpperCase();
    const detected = detectNetwork(phone.e164, phone.country);
    const countryName = COUNTRIES[phone.country]?.name ?? phone.country;
    if (given === "") {
      if (detected === "NOT_SUPPORTED") error("network", "The network could not be detected from this number: add a network column");
      else network = detected;
    } else {
      const known = networksOf(phone.country);
      if (!known.includes(given)) {
        error("network", `'${shown(cell.network)}' is not a mobile money network in ${countryName}${known.length ? `: use ${orList(known)}` : ""}`);
      } else {
        if (detected !== "NOT_SUPPORTED" && detected !== given) warn("network", `The number looks like a ${detected} number, not ${given}: it will be paid on ${given} as given`);
        network = given;
      }
    }
  }

  // description
  let description: string | null = null;
  if (cell.description !== undefined && cell.description !== "") {
    const chars = [...cell.description];
    if (chars.length > MAX_DESCRIPTION) {
      warn("description", `The description is ${chars.length} characters long: only the first ${MAX_DESCRIPTION} are kept`);
      description = chars.slice(0, MAX_DESCRIPTION).join("").trimEnd();
    } else description = cell.description;
  }

  // metadata
  let metadata: unknown = null;
  if (cell.metadata !== undefined && cell.metadata !== "") {
    try {
      metadata = JSON.parse(cell.metadata);
    } catch {
      warn("metadata", "metadata is not valid JSON: kept as text");
      metadata = cell.metadata;
    }
  }

  if (errors.length || name === null || email === null || currency === null || phone === null || amount === null || reference === null || network === null) {
    return { row: null, errors, warnings };
  }
  return {
    row: {
      rowNo,
      recipientName: name,
      recipientEmail: email,
      recipientPhone: phone.e164,
      network,
      amount: amount.toString(),
      currency,
      country: phone.country,
      reference,
      description,
      metadata,
    },
    errors,
    warnings,
  };
}

/** The currencies this file may pay: in the markets and with a payout fee rule (and known to CURRENCIES). */
function enabledCurrencies(ctx: CheckContext): Map<string, { countries: string[]; rule: FeeRule }> {
  const enabled = new Map<string, { countries: string[]; rule: FeeRule }>();
  for (const m of ctx.markets) {
    const rule = ctx.feeRules.get(m.currency);
    if (!rule || !CURRENCIES[m.currency]) continue;
    const entry = enabled.get(m.currency) ?? { countries: [], rule };
    if (!entry.countries.includes(m.country)) entry.countries.push(m.country);
    enabled.set(m.currency, entry);
  }
  return enabled;
}

type PhoneResult = { ok: true; e164: string; country: string } | { ok: false; error: string };

/** Valid (mobile) in one of the currency's countries, the first that passes; else why not, naming the countries. */
function checkPhone(value: string, currency: string, countries: readonly string[]): PhoneResult {
  let firstError: string | null = null;
  for (const country of countries) {
    const check = checkMobileNumber(value, country);
    if (check.ok) return { ok: true, e164: check.e164, country };
    firstError ??= check.error;
  }
  const names = orList(countries.map((c) => COUNTRIES[c]?.name ?? c));
  const own = numberCountry(value);
  if (own && !countries.includes(own)) {
    const ownName = COUNTRIES[own]?.name ?? own;
    return { ok: false, error: `${shown(value)} is a ${ownName} number, not a ${names} one: ${currency} pays to ${names}` };
  }
  if (firstError === "Mobile money needs a mobile number") return { ok: false, error: `${shown(value)} is not a mobile number: mobile money needs one` };
  return { ok: false, error: `${shown(value)} is not a valid ${names} mobile number: write it with its country code, like +${exampleNumber(countries[0])}` };
}

/** The country of a number written internationally (+…, 00…), or null. */
function numberCountry(value: string): string | null {
  const text = value.trim().replace(/^00/, "+");
  if (!text.startsWith("+")) return null;
  return parsePhoneNumberFromString(text)?.country ?? null;
}

function exampleNumber(country: string | undefined): string {
  const examples: Record<string, string> = { KE: "254712345678", UG: "256772123456", TZ: "255741234567" };
  return (country && examples[country]) ?? "254712345678";
}

/**
 * What is wrong with how the amount is written, before the currency is known (digits with an
 * optional decimal point only), or null. The currency's decimals, zero and the limit come after.
 */
function amountFormatProblem(value: string): string | null {
  if (value === "") return "The amount is missing";
  if (/^\d+(\.\d+)?$/.test(value)) return /[1-9]/.test(value) ? null : "The amount must be greater than zero";
  if (/^-\s*[\d.]/.test(value)) return "The amount must be greater than zero: remove the minus sign";
  if (/^\+\s*[\d.]/.test(value)) return "Write the amount without a plus sign, like 1000.50";
  if (/^\d[\d.]*[eE][+-]?\d+$/.test(value)) return `Write the amount in full digits, like 1000, not as ${shown(value)}`;
  if (/^(\.\d+|\d+\.)$/.test(value)) return "Write the amount with digits on both sides of the dot, like 0.50";
  if (/^\d+,\d{1,2}$/.test(value)) return "Use a dot for decimals, like 1000.50";
  if (/^[\d.,]+$/.test(value)) return "Write amounts without thousands separators, like 1000.50";
  if (/^[\d.,]+(\s+[\d.,]+)+$/.test(value)) return "Write the amount without spaces, like 1000.50";
  return `'${shown(value)}' is not an amount: write digits with an optional decimal point, like 1000.50`;
}

function breakdown(rows: readonly BulkRow[], ctx: CheckContext): CurrencyGroup[] {
  const groups = new Map<string, { recipients: number; total: bigint; fees: bigint }>();
  for (const row of rows) {
    const rule = ctx.feeRules.get(row.currency)!;
    const amount = BigInt(row.amount);
    const g = groups.get(row.currency) ?? { recipients: 0, total: 0n, fees: 0n };
    g.recipients++;
    g.total += amount;
    g.fees += computeFee(rule, amount, row.currency);
    groups.set(row.currency, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, g]) => ({ currency, recipients: g.recipients, totalAmount: g.total.toString(), totalFees: g.fees.toString() }));
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** File-level first, then by row, then by column order (a row's own issue before its cells'). Stable. */
function sortIssues(issues: BulkIssue[]): BulkIssue[] {
  const col = (c: BulkColumn | null) => (c === null ? -1 : (COLUMN_ORDER.get(c) ?? -1));
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0) || col(a.issue.column) - col(b.issue.column) || a.i - b.i)
    .map((x) => x.issue);
}

/** A cell's value in a message: at most 40 characters. */
function shown(value: string): string {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 39).join("")}…` : value;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
