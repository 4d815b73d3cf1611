import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * Every CSV export goes through here: one formula neutraliser (in JavaScript and in SQL, the same
 * rule), one field quoter and one streaming response.
 *
 * - RFC 4180: comma-separated, CRLF line ends; a field holding a comma, quote or line break is
 *   quoted with its quotes doubled. A UTF-8 byte order mark first, so Excel reads accents.
 * - Formula injection (ASVS 1.2.10): a cell that starts with = + - @ tab or CR gets a leading
 *   apostrophe, so a spreadsheet shows it as text instead of running it — for every cell, line
 *   breaks included (papaparse's `escapeFormulae` misses "=…\n…"). A number the code formatted
 *   itself ("-12.50") cannot run anything and stays a number (`csvNumber`, `csvNumberSql`).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A text cell → its CSV field (neutralised, quoted when needed); null/undefined → empty. */
export function csvField(value: string | number | bigint | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const n = neutralizeCell(value);
  return /[",\r\n]/.test(n) ? `"${n.replace(/"/g, '""')}"` : n;
}

/** A number the code formatted itself ("-12.50" stays a number, anything else is a text cell). */
export function csvNumber(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return /^-?\d+(\.\d+)?$/.test(value) ? value : csvField(value);
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.join(",")}\r\n`;
}

/** Header + rows of plain values → a CSV document (small exports; big ones stream). */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | bigint | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => csvLine(r.map(csvField))).join("");
}

/** First characters that make a spreadsheet evaluate a cell: = + - @ tab CR (as code points). */
const FORMULA_FIRST = sql.raw(`(61, 43, 45, 64, 9, 13)`);

/**
 * The same rule in SQL, for exports whose lines the database builds: a text value → its CSV field.
 * Uses ascii() and strpos() rather than regular expressions (a regex per cell was most of a 100k-row
 * export's time). `value` is repeated in the expression: pass a plain column.
 */
export function csvCellSql(value: SQLWrapper): SQL<string> {
  const n = sql`(case when ascii(${value}) in ${FORMULA_FIRST} then '''' || ${value} else ${value} end)`;
  const special = sql`(strpos(${value}, ',') > 0 or strpos(${value}, '"') > 0 or strpos(${value}, chr(10)) > 0 or strpos(${value}, chr(13)) > 0)`;
  return sql<string>`coalesce(case when ${special} then '"' || replace(${n}, '"', '""') || '"' else ${n} end, '')`;
}

/** A number the database formats itself: never needs quotes; left as a number. */
export function csvNumberSql(value: SQLWrapper): SQL<string> {
  return sql<string>`coalesce(${value}, '')`;
}

const BOM = "\ufeff";

/**
 * A streamed CSV download: the header line, then each chunk of lines `lines` yields (already
 * CSV), with back-pressure; a failure mid-stream ends the download (the client sees a cut file
 * rather than a 200 with an error page inside).
 */
export function csvResponse(filename: string, header: readonly string[], lines: AsyncIterable<string> | Iterable<string>): Response {
  const encoder = new TextEncoder();
  const iterator = (Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : lines[Symbol.iterator]()) as
    | AsyncIterator<string>
    | Iterator<string>;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvLine(header.map(csvField))));
    },
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        console.error(`[csv] export ${filename} failed mid-stream`, e);
        controller.error(e);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
