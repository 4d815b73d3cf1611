#!/usr/bin/env -S npx tsx
// Bulk payments: `npx tsx scripts/bench-bulk.mts [--rows 10000] [--send 10000]`.
//
//   1. Validate a 10,000-row CSV: the pure parse + checks (papaparse, libphonenumber per row), and
//      the whole service (hash, duplicate lookup, references used before, the draft written).
//      Target ≤ 1 s.
//   2. Create and dispatch: Confirm (the upload, the batch, 10,000 items in one transaction) and
//      Process (the batch starts, its first dispatch job queued). Target ≤ 10 s on PostgreSQL.
//   3. Send: the dispatch jobs' work done inline — every item an engine payout (debit, ledger,
//      history, outbox, the network job queued), one after another as a batch sends them.
//   Peak memory (RSS) of the process is reported. PostgreSQL (BENCH_DATABASE_URL) and PGlite.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { onMemoryPglite, onThrowawayPostgres } from "./bench-databases.mjs";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    send: { type: "string", default: "10000" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: npx tsx scripts/bench-bulk.mts [--rows 10000] [--send 10000]   (BENCH_DATABASE_URL for PostgreSQL)");
  process.exit(0);
}
const ROWS = Math.max(1, Number(args.rows));
const SEND = Math.max(0, Math.min(ROWS, Number(args.send)));
process.env.PAYMENT_EXPIRY_SECONDS = "3600";
process.env.SANDBOX_SETTLE_SECONDS = "3600";

const { createIntegrator, createTestWallet, makeScope } = await import("../lib/wallets/test-fixtures");
const { startEngineJobs, stopEngineJobs } = await import("../lib/engine/testing/engine-fixtures");
const { bulkJobs } = await import("../lib/bulk-payments/jobs");
type AnyJob = import("../lib/jobs/runtime").AnyJob;
const { parseBulkCsv, checkBulkFile } = await import("../lib/bulk-payments/csv");
const { validateBulkFile, payoutFeeRules } = await import("../lib/bulk-payments/validate-bulk-file");
const { confirmBulkUpload } = await import("../lib/bulk-payments/confirm-bulk-upload");
const { startBulkBatch } = await import("../lib/bulk-payments/start-bulk-batch");
const { dispatchBatch } = await import("../lib/bulk-payments/dispatch-batch");
const { confirmBulkSchema, BULK_COLUMNS } = await import("../lib/bulk-payments/schemas");
type OpenedDb = import("../lib/db/client").OpenedDb;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** A payroll file: Kenyan mobile numbers of the networks' prefixes, amounts KES 100–20,000, unique references. */
function payrollCsv(rows: number): Uint8Array {
  const prefixes = ["70", "71", "72", "79", "73", "78"];
  const lines = [BULK_COLUMNS.slice(0, 7).join(",")];
  const run = Date.now().toString(36).toUpperCase();
  for (let i = 0; i < rows; i++) {
    const phone = `+254${prefixes[i % prefixes.length]}${String(1_000_000 + ((i * 7919) % 8_999_999)).padStart(7, "0")}`;
    lines.push(`Payee ${i},payee${i}@example.com,${phone},${100 + ((i * 37) % 19_900)},KES,PAY-${run}-${i},November salary`);
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

async function run(engine: string, opened: OpenedDb): Promise<string[]> {
  const db = opened.db;
  const rt = await startEngineJobs(opened, { workers: false, also: bulkJobs as unknown as readonly AnyJob[] });
  try {
    const integrator = await createIntegrator(db, { organization: "Bench Payroll" });
    const scope = makeScope(integrator.id);
    const walletId = await createTestWallet(db, scope, { payout: 10n ** 13n });
    const bytes = payrollCsv(ROWS);
    const lines: string[] = [`${engine}: ${ROWS.toLocaleString("en-US")} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`];

    const rules = await payoutFeeRules(db, ["KES"]);
    let t0 = performance.now();
    const checked = checkBulkFile(parseBulkCsv(bytes), { markets: [{ country: "KE", currency: "KES" }], feeRules: rules });
    lines.push(`  parse + check (pure)            ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${checked.errors.length} errors`);
    t0 = performance.now();
    const v = await validateBulkFile(db, scope, { fileName: "payroll.csv", bytes });
    const validateMs = performance.now() - t0;
    lines.push(`  validate (service, draft saved) ${validateMs.toFixed(0).padStart(6)} ms  ${v.isValid ? "valid" : `INVALID: ${v.errors[0]?.message}`}  (target ≤ 1000 ms)`);

    t0 = performance.now();
    const confirmed = await confirmBulkUpload(
      db,
      scope,
      confirmBulkSchema.parse({ uploadId: v.uploadId, name: "Bench payroll", walletSelections: [{ currency: "KES", walletId }], idempotencyKey: randomUUID() }),
    );
    const confirmMs = performance.now() - t0;
    t0 = performance.now();
    await startBulkBatch(db, scope, { batchId: confirmed.batchIds[0]! });
    const startMs = performance.now() - t0;
    lines.push(`  confirm (${ROWS.toLocaleString("en-US")} items) + process     ${(confirmMs + startMs).toFixed(0).padStart(6)} ms  (confirm ${confirmMs.toFixed(0)}, process ${startMs.toFixed(0)}; target ≤ 10000 ms)`);

    if (SEND > 0) {
      t0 = performance.now();
      let sent = 0;
      while (sent < SEND) {
        const r = await dispatchBatch(db, confirmed.batchIds[0]!);
        sent += r.sent + r.failed;
        if (!r.more) break;
      }
      const s = (performance.now() - t0) / 1000;
      lines.push(`  send ${sent.toLocaleString("en-US")} payouts through the engine ${(s * 1000).toFixed(0).padStart(6)} ms  = ${(sent / s).toFixed(0)} payouts/s, one after another`);
    }
    return lines;
  } finally {
    await stopEngineJobs(rt);
  }
}

const out: string[] = [];
const url = process.env.BENCH_DATABASE_URL;
if (url) out.push(...(await onThrowawayPostgres(url, "bench_bulk", (opened) => run("postgres", opened))));
out.push(...(await onMemoryPglite((opened) => run("pglite", opened))));
clearInterval(sampler);
out.push(`peak RSS of the process: ${mb(peakRss)}`);
console.log(out.join("\n"));
process.exit(0);
