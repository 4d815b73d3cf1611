"use client";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { BulkIssue } from "@/lib/bulk-payments/constants";

/** Rows of the problems table drawn at once (the download has them all). */
const ISSUES_SHOWN = 500;

export type Kind = "error" | "warning";
export interface IssueRow extends BulkIssue {
  kind: Kind;
}

export function IssuesTable({ rows, label, total }: { rows: IssueRow[]; label: string; total: number }) {
  return (
    <>
      <div className="max-h-[28rem] overflow-auto rounded-md border">
        <Table aria-label={label}>
          <TableHeader>
            <TableRow>
              <TableHead className="w-20">Row</TableHead>
              <TableHead className="w-40">Column</TableHead>
              <TableHead>Problem</TableHead>
              <TableHead className="w-24">Type</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={4} className="py-6 text-center text-muted-foreground">
                  No problems match.
                </TableCell>
              </TableRow>
            ) : (
              rows.slice(0, ISSUES_SHOWN).map((r, i) => (
                <TableRow key={i} data-testid="bulk-issue" data-kind={r.kind}>
                  <TableCell className="tabular-nums">{r.row ?? "File"}</TableCell>
                  <TableCell className="font-mono text-xs">{r.column ?? "—"}</TableCell>
                  <TableCell className="whitespace-normal">{r.message}</TableCell>
                  <TableCell>
                    <span className={r.kind === "error" ? "text-destructive dark:text-red-300" : "text-warning"}>
                      {r.kind === "error" ? "Error" : "Warning"}
                    </span>
                  </TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </div>
      {rows.length > ISSUES_SHOWN && (
        <p className="text-xs text-muted-foreground">
          Showing the first {ISSUES_SHOWN.toLocaleString("en-US")} of {rows.length.toLocaleString("en-US")} matching problems
          {total !== rows.length ? ` (${total.toLocaleString("en-US")} in all)` : ""}. Download them all as CSV.
        </p>
      )}
    </>
  );
}

