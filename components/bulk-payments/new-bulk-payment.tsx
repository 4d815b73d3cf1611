"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { AlertTriangle, ArrowLeft, CheckCircle2, Download, FileSpreadsheet, RotateCcw, Upload, Wallet } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { PageHeader } from "@/components/shell/page-header";
import { newIdempotencyKey } from "@/lib/client/idempotency-key";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { useScope, useScopeKey } from "@/components/shell/scope-context";
import { Timestamp } from "@/components/shell/timezone";
import { ApiError } from "@/lib/client/fetch-json";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";
import { confirmBulkUploadAction } from "@/lib/bulk-payments/actions";
import {
  BULK_MAX_BYTES,
  BULK_MAX_ROWS,
  BULK_TEMPLATE_CSV,
  confirmBulkSchema,
  type BulkIssue,
  type BulkValidation,
  type ConfirmBulkInput,
  type CurrencyGroup,
  type WalletChoice,
} from "@/lib/bulk-payments/schemas";
import {
  bulkPaymentsHref,
  bulkPaymentsQueryKeys,
  bulkUploadHref,
  bulkValidateUrl,
  walletsHref,
} from "@/lib/bulk-payments/uploads-contract";

const MB = 1024 * 1024;
const LIMITS = `Up to ${BULK_MAX_BYTES / MB} MB and ${BULK_MAX_ROWS.toLocaleString("en-US")} rows`;
/** Rows of the problems table drawn at once (the download has them all). */
const ISSUES_SHOWN = 500;

