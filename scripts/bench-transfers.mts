#!/usr/bin/env -S npx tsx
// Transfer Deposit Balance throughput: `npx tsx scripts/bench-transfers.mts [--seconds N] [--clients N]`.
//
//   PostgreSQL (BENCH_DATABASE_URL, skipped when unset): one wallet, N concurrent clients (default 8)
//     — every transfer queues on the same row lock: the contended case; plus one wallet per client
//     (no contention) and same-key replays for comparison. The URL should be an admin connection
//     (e.g. scripts/pg-throwaway.sh start): a throwaway database is created and dropped; without
//     CREATEDB rights the URL's own database is used and the bench integrator deleted afterwards.
//   PGlite (in memory): same contended scenario (PGlite runs one transaction at a time).
//
// Every scenario ends with a consistency check: balances = Σ ledger entries, deposit + payout
// unchanged, every transfer accounted for. Prints a table of transfers per second.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { onMemoryPglite, onThrowawayPostgres } from "./bench-databases.mjs";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "4" },
    clients: { type: "string", default: "8" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: npx tsx scripts/bench-transfers.mts [--seconds 4] [--clients 8]   (BENCH_DATABASE_URL for PostgreSQL)");
  process.exit(0);
}
const SECONDS = Math.max(1, Number(args.seconds));
const CLIENTS = Math.max(1, Number(args.clients));
process.env.DATABASE_POOL_SIZE = String(CLIENTS + 4);

const { transferDepositBalance } = await import("../lib/wallets/transfer-deposit-balance");
const { walletLedgerSums } = await import("../lib/ledger/ledger");
const { createIntegrator, createTestWallet, makeScope, readWallet, unbalancedLedgerTransactions } = await import("../lib/wallets/test-fixtures");
const { integrators } = await import("../lib/db/schema");
const { eq } = await import("drizzle-orm");

type Db = import("../lib/db/client").Db;

interface Row {
  engine: string;
  scenario: string;
  clients: number;
  transfers: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  check: string;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `clients` loops, each doing transfers back to back for SECONDS; returns successes and latencies. */
async function run(
  db: Db,
  engine: string,
  scenario: string,
  clients: number,
  next: (client: number) => { scope: ReturnType<typeof makeScope>; walletId: string; key: string },
): Promise<Omit<Row, "check"> & { ok: number }> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < deadline) {
        const { scope, walletId, key } = next(c);
        const t0 = performance.now();
        try {
          await transferDepositBalance(db, scope, { walletId, amount: 1n, idempotencyKey: key });
          ok++;
        } catch (e) {
          failed++;
          if (failed < 3) console.error(`[bench] ${scenario}: ${(e as Error).message}`);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    engine,
    scenario,
    clients,
    transfers: ok,
    ok,
    seconds,
    perSecond: ok / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

async function verify(db: Db, walletIds: string[], start: bigint, integratorId: string): Promise<string> {
  for (const id of walletIds) {
    const w = await readWallet(db, id);
    const sums = await walletLedgerSums(db, id);
    if (w.deposit + w.payout !== start) return `FAIL total ${w.deposit + w.payout}`;
    if (sums.deposit !== w.deposit || sums.payout !== w.payout) return "FAIL ledger≠balance";
  }
  if ((await unbalancedLedgerTransactions(db, integratorId)).length) return "FAIL unbalanced";
  return "ok";
}

async function scenarios(db: Db, engine: string, opts: { uncontended: boolean; replays: boolean }): Promise<Row[]> {
  const rows: Row[] = [];
  const START = 10n ** 12n;
  const integrator = await createIntegrator(db, { organization: `Bench ${randomUUID().slice(0, 8)}` });
  const scope = makeScope(integrator.id);
  try {
    // Warm-up (connections, plans).
    const warm = await createTestWallet(db, scope, { deposit: START, currency: "KES", country: "KE" });
    for (let i = 0; i < 20; i++) await transferDepositBalance(db, scope, { walletId: warm, amount: 1n, idempotencyKey: randomUUID() });

    const one = await createTestWallet(db, scope, { deposit: START, currency: "KES", country: "KE" });
    const r1 = await run(db, engine, "one wallet (contended)", CLIENTS, () => ({ scope, walletId: one, key: randomUUID() }));
    const w1 = await readWallet(db, one);
    rows.push({ ...r1, check: w1.payout === BigInt(r1.ok) ? await verify(db, [one], START, integrator.id) : `FAIL moved ${w1.payout} ≠ ${r1.ok}` });

    if (opts.uncontended) {
      const many: string[] = [];
      for (let c = 0; c < CLIENTS; c++) many.push(await createTestWallet(db, scope, { deposit: START, currency: "KES", country: "KE" }));
      const r2 = await run(db, engine, "one wallet per client", CLIENTS, (c) => ({ scope, walletId: many[c], key: randomUUID() }));
      rows.push({ ...r2, check: await verify(db, many, START, integrator.id) });
    }
    if (opts.replays) {
      const rw = await createTestWallet(db, scope, { deposit: START, currency: "KES", country: "KE" });
      const key = randomUUID();
      const r3 = await run(db, engine, "same key replayed", CLIENTS, () => ({ scope, walletId: rw, key }));
      const w3 = await readWallet(db, rw);
      rows.push({ ...r3, scenario: "same key replayed (answers/s)", check: w3.payout === 1n ? await verify(db, [rw], START, integrator.id) : `FAIL moved ${w3.payout}` });
    }
  } finally {
    await db.delete(integrators).where(eq(integrators.id, integrator.id)).catch(() => {});
  }
  return rows;
}

function postgres(url: string): Promise<Row[]> {
  return onThrowawayPostgres(url, "kb_bench", (opened) => scenarios(opened.db, "PostgreSQL", { uncontended: true, replays: true }));
}

function pglite(): Promise<Row[]> {
  return onMemoryPglite((opened) => scenarios(opened.db, "PGlite", { uncontended: false, replays: true }));
}

const rows: Row[] = [];
const url = process.env.BENCH_DATABASE_URL;
if (url) rows.push(...(await postgres(url)));
else console.log("[bench] BENCH_DATABASE_URL not set: PostgreSQL skipped (e.g. BENCH_DATABASE_URL=$(scripts/pg-throwaway.sh start))");
rows.push(...(await pglite()));

const header = ["engine", "scenario", "clients", "transfers", "seconds", "transfers/s", "p50 ms", "p95 ms", "check"];
const table = rows.map((r) => [
  r.engine,
  r.scenario,
  String(r.clients),
  String(r.transfers),
  r.seconds.toFixed(1),
  r.perSecond.toFixed(0),
  r.p50.toFixed(1),
  r.p95.toFixed(1),
  r.check,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 7 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
console.log(`\nTransfer Deposit Balance throughput (${SECONDS}s per scenario, amount 1 minor unit per transfer)`);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of table) console.log(line(r));
if (rows.some((r) => r.check !== "ok")) {
  console.error("\nbench-transfers: a consistency check failed");
  process.exit(1);
}
