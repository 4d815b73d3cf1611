"use client";

import { useId, useMemo, useState } from "react";
import { AlertTriangle, Download, Upload } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Timestamp } from "@/components/shell/timezone";
import { downloadText } from "@/lib/client/download-text";
import type { BulkIssue, BulkValidation } from "@/lib/bulk-payments/constants";
import { IssuesTable, type IssueRow, type Kind } from "./bulk-issues-table";

/*
 * Step 2 of a new bulk payment, Check: the problems the server found in the file. Loaded when a
 * file is chosen (new-bulk-payment.tsx), not with the page.
 */

/** The problems with a filter (all / errors / warnings) and a search. */
function FilteredIssues({ errors, warnings, label }: { errors: BulkIssue[]; warnings: BulkIssue[]; label: string }) {
  const searchId = useId();
  const [kind, setKind] = useState<"all" | Kind>("all");
  const [q, setQ] = useState("");
  const all = useMemo<IssueRow[]>(
    () => [...errors.map((e) => ({ ...e, kind: "error" as const })), ...warnings.map((w) => ({ ...w, kind: "warning" as const }))].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0),
    ),
    [errors, warnings],
  );
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return all.filter(
      (r) =>
        (kind === "all" || r.kind === kind) &&
        (!needle || r.message.toLowerCase().includes(needle) || (r.column ?? "").includes(needle) || String(r.row ?? "") === needle),
    );
  }, [all, kind, q]);
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center gap-4">
        <RadioGroup aria-label="Show" value={kind} onValueChange={(v) => setKind(v as typeof kind)} className="flex flex-wrap gap-4">
          {(
            [
              ["all", `All (${all.length.toLocaleString("en-US")})`],
              ["error", `Errors (${errors.length.toLocaleString("en-US")})`],
              ["warning", `Warnings (${warnings.length.toLocaleString("en-US")})`],
            ] as const
          ).map(([value, text]) => (
            <div key={value} className="flex items-center gap-2">
              <RadioGroupItem id={`${searchId}-${value}`} value={value} />
              <Label htmlFor={`${searchId}-${value}`} className="font-normal">
                {text}
              </Label>
            </div>
          ))}
        </RadioGroup>
        <div className="flex items-center gap-2">
          <Label htmlFor={searchId} className="sr-only">
            Search problems
          </Label>
          <Input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search problems…" className="h-8 w-56" />
        </div>
      </div>
      <IssuesTable rows={rows} label={label} total={all.length} />
    </div>
  );
}

/** The issues as "row,column,message" CSV (loaded on click: the page never needs it otherwise). */
async function downloadIssues(issues: BulkIssue[], fileName: string) {
  const { issuesCsv } = await import("@/lib/bulk-payments/issues-csv");
  const text = issuesCsv(issues);
  downloadText(`\ufeff${text}`, `${fileName.replace(/\.csv$/i, "")}-errors.csv`);
}

export function CheckStep({ result, onRestart }: { result: BulkValidation; onRestart(): void }) {
  const n = result.errors.length;
  return (
    <Card role="region" aria-labelledby="bulk-check-heading">
      <CardHeader className="grid gap-1.5">
        <h2 id="bulk-check-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
          <AlertTriangle className="size-4 text-destructive" aria-hidden /> {result.fileName} has {n.toLocaleString("en-US")} error
          {n === 1 ? "" : "s"}
        </h2>
        <CardDescription>
          Nothing can be paid until the file is fixed. Correct the rows in your spreadsheet, save it as CSV UTF-8 and upload it again.
          {result.totalRecords > 0 && ` ${result.totalRecords.toLocaleString("en-US")} rows read.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {result.duplicateOf && (
          <Alert variant="warning">
            <AlertTitle>
              This file was uploaded on <Timestamp value={result.duplicateOf.createdAt} /> as {result.duplicateOf.name}
            </AlertTitle>
            <AlertDescription>Its references were used then: each payment needs a new reference.</AlertDescription>
          </Alert>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={onRestart}>
            <Upload aria-hidden /> Upload a corrected file
          </Button>
          <Button type="button" variant="outline" onClick={() => void downloadIssues(result.errors, result.fileName)}>
            <Download aria-hidden /> Download errors (CSV)
          </Button>
        </div>
        <FilteredIssues errors={result.errors} warnings={result.warnings} label="Problems found" />
      </CardContent>
    </Card>
  );
}