/** A text file download made in the browser. */
function downloadText(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** POST the file's bytes to the validate route; a refusal is an ApiError with the route's message. */
async function validateFile(file: File, signal: AbortSignal): Promise<BulkValidation> {
  const res = await fetch(bulkValidateUrl(file.name), {
    method: "POST",
    body: file,
    headers: { "content-type": "text/csv", accept: "application/json" },
    signal,
    cache: "no-store",
  });
  if (!res.ok) {
    let message = res.status === 413 ? `The file is larger than ${BULK_MAX_BYTES / MB} MB` : `The file could not be checked (${res.status})`;
    try {
      const body = (await res.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      /* not JSON */
    }
    throw new ApiError(message, res.status);
  }
  return (await res.json()) as BulkValidation;
}

const STEPS = ["Upload", "Check", "Preview"] as const;
type Step = (typeof STEPS)[number];

function Steps({ current }: { current: Step }) {
  const at = STEPS.indexOf(current);
  return (
    <ol aria-label="Steps" className="mb-6 flex flex-wrap items-center gap-2 text-sm">
      {STEPS.map((s, i) => (
        <li key={s} aria-current={i === at ? "step" : undefined} className="flex items-center gap-2">
          <span
            className={cn(
              "flex size-6 items-center justify-center rounded-full border text-xs font-semibold",
              i < at && "border-primary bg-primary text-primary-foreground",
              i === at && "border-primary text-primary",
              i > at && "text-muted-foreground",
            )}
            aria-hidden
          >
            {i + 1}
          </span>
          <span className={cn(i === at ? "font-medium" : "text-muted-foreground")}>{s}</span>
          {i < STEPS.length - 1 && <span aria-hidden className="mx-1 h-px w-8 bg-border" />}
        </li>
      ))}
    </ol>
  );
}

// --- Step 1: Upload ---------------------------------------------------------------------------

function UploadStep({ checking, error, onFile }: { checking: string | null; error: string | null; onFile(file: File): void }) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const choose = (file: File | undefined) => {
    if (input.current) input.current.value = "";
    if (file) onFile(file);
  };
  return (
    <Card role="region" aria-labelledby="bulk-upload-heading">
      <CardHeader className="grid gap-1.5">
        <h2 id="bulk-upload-heading" className="text-base leading-none font-semibold">
          Upload the recipients&apos; CSV
        </h2>
        <CardDescription>
          One row per recipient: name, e-mail, phone number with its country code, amount, currency and a reference unique to each
          payment. Start from the template.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div>
          <Button type="button" variant="outline" onClick={() => downloadText(BULK_TEMPLATE_CSV, "bulk-payments-template.csv")}>
            <Download aria-hidden /> Download template
          </Button>
        </div>
        <div
          data-testid="bulk-drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            if (!checking) setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (!checking) choose(e.dataTransfer.files?.[0]);
          }}
          className={cn(
            "flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors",
            dragging ? "border-primary bg-primary/5" : "border-border",
          )}
        >
          {checking ? (
            <div role="status" className="flex items-center gap-2 text-sm">
              <Spinner label="" /> Checking {checking}…
            </div>
          ) : (
            <>
              <FileSpreadsheet className="size-8 text-muted-foreground" aria-hidden />
              <p className="text-sm">Drag the file here, or choose it</p>
              <div className="grid justify-items-center gap-1.5">
                <Label htmlFor={inputId}>CSV file</Label>
                <input
                  ref={input}
                  id={inputId}
                  type="file"
                  accept=".csv,text/csv"
                  aria-describedby={`${inputId}-limits`}
                  onChange={(e) => choose(e.target.files?.[0])}
                  className="max-w-72 text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-transparent file:px-3 file:py-1.5 file:text-sm file:font-medium"
                />
              </div>
            </>
          )}
          <p id={`${inputId}-limits`} className="text-xs text-muted-foreground">
            {LIMITS}. UTF-8 text, comma-separated.
          </p>
        </div>
        {error && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>The file could not be checked</AlertTitle>
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

// --- Step 2: Check (problems) -----------------------------------------------------------------

type Kind = "error" | "warning";
interface IssueRow extends BulkIssue {
  kind: Kind;
}

function IssuesTable({ rows, label, total }: { rows: IssueRow[]; label: string; total: number }) {
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

function CheckStep({ result, onRestart }: { result: BulkValidation; onRestart(): void }) {
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

// --- Step 3: Preview --------------------------------------------------------------------------

/** What the batch debits from the wallet's payout balance: the fees too when the wallet bears them. */
function debitOf(group: CurrencyGroup, wallet: WalletChoice | undefined): bigint | null {
  if (!wallet) return null;
  return BigInt(group.totalAmount) + (wallet.payoutFeeBearer === "WALLET" ? BigInt(group.totalFees) : 0n);
}

function Figure({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs font-medium text-muted-foreground">{term}</dt>
      <dd className="text-sm font-medium tabular-nums">{children}</dd>
    </div>
  );
}

function CurrencyCard({
  group,
  wallets,
  walletId,
  onWallet,
  error,
  disabled,
}: {
  group: CurrencyGroup;
  wallets: WalletChoice[];
  walletId: string | undefined;
  onWallet(id: string): void;
  error?: string;
  disabled: boolean;
}) {
  const scope = useScope();
  const id = useId();
  const c = group.currency;
  const wallet = wallets.find((w) => w.id === walletId);
  const debit = debitOf(group, wallet);
  const remaining = wallet && debit !== null ? BigInt(wallet.payoutBalance) - debit : null;
  const short = remaining !== null && remaining < 0n;
  const money = (v: bigint | string) => formatMoney(v, c);
  return (
    <Card role="region" aria-label={`Payment in ${c}`} data-testid="bulk-currency-card" data-currency={c}>
      <CardHeader className="grid gap-1.5">
        <h3 className="text-base leading-none font-semibold">{c}</h3>
        <CardDescription>
          {group.recipients.toLocaleString("en-US")} recipient{group.recipients === 1 ? "" : "s"}: one batch, paid from one wallet.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Figure term="Recipients">{group.recipients.toLocaleString("en-US")}</Figure>
          <Figure term="Total amount">{money(group.totalAmount)}</Figure>
          <Figure term="Total fees">{money(group.totalFees)}</Figure>
          <Figure term="Total debit">{debit === null ? <span className="text-muted-foreground">Choose a wallet</span> : money(debit)}</Figure>
        </dl>
        {wallets.length === 0 ? (
          <Alert variant="destructive" role="alert">
            <AlertTitle>No {c} wallet</AlertTitle>
            <AlertDescription>
              <p>There is no active {c} wallet in this environment to pay from.</p>
              <Link href={walletsHref(scope)} className="font-medium underline underline-offset-2">
                Top up wallet for {c}
              </Link>
            </AlertDescription>
          </Alert>
        ) : (
          <FormField id={id} label={`Wallet for ${c}`} error={error}>
            {(control) => (
              <Select value={walletId ?? ""} onValueChange={onWallet} disabled={disabled}>
                <SelectTrigger {...control} className="w-full">
                  <SelectValue placeholder="Choose a wallet" />
                </SelectTrigger>
                <SelectContent>
                  {wallets.map((w) => (
                    <SelectItem key={w.id} value={w.id}>
                      {w.name} · {formatMoney(w.payoutBalance, w.currency)} payout balance
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </FormField>
        )}
        {wallet && remaining !== null && (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Figure term="Payout balance">{money(wallet.payoutBalance)}</Figure>
            <Figure term="Remaining after">
              <span className={cn(short && "text-destructive dark:text-red-300")}>{money(remaining)}</span>
            </Figure>
            <Figure term="Fees paid by">{wallet.payoutFeeBearer === "WALLET" ? "The wallet" : "The recipients"}</Figure>
          </dl>
        )}
        {short && debit !== null && wallet && (
          <Alert variant="destructive" role="alert">
            <AlertTitle>Not enough in {wallet.name}</AlertTitle>
            <AlertDescription>
              <p>
                This batch needs {money(debit)} and the payout balance is {money(wallet.payoutBalance)}: {money(-remaining!)} short.
              </p>
              <Link href={walletsHref(scope)} className="font-medium underline underline-offset-2">
                Top up wallet for {c}
              </Link>
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

const detailsSchema = confirmBulkSchema.pick({ name: true, description: true });
type DetailsInput = Pick<ConfirmBulkInput, "name" | "description">;

function PreviewStep({ result, onRestart }: { result: BulkValidation; onRestart(): void }) {
  const scope = useScope();
  const scopeKey = useScopeKey();
  const queryClient = useQueryClient();
  const router = useRouter();
  const ackId = useId();
  // One key per opened preview (crypto.randomUUID, or getRandomValues outside a secure context):
  // a double click (or a second tab) confirms once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [walletFor, setWalletFor] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      result.currencyBreakdown.flatMap((g) => {
        const list = result.wallets[g.currency] ?? [];
        return list.length === 1 ? [[g.currency, list[0].id]] : [];
      }),
    ),
  );
  const [acknowledged, setAcknowledged] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [walletErrors, setWalletErrors] = useState<Record<string, string>>({});
  const [ackError, setAckError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const form = useForm<DetailsInput>({ resolver: zodResolver(detailsSchema), defaultValues: { name: "", description: "" } });
  const errors = form.formState.errors;

  const groups = result.currencyBreakdown;
  const blocked = groups.some((g) => {
    const wallet = (result.wallets[g.currency] ?? []).find((w) => w.id === walletFor[g.currency]);
    const debit = debitOf(g, wallet);
    return !wallet || debit === null || BigInt(wallet.payoutBalance) < debit;
  });
  const needsAck = !!result.duplicateOf && !acknowledged;

  const onValid = async (values: DetailsInput) => {
    if (inFlight.current || blocked || needsAck || !result.uploadId) return;
    inFlight.current = true;
    setSubmitting(true);
    setFormError(null);
    setWalletErrors({});
    setAckError(null);
    const walletSelections = groups.map((g) => ({ currency: g.currency, walletId: walletFor[g.currency]! }));
    let res: Awaited<ReturnType<typeof confirmBulkUploadAction>>;
    try {
      res = await confirmBulkUploadAction({
        uploadId: result.uploadId,
        name: values.name,
        description: values.description?.trim() ? values.description : undefined,
        walletSelections,
        acknowledgeDuplicate: result.duplicateOf ? acknowledged : undefined,
        idempotencyKey,
      });
    } catch {
      res = { ok: false, error: UNREACHABLE };
    }
    inFlight.current = false;
    setSubmitting(false);
    if (res.ok) {
      toast.success(res.data.message, { description: values.name });
      void queryClient.invalidateQueries({ queryKey: bulkPaymentsQueryKeys.all(scopeKey) });
      router.push(bulkUploadHref(res.data.uploadId, scope));
      return;
    }
    const fe = res.fieldErrors ?? {};
    let placed = false;
    if (fe.name?.[0]) {
      form.setError("name", { message: fe.name[0] });
      placed = true;
    }
    if (fe.description?.[0]) {
      form.setError("description", { message: fe.description[0] });
      placed = true;
    }
    if (fe.acknowledgeDuplicate?.[0]) {
      setAckError(fe.acknowledgeDuplicate[0]);
      placed = true;
    }
    const byWallet: Record<string, string> = {};
    for (const [key, messages] of Object.entries(fe)) {
      const m = /^walletSelections\.(\d+)\.walletId$/.exec(key);
      const currency = m ? walletSelections[Number(m[1])]?.currency : undefined;
      if (currency && messages[0]) byWallet[currency] = messages[0];
    }
    if (Object.keys(byWallet).length) {
      setWalletErrors(byWallet);
      placed = true;
    }
    if (!placed) setFormError(res.error);
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit(onValid)(e)} noValidate className="grid gap-6">
      <Card role="region" aria-labelledby="bulk-preview-heading">
        <CardHeader className="grid gap-1.5">
          <h2 id="bulk-preview-heading" className="flex items-center gap-2 text-base leading-none font-semibold">
            <CheckCircle2 className="size-4 text-success" aria-hidden /> {result.fileName} is ready
          </h2>
          <CardDescription>
            {result.totalRecords.toLocaleString("en-US")} recipient{result.totalRecords === 1 ? "" : "s"} in{" "}
            {groups.length === 1 ? "1 currency" : `${groups.length} currencies`}: one batch per currency. Nothing is paid until you process
            each batch.
          </CardDescription>
        </CardHeader>
        {(result.duplicateOf || result.warnings.length > 0) && (
          <CardContent className="grid gap-4">
            {result.duplicateOf && (
              <Alert variant="warning" role="alert">
                <AlertTitle>
                  This file was uploaded on <Timestamp value={result.duplicateOf.createdAt} /> as {result.duplicateOf.name}
                </AlertTitle>
                <AlertDescription>
                  <p>Confirming it again pays the same recipients again.</p>
                  <div className="mt-2 flex items-center gap-2">
                    <Checkbox
                      id={ackId}
                      checked={acknowledged}
                      onCheckedChange={(v) => setAcknowledged(v === true)}
                      disabled={submitting}
                      aria-describedby={ackError ? `${ackId}-error` : undefined}
                    />
                    <Label htmlFor={ackId}>Upload anyway</Label>
                  </div>
                  {ackError && (
                    <p id={`${ackId}-error`} className="text-xs font-medium text-destructive dark:text-red-300">
                      {ackError}
                    </p>
                  )}
                </AlertDescription>
              </Alert>
            )}
            {result.warnings.length > 0 && (
              <details className="rounded-md border p-3">
                <summary className="cursor-pointer text-sm font-medium">
                  {result.warnings.length.toLocaleString("en-US")} warning{result.warnings.length === 1 ? "" : "s"}: worth a look, they do not
                  stop the payment
                </summary>
                <div className="mt-3">
                  <IssuesTable rows={result.warnings.map((w) => ({ ...w, kind: "warning" }))} label="Warnings" total={result.warnings.length} />
                </div>
              </details>
            )}
          </CardContent>
        )}
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        {groups.map((g) => (
          <CurrencyCard
            key={g.currency}
            group={g}
            wallets={result.wallets[g.currency] ?? []}
            walletId={walletFor[g.currency]}
            onWallet={(id) => setWalletFor((prev) => ({ ...prev, [g.currency]: id }))}
            error={walletErrors[g.currency]}
            disabled={submitting}
          />
        ))}
      </div>

      <Card role="region" aria-labelledby="bulk-details-heading">
        <CardHeader className="grid gap-1.5">
          <h2 id="bulk-details-heading" className="text-base leading-none font-semibold">
            Details
          </h2>
          <CardDescription>How this bulk payment is listed.</CardDescription>
        </CardHeader>
        <CardContent>
          <fieldset className="grid gap-4 sm:max-w-xl" disabled={submitting}>
            <FormField id="bulk-name" label="Name" required error={errors.name?.message}>
              <Input {...form.register("name")} autoComplete="off" maxLength={100} placeholder="November payroll" aria-required />
            </FormField>
            <FormField id="bulk-description" label="Description" error={errors.description?.message}>
              <Textarea {...form.register("description")} rows={2} maxLength={500} />
            </FormField>
          </fieldset>
        </CardContent>
      </Card>

      {formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={submitting || blocked || needsAck} aria-busy={submitting}>
          {submitting ? <Spinner label="" /> : <Wallet aria-hidden />}
          Confirm
        </Button>
        <Button type="button" variant="outline" onClick={onRestart} disabled={submitting}>
          <RotateCcw aria-hidden /> Upload a different file
        </Button>
        {(blocked || needsAck) && (
          <p className="text-sm text-muted-foreground" role="status">
            {needsAck ? 'Choose "Upload anyway" to pay this file again.' : "Choose a wallet with enough payout balance for each currency."}
          </p>
        )}
      </div>
    </form>
  );
}

// --- The page ---------------------------------------------------------------------------------

/**
 * New bulk payment: Upload (the template, the file; size checked here, rows by the server), Check
 * (the problems found: nothing can be confirmed until the file is fixed), Preview (per currency the
 * totals, the wallet to pay from and what remains; the name; Confirm with one idempotency key per
 * opened preview), then the bulk payment's page.
 */
export function NewBulkPayment() {
  const scope = useScope();
  const [result, setResult] = useState<BulkValidation | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const onFile = async (file: File) => {
    setUploadError(null);
    if (file.size === 0) return setUploadError(`${file.name} is empty.`);
    if (file.size > BULK_MAX_BYTES) {
      return setUploadError(`${file.name} is ${(file.size / MB).toFixed(1)} MB: the limit is ${BULK_MAX_BYTES / MB} MB. Split it into smaller files.`);
    }
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setChecking(file.name);
    try {
      const answer = await validateFile(file, controller.signal);
      setResult(answer);
    } catch (e) {
      if (controller.signal.aborted) return;
      setUploadError(e instanceof ApiError ? e.message : UNREACHABLE);
    } finally {
      if (abort.current === controller) setChecking(null);
    }
  };
  const restart = () => {
    setResult(null);
    setUploadError(null);
  };

  const step: Step = !result ? "Upload" : result.isValid ? "Preview" : "Check";
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-3 -ml-2">
        <Link href={bulkPaymentsHref(scope)}>
          <ArrowLeft aria-hidden /> Back to Bulk Payments
        </Link>
      </Button>
      <PageHeader title="New bulk payment" description="Pay many recipients from one CSV file, one batch per currency" />
      <Steps current={step} />
      {step === "Upload" && <UploadStep checking={checking} error={uploadError} onFile={(f) => void onFile(f)} />}
      {step === "Check" && result && <CheckStep result={result} onRestart={restart} />}
      {step === "Preview" && result && <PreviewStep key={result.uploadId ?? result.fileHash} result={result} onRestart={restart} />}
    </>
  );
}
