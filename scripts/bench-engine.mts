#!/usr/bin/env -S npx tsx
// Money engine throughput: `npx tsx scripts/bench-engine.mts [--seconds N] [--clients N] [--settle N]`.
//
//   1. Payouts created per second on ONE wallet by N concurrent clients (default 8): each payout
//      claims its key, inserts the transaction, debits the payout balance in one conditional
//      UPDATE (every client queues on that row), posts the ledger, writes history, outbox and
//      audit, and enqueues its submit and expiry jobs — all in one database transaction.
//   2. Settlements per second through the queue: M payouts (default 400) created with the workers
//      off, then the workers started; timed from start until every one is final (submit job →
//      INITIATED, settle job → SUCCESSFUL/FAILED with reversal), simulator delay 0.
//   On PostgreSQL (BENCH_DATABASE_URL; skipped when unset) and PGlite in memory. Each scenario ends
//   with a consistency check: balance = Σ ledger entries, every ledger transaction sums to zero.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { onMemoryPglite, onThrowawayPostgres } from "./bench-databases.mjs";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    clients: { type: "string", default: "8" },
    settle: { type: "string", default: "400" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: npx tsx scripts/bench-engine.mts [--seconds 5] [--clients 8] [--settle 400]   (BENCH_DATABASE_URL for PostgreSQL)");
  process.exit(0);
}
const SECONDS = Math.max(1, Number(args.seconds));
const CLIENTS = Math.max(1, Number(args.clients));
const SETTLE = Math.max(10, Number(args.settle));
process.env.DATABASE_POOL_SIZE = String(CLIENTS + 6);
// Settle at once: the bench measures the engine and the queue, not the simulator's ~5 s pause.
process.env.SANDBOX_SETTLE_SECONDS = "1";
process.env.PAYMENT_EXPIRY_SECONDS = "3600";

const { createPayout } = await import("../lib/engine/create-payout");
const { walletLedgerSums } = await import("../lib/ledger/ledger");
const { createIntegrator, createTestWallet, makeScope, readWallet, unbalancedLedgerTransactions } = await import("../lib/wallets/test-fixtures");
const { startEngineJobs, stopEngineJobs, waitForFinal } = await import("../lib/engine/testing/engine-fixtures");
type OpenedDb = import("../lib/db/client").OpenedDb;

interface Row {
  engine: string;
  scenario: string;
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  check: string;
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

async function check(db: OpenedDb["db"], integratorId: string, walletId: string): Promise<string> {
  const w = await readWallet(db, walletId);
  const sums = await walletLedgerSums(db, walletId);
  const unbalanced = await unbalancedLedgerTransactions(db, integratorId);
  return sums.payout === w.payout && sums.deposit === w.deposit && unbalanced.length === 0 ? "ok" : `MISMATCH ${JSON.stringify({ w, sums, unbalanced })}`;
}

async function creationScenario(opened: OpenedDb, engine: string): Promise<Row> {
  const { db } = opened;
  const integrator = await createIntegrator(db);
  const scope = makeScope(integrator.id);
  const walletId = await createTestWallet(db, scope, { payout: 10n ** 13n });
  const rt = await startEngineJobs(opened, { workers: false });
  const latencies: number[] = [];
  let ok = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  try {
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await createPayout(db, scope, { channel: "MOBILE_MONEY", phoneNumber: "0700000001", amount: "100", idempotencyKey: randomUUID() });
          latencies.push(performance.now() - t0);
          ok++;
        }
      }),
    );
  } finally {
    await stopEngineJobs(rt);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    engine,
    scenario: `payouts created, 1 wallet, ${CLIENTS} clients`,
    count: ok,
    seconds: +seconds.toFixed(2),
    perSecond: Math.round(ok / seconds),
    p50: +pct(latencies, 50).toFixed(1),
    p95: +pct(latencies, 95).toFixed(1),
    check: await check(db, integrator.id, walletId),
  };
}

async function settlementScenario(opened: OpenedDb, engine: string): Promise<Row> {
  const { db } = opened;
  const integrator = await createIntegrator(db);
  const scope = makeScope(integrator.id);
  const walletId = await createTestWallet(db, scope, { payout: 10n ** 13n });
  let rt = await startEngineJobs(opened, { workers: false });
  const ids: string[] = [];
  const phones = ["0700000001", "0700000010", "0712345678", "0700000013"];
  for (let i = 0; i < SETTLE; i++) {
    ids.push((await createPayout(db, scope, { channel: "MOBILE_MONEY", phoneNumber: phones[i % phones.length]!, amount: "100", idempotencyKey: randomUUID() })).id);
  }
  await stopEngineJobs(rt);
  const started = performance.now();
  rt = await startEngineJobs(opened);
  try {
    await waitForFinal(db, ids, 600_000);
  } finally {
    await stopEngineJobs(rt);
  }
  // The settle jobs wait the simulator's 1 s: it is subtracted so the figure is the queue's own.
  const seconds = (performance.now() - started) / 1000 - 1;
  return {
    engine,
    scenario: `payouts settled through the queue (submit + settle jobs)`,
    count: ids.length,
    seconds: +seconds.toFixed(2),
    perSecond: Math.round(ids.length / seconds),
    p50: 0,
    p95: 0,
    check: await check(db, integrator.id, walletId),
  };
}

const rows: Row[] = [];
const url = process.env.BENCH_DATABASE_URL;
if (url) {
  await onThrowawayPostgres(url, "bench_engine", async (opened) => {
    rows.push(await creationScenario(opened, "postgres"));
    rows.push(await settlementScenario(opened, "postgres"));
  });
} else {
  console.log("[bench-engine] BENCH_DATABASE_URL unset: PostgreSQL skipped");
}
await onMemoryPglite(async (opened) => {
  rows.push(await creationScenario(opened, "pglite"));
  rows.push(await settlementScenario(opened, "pglite"));
});
console.table(rows);
if (rows.some((r) => r.check !== "ok")) {
  console.error("[bench-engine] consistency check FAILED");
  process.exit(1);
}
process.exit(0);
