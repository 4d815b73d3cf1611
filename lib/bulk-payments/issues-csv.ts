import { toCsv } from "@/lib/csv";
import type { BulkIssue } from "./schemas";

/** A file's problems as "row,column,message" CSV (the same quoting and formula rule as every export). Client-safe. */
export function issuesCsv(issues: BulkIssue[]): string {
  return toCsv(
    ["row", "column", "message"],
    issues.map((i) => [i.row, i.column, i.message]),
  );
}
