#!/usr/bin/env -S npx tsx
// Customers list: `npx tsx scripts/bench-customers.mts [--customers 100000] [--transactions 50000] [--runs 30]`.
//
//   Seeds one integrator with N customers (KE mostly, some UG; statuses, networks, names, emails)
//   and M transactions spread over them, plus a second integrator's customers (noise), with
//   multi-row inserts; then times listCustomers — first page, a phone-prefix search, a name
//   search, a filtered page, page 200, the name sort — and prints p50 / p95 per engine:
//   PostgreSQL (BENCH_DATABASE_URL, skipped when unset; an admin URL, a kb_bench_customers_*
//   database is created and dropped) and PGlite (in memory).
//
// Target: p95 ≤ 50 ms on PostgreSQL.
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { onMemoryPglite, onThrowawayPostgres } from "./bench-databases.mjs";

const { values: args } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    transactions: { type: "string", default: "50000" },
    runs: { type: "string", default: "30" },
    engines: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: npx tsx scripts/bench-customers.mts [--customers 100000] [--transactions 50000] [--runs 30] [--engines pglite,postgres]   (BENCH_DATABASE_URL for PostgreSQL)");
  process.exit(0);
}
const N = Number(String(args.customers).replace(/_/g, ""));
const M = Number(String(args.transactions).replace(/_/g, ""));
const RUNS = Math.max(1, Number(args.runs));
const url = process.env.BENCH_DATABASE_URL;
const engines = (args.engines ?? (url ? "postgres,pglite" : "pglite")).split(",");
const TARGET_MS = 50;

const { sql } = await import("drizzle-orm");
const { customers, transactions, integrators } = await import("../lib/db/schema");
const { createIntegrator } = await import("../lib/wallets/test-fixtures");
const { testScope } = await import("../lib/auth/test-scope");
const { queryObject } = await import("../lib/client/list-params");
const { customersListSchema } = await import("../lib/customers/customers-contract-schema");
const { listCustomers } = await import("../lib/customers/list-customers");

type Db = import("../lib/db/client").Db;
type OpenedDb = import("../lib/db/client").OpenedDb;

const log = (msg: string) => console.log(`[bench] ${msg}`);

interface Measure {
  engine: string;
  name: string;
  p50: number;
  p95: number;
  max: number;
  rows: string;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function measure(engine: string, name: string, fn: (i: number) => Promise<string>): Promise<Measure> {
  for (let i = 0; i < 3; i++) await fn(i + 1000); // warm-up
  const times: number[] = [];
  let rows = "";
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    rows = await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { engine, name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], rows };
}

const FIRST = ["Jane", "Otis", "Amina", "Brian", "Wanjiru", "Kevin", "Achieng", "Moses", "Faith", "Peter", "Grace", "Samuel", "Mercy", "David", "Esther", "Joseph"];
const LAST = ["Wanjiku", "Odhiambo", "Mwangi", "Otieno", "Kamau", "Njoroge", "Kiptoo", "Mutua", "Chebet", "Omondi", "Kariuki", "Wafula", "Nyambura", "Kibet", "Musyoka", "Achieng"];
const KE_PREFIXES = ["70", "71", "72", "79", "74", "11", "73", "78", "75"];
const UG_PREFIXES = ["77", "78", "70", "75"];
const KEY_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A deterministic pseudo-random stream (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BATCH = 1000;
const DAY = 86_400_000;

async function seedCustomers(db: Db, integratorId: string, count: number, seed: number, tag: string): Promise<string[]> {
  const rand = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = Date.now();
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const rows: (typeof customers.$inferInsert)[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const uganda = i % 10 === 9;
      const country = uganda ? "UG" : "KE";
      const prefix = pick(uganda ? UG_PREFIXES : KE_PREFIXES);
      const national = `${prefix}${String(Math.floor(rand() * 1e7)).padStart(7, "0")}`;
      const r = rand();
      const status = r < 0.9 ? "active" : r < 0.95 ? "inactive" : "suspended";
      const first = pick(FIRST);
      const last = pick(LAST);
      const key = `${tag}${Array.from({ length: 20 - tag.length }, () => pick(KEY_CHARS.split(""))).join("")}`.slice(0, 20);
      const id = `${tag.toLowerCase()}${String(i).padStart(22 - tag.length, "0")}`;
      ids.push(id);
      rows.push({
        id,
        integratorId,
        environment: i % 20 === 4 ? "production" : "sandbox",
        customerKey: key,
        phoneNumber: `+${uganda ? "256" : "254"}${national}`,
        countryCode: country,
        network: uganda ? (prefix.startsWith("7") && prefix !== "70" && prefix !== "75" ? "MTN" : "AIRTEL") : ["73", "78", "75"].includes(prefix) ? "AIRTEL" : "MPESA",
        firstName: rand() < 0.95 ? first : null,
        lastName: rand() < 0.9 ? last : null,
        email: rand() < 0.4 ? `${first}.${last}${i}@example.test`.toLowerCase() : null,
        status,
        suspendedUntil: status === "suspended" && rand() < 0.5 ? new Date(now + (rand() - 0.5) * 60 * DAY) : null,
        createdAt: new Date(now - (count - i) * ((365 * DAY) / count)),
      });
    }
    await db.insert(customers).values(rows);
  }
  return ids;
}

