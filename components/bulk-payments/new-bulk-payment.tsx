"use client";

import { useEffect, useId, useRef, useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { ArrowLeft, Download, FileSpreadsheet } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { PageHeader } from "@/components/shell/page-header";
import { UNREACHABLE_MESSAGE as UNREACHABLE } from "@/lib/client/run-action";
import { useScope } from "@/components/shell/scope-context";
import { ApiError } from "@/lib/client/fetch-json";
import { cn } from "@/lib/utils";
import { downloadText } from "@/lib/client/download-text";
import { BULK_MAX_BYTES, BULK_MAX_ROWS, BULK_TEMPLATE_CSV, type BulkValidation } from "@/lib/bulk-payments/constants";
import { bulkPaymentsHref, bulkValidateUrl } from "@/lib/bulk-payments/uploads-contract";
import { warmUp } from "@/components/ui/on-demand";

// Steps 2 and 3 load when a file is chosen, not with the page: Check (the problems, with their
// filter and search) and Preview (the wallet choice and details form, react-hook-form). Their
// download starts with the check (`onFile`).
const stepLoading = (what: string) =>
  function StepLoading() {
    return (
      <div role="status" className="flex items-center justify-center gap-2 py-10 text-sm">
        <Spinner label="" /> Loading the {what}…
      </div>
    );
  };
const warmSteps = warmUp(() => Promise.all([import("./new-bulk-payment-check"), import("./new-bulk-payment-preview")]));
const CheckStep = dynamic(() => import("./new-bulk-payment-check").then((m) => m.CheckStep), { loading: stepLoading("problems") });
const PreviewStep = dynamic(() => import("./new-bulk-payment-preview").then((m) => m.PreviewStep), { loading: stepLoading("preview") });

const MB = 1024 * 1024;
const LIMITS = `Up to ${BULK_MAX_BYTES / MB} MB and ${BULK_MAX_ROWS.toLocaleString("en-US")} rows`;

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
              i < at ? "border-primary bg-primary text-primary-foreground" : i === at ? "border-primary text-primary" : "text-muted-foreground",
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
    warmSteps();
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
