import "server-only";
import { and, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { transactions as t } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { csvBatchSql, csvHeader } from "./csv";
import { KIND_CONFIG, type ListSlug } from "./kinds";
import type { ListQuery } from "./list-contract";
import { keysetCondition } from "./list-transactions";
import { filterConditions, normalizeFilters, scopeConditions } from "./query";

/** Rows fetched per round trip while streaming. */
export const EXPORT_BATCH = 5_000;

type BatchRow = { body: string | null; n: number; last_id: string | null; last_iso: string | null };

export interface TransactionExport {
  filename: string;
  header: string[];
  /** The CSV lines (CRLF-terminated), one chunk per batch: for lib/csv.ts csvResponse. */
  lines: AsyncIterable<string>;
}

/**
 * The filtered view (or the selected ids, within the scope) as CSV lines, newest first. The
 * filters are checked now (a bad filter is a 400 before any byte is sent); the rows are read one
 * keyset batch per pull, so memory stays flat whatever the row count and the consumer's pace
 * (back-pressure) decides when the next batch is read.
 */
export function exportTransactions(
  db: Db,
  scope: Scope,
  slug: ListSlug,
  input: ListQuery,
  opts: { now?: Date; batchSize?: number } = {},
): TransactionExport {
  const batch = opts.batchSize ?? EXPORT_BATCH;
  const now = opts.now ?? new Date();
  const f = normalizeFilters(scope, slug, input);
  const base = f.ids.length
    ? [...scopeConditions(scope, f.kinds), inArray(t.id, f.ids)]
    : [...scopeConditions(scope, f.kinds), ...filterConditions(f, scope)];

  async function* lines(): AsyncGenerator<string> {
    let cursor: { ts: string; id: string } | null = null;
    for (;;) {
      const where = and(...base, cursor ? keysetCondition(cursor, "<") : undefined);
      const result = (await db.execute(csvBatchSql(slug, scope.market.currency, where, batch))) as unknown as { rows: BatchRow[] };
      const { body, n, last_id, last_iso } = result.rows[0]!;
      if (body) yield body;
      if (n < batch || !last_id || !last_iso) return;
      cursor = { ts: last_iso, id: last_id };
    }
  }

  const stamp = now
    .toISOString()
    .slice(0, 19)
    .replace(/[-:T]/g, "")
    .replace(/^(\d{8})/, "$1-");
  const market = `${scope.market.country}-${scope.market.currency}`.toLowerCase();
  const filename = `kotani-${KIND_CONFIG[slug].exportName}-${market}-${scope.environment}-${stamp}.csv`;
  const header = csvHeader(slug);
  const body = lines();
  return { filename, header, lines: body };
}