async function seedTransactions(db: Db, integratorId: string, customerIds: string[], count: number): Promise<void> {
  const rand = rng(7);
  const now = Date.now();
  for (let start = 0; start < count; start += BATCH) {
    const rows: (typeof transactions.$inferInsert)[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      // A few customers transact a lot; most a little.
      const who = customerIds[Math.floor(rand() ** 2 * customerIds.length)];
      const kind = rand() < 0.6 ? "collection" : "payout";
      const r = rand();
      const amount = BigInt(100 + Math.floor(rand() * 50_000)) * 100n;
      rows.push({
        integratorId,
        environment: "sandbox",
        kind,
        channel: "MOBILE_MONEY",
        referenceId: `BENCH-${String(i).padStart(8, "0")}`,
        referenceNumber: 50_000_000 + i,
        status: r < 0.75 ? "SUCCESSFUL" : r < 0.9 ? "FAILED" : "PENDING",
        country: "KE",
        currency: "KES",
        network: "MPESA",
        customerId: who,
        amount,
        transactionAmount: amount,
        createdAt: new Date(now - rand() * 365 * DAY),
      });
    }
    await db.insert(transactions).values(rows);
  }
}

async function benchOn(opened: OpenedDb, engine: string): Promise<Measure[]> {
  const db = opened.db;
  const KE = { country: "KE", currency: "KES" };
  const UG = { country: "UG", currency: "UGX" };
  const integrator = await createIntegrator(db, { organization: "Bench customers", markets: [KE, UG] });
  const noise = await createIntegrator(db, { organization: "Bench noise", markets: [KE] });
  const t0 = performance.now();
  const ids = await seedCustomers(db, integrator.id, N, 1, "BC");
  await seedCustomers(db, noise.id, Math.floor(N / 10), 2, "NZ");
  const keSandbox = ids.filter((_, i) => i % 10 !== 9 && i % 20 !== 4);
  await seedTransactions(db, integrator.id, keSandbox, M);
  const t1 = performance.now();
  await db.execute(sql`vacuum analyze`);
  log(`${engine}: ${N.toLocaleString("en-US")} customers (+${Math.floor(N / 10).toLocaleString("en-US")} of another integrator), ${M.toLocaleString("en-US")} transactions in ${((t1 - t0) / 1000).toFixed(1)} s; VACUUM ANALYZE ${((performance.now() - t1) / 1000).toFixed(1)} s`);

  const scope = testScope(integrator.id, { markets: [KE, UG] });
  const q = (qs: string) => customersListSchema.parse(queryObject(qs));
  const page = async (qs: string) => {
    const r = await listCustomers(db, scope, q(qs));
    return `${r.rows.length} of ${r.total.toLocaleString("en-US")}`;
  };
  const phones = ["0712 3", "0722 45", "0790 1", "0745 67", "0733 2", "0711 9"];
  const names = ["wanjiku", "otieno", "Faith", "grace kam", "mosES", "kibet"];
  const m: Measure[] = [];
  m.push(await measure(engine, "first page (20 rows)", () => page("")));
  m.push(await measure(engine, "phone-prefix search (0712 3…)", (i) => page(`q=${encodeURIComponent(phones[i % phones.length])}`)));
  m.push(await measure(engine, "name search (wanjiku…)", (i) => page(`q=${encodeURIComponent(names[i % names.length])}`)));
  const keys = (
    await db.select({ key: customers.customerKey }).from(customers).where(sql`${customers.integratorId} = ${integrator.id} and ${customers.countryCode} = 'KE' and ${customers.environment} = 'sandbox'`).orderBy(sql`md5(${customers.id})`).limit(30)
  ).map((r) => r.key);
  m.push(await measure(engine, "key search (a whole key)", (i) => page(`q=${keys[i % keys.length]}`)));
  m.push(await measure(engine, "filtered (suspended, AIRTEL)", () => page("status=suspended&network=AIRTEL")));
  m.push(await measure(engine, "page 200 (offset 3,980)", () => page("page=200")));
  m.push(await measure(engine, "sorted by name (page 1)", () => page("sort=name.asc")));
  m.push(await measure(engine, "both countries (KE,UG)", () => page("country=KE,UG")));
  await db.delete(integrators).where(sql`${integrators.id} in (${integrator.id}, ${noise.id})`).catch(() => {});
  return m;
}

const results: Measure[] = [];
for (const engine of engines) {
  if (engine === "postgres") {
    if (!url) {
      log("BENCH_DATABASE_URL not set: PostgreSQL skipped (e.g. BENCH_DATABASE_URL=$(scripts/pg-throwaway.sh start))");
      continue;
    }
    results.push(...(await onThrowawayPostgres(url, "kb_bench_customers", (opened) => benchOn(opened, "PostgreSQL"))));
  } else {
    results.push(...(await onMemoryPglite((opened) => benchOn(opened, "PGlite"))));
  }
}

const header = ["engine", "query", "p50 ms", "p95 ms", "max ms", "rows", "target"];
const table = results.map((r) => [
  r.engine,
  r.name,
  r.p50.toFixed(1),
  r.p95.toFixed(1),
  r.max.toFixed(1),
  r.rows,
  r.engine === "PostgreSQL" ? (r.p95 <= TARGET_MS ? "ok" : `> ${TARGET_MS} ms`) : "",
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
console.log(`\nCustomers list (${N.toLocaleString("en-US")} customers, ${M.toLocaleString("en-US")} transactions; ${RUNS} runs each; in-process listCustomers)`);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of table) console.log(line(r));
