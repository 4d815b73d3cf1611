/**
 * CSV rows for a transaction export. Pure (papaparse's `unparse` does the quoting).
 *
 * Formula injection: a cell that starts with = + - @ tab or CR gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it. (papaparse's own `escapeFormulae` misses
 * values with a line break after the formula, so it is done here for every cell.)
 */
import Papa from "papaparse";
import { toDecimalString } from "@/lib/money";
import { cryptoToDecimal } from "./format";
import { KIND_CONFIG, KIND_LABEL, type ListSlug } from "./kinds";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** What an export row needs (the list row shape, bigints or strings for amounts). */
export interface CsvSource {
  id: string;
  kind: keyof typeof KIND_LABEL;
  channel: string;
  referenceId: string;
  referenceNumber: number;
  status: string;
  currency: string;
  network: string | null;
  phoneNumber: string | null;
  amount: bigint | string;
  transactionAmount: bigint | string;
  fee: bigint | string;
  errorCode: string | null;
  errorMessage: string | null;
  chain: string | null;
  token: string | null;
  cryptoAmount: string | null;
  cryptoAddress: string | null;
  txHash: string | null;
  depositStatus: string | null;
  onchainStatus: string | null;
  refundStatus: string | null;
  createdAt: string;
  completedAt: string | null;
  updatedAt: string;
}

type Column = [header: string, value: (r: CsvSource) => string | number | null];

const money = (v: bigint | string, currency: string) => toDecimalString(BigInt(v), currency);

const columnCache = new Map<ListSlug, Column[]>();

function columnsFor(slug: ListSlug): Column[] {
  let cols = columnCache.get(slug);
  if (!cols) columnCache.set(slug, (cols = buildColumns(slug)));
  return cols;
}

function buildColumns(slug: ListSlug): Column[] {
  const head: Column[] = [
    ["Transaction ID", (r) => r.id],
    ["Reference ID", (r) => r.referenceId],
    ["Reference Number", (r) => r.referenceNumber],
  ];
  if (slug === "recent") head.push(["Kind", (r) => KIND_LABEL[r.kind]]);
  const common: Column[] = [
    ["Type", (r) => r.channel],
    ["Phone number", (r) => r.phoneNumber],
    ["Network", (r) => r.network],
    ["Currency", (r) => r.currency],
    ["Transaction Amount", (r) => money(r.transactionAmount, r.currency)],
    ["Amount", (r) => money(r.amount, r.currency)],
    ["Fee", (r) => money(r.fee, r.currency)],
  ];
  const crypto: Column[] = KIND_CONFIG[slug].crypto
    ? [
        ["Crypto Amount", (r) => cryptoToDecimal(r.cryptoAmount, r.token)],
        ["Token", (r) => r.token],
        ["Chain", (r) => r.chain],
        ["Address", (r) => r.cryptoAddress],
        ["Tx Hash", (r) => r.txHash],
        ["Deposit Status", (r) => r.depositStatus],
        ["Onchain Status", (r) => r.onchainStatus],
      ]
    : [];
  const refund: Column[] = slug === "offramp" ? [["Refund Status", (r) => r.refundStatus]] : [];
  const tail: Column[] = [
    ["Status", (r) => r.status],
    ["Error Code", (r) => r.errorCode],
    ["Failure Reason", (r) => r.errorMessage],
    ["Created At (UTC)", (r) => r.createdAt],
    ["Completed At (UTC)", (r) => r.completedAt],
    ["Updated At (UTC)", (r) => r.updatedAt],
  ];
  return [...head, ...common, ...crypto, ...refund, ...tail];
}

export function csvHeader(slug: ListSlug): string[] {
  return columnsFor(slug).map(([h]) => h);
}

export function csvCells(slug: ListSlug, row: CsvSource): string[] {
  return columnsFor(slug).map(([, value]) => {
    const v = value(row);
    return v === null || v === undefined ? "" : neutralizeCell(String(v));
  });
}

/** CSV text for some rows (CRLF line ends, a trailing line break); the header when asked. */
export function toCsvChunk(slug: ListSlug, rows: CsvSource[], withHeader: boolean): string {
  const data = rows.map((r) => csvCells(slug, r));
  if (withHeader) data.unshift(csvHeader(slug));
  if (data.length === 0) return "";
  return Papa.unparse(data, { newline: "\r\n", quotes: false }) + "\r\n";
}
