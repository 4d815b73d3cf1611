import "server-only";
import { and, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { transactions as t } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { csvHeaderLine, csvPageSql } from "./csv";
import { KIND_CONFIG, type ListSlug } from "./kinds";
import type { ListQuery } from "./list-query";
import { keysetCondition } from "./list-transactions";
import { filterConditions, normalizeFilters, scopeConditions } from "./query";

/** Rows fetched per round trip while streaming. */
export const EXPORT_BATCH = 5_000;

type PageRow = { id: string; created_iso: string; line: string };

export interface ExportStream {
  stream: ReadableStream<Uint8Array>;
  filename: string;
}

/**
 * The filtered view (or the selected ids, within the scope) as a CSV stream, newest first.
 * Pulls one keyset batch per read, so memory stays flat whatever the row count; the consumer's
 * pace (backpressure) decides when the next batch is read.
 */
export function exportTransactions(
  db: Db,
  scope: Scope,
  slug: ListSlug,
  input: ListQuery,
  opts: { now?: Date; batchSize?: number } = {},
): ExportStream {
  const batch = opts.batchSize ?? EXPORT_BATCH;
  const now = opts.now ?? new Date();
  const f = normalizeFilters(scope, slug, input);
  const base = f.ids.length
    ? [...scopeConditions(scope, f.kinds), inArray(t.id, f.ids)]
    : [...scopeConditions(scope, f.kinds), ...filterConditions(f, scope)];
  const encoder = new TextEncoder();
  let cursor: { ts: string; id: string } | null = null;
  let first = true;
  let done = false;

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (done) return;
        try {
          const where = and(...base, cursor ? keysetCondition(cursor, "<") : undefined);
          const result = (await db.execute(csvPageSql(slug, scope.market.currency, where, batch))) as unknown as { rows: PageRow[] };
          const rows = result.rows;
          let text = first ? "\uFEFF" + csvHeaderLine(slug) : "";
          first = false;
          for (const r of rows) text += r.line + "\r\n";
          controller.enqueue(encoder.encode(text));
          if (rows.length < batch) {
            done = true;
            controller.close();
            return;
          }
          const last = rows[rows.length - 1];
          cursor = { ts: last.created_iso, id: last.id };
        } catch (e) {
          done = true;
          console.error("[export] transaction export failed", e);
          controller.error(e);
        }
      },
    },
    { highWaterMark: 1 },
  );

  const stamp = now.toISOString().slice(0, 19).replace(/[-:T]/g, "").replace(/^(\d{8})/, "$1-");
  const market = `${scope.market.country}-${scope.market.currency}`.toLowerCase();
  return { stream, filename: `kotani-${KIND_CONFIG[slug].exportName}-${market}-${scope.environment}-${stamp}.csv` };
}
