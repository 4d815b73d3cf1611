import Papa from "papaparse";

/**
 * Spreadsheet formula injection (ASVS 1.2.10, CSV export): a cell starting with = + - @ tab or
 * CR is prefixed with a quote so Excel / Sheets show it as text. (Papaparse's own escapeFormulae
 * misses multi-line cells, so we do it ourselves.)
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][], withHeader = true): string {
  const body = rows.map((r) => r.map((c) => (c === null || c === undefined ? "" : neutralizeCell(String(c)))));
  return Papa.unparse(withHeader ? [header.map(neutralizeCell), ...body] : body, { newline: "\r\n", quotes: false });
}
