#!/usr/bin/env -S npx tsx
// Dashboard JSON reads over HTTP against the framework floor (issue 14 item 16):
// `npx tsx scripts/bench-reads.mts [--requests 150] [--runs 60]`.
//
//   1. Seeds an embedded (PGlite) data dir with the demo data, as `npm start` does, and ANALYZEs it.
//   2. In-process: each read's service call (the function its route handler calls) on that
//      database, p50 over --runs calls: what the database and the service cost.
//   3. `next start` (the build in NEXT_DIST_DIR or .next; skipped without one) on the same data,
//      signed in as the demo Owner: --requests rounds, each round one request of every read
//      (interleaved, so a slow spell hits them all alike), plus the framework floor
//      (`GET /api/auth/csrf`, no database), a request the gate refuses (no session: 401) and the
//      gate alone (`GET /api/context`: session, scope, no query).
//
// Target per read: HTTP p50 ≤ 2 × the floor's p50 + the in-process p50 (the "target" column).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { buildDir, pct, signIn, startServer } from "./bench-http.mjs";

const { values: args } = parseArgs({
  options: { requests: { type: "string", default: "150" }, runs: { type: "string", default: "60" } },
  strict: true,
});
const REQUESTS = Math.max(20, Number(args.requests));
const RUNS = Math.max(10, Number(args.runs));

const { openDb } = await import("../lib/db/client");
const { seed, DEMO_EMAIL } = await import("../lib/db/seed");
const { testScope } = await import("../lib/auth/test-scope");
const { sql } = await import("drizzle-orm");
const { getWalletsOverview } = await import("../lib/wallets/list-wallets");
const { listTransactions } = await import("../lib/transactions/list-transactions");
const { transactionStats } = await import("../lib/transactions/transaction-stats");
const { listQuerySchema } = await import("../lib/transactions/list-contract-schema");
const { dailyChart } = await import("../lib/transactions/daily-chart");
const { listCustomers } = await import("../lib/customers/list-customers");
const { customersListSchema } = await import("../lib/customers/customers-contract-schema");
const { listPaymentLinks } = await import("../lib/payment-links/list-payment-links");
const { paymentLinksListSchema } = await import("../lib/payment-links/payment-links-contract-schema");
const { listMembersPage } = await import("../lib/team/list-members");
const { membersListSchema } = await import("../lib/team/members-contract-schema");
const { listAuditLogs } = await import("../lib/audit/list-audit-logs");
const { auditListSchema } = await import("../lib/audit/list-contract-schema");
const { listRolesPage } = await import("../lib/team/list-roles");
const { rolesListSchema } = await import("../lib/team/roles-contract-schema");
const { listApiKeys } = await import("../lib/api-keys/list-api-keys");
const { listKeysSchema } = await import("../lib/api-keys/schemas");
const { listWebhookDeliveries } = await import("../lib/webhooks/list-webhook-deliveries");
const { deliveriesListSchema } = await import("../lib/webhooks/deliveries-contract-schema");
const { listBulkUploads } = await import("../lib/bulk-payments/list-bulk-uploads");
const { bulkUploadsListSchema } = await import("../lib/bulk-payments/uploads-contract-schema");
const { listPayoutApprovals } = await import("../lib/engine/list-payout-approvals");
type Db = import("../lib/db/client").Db;
type Scope = import("../lib/auth/scope").Scope;

/** One dashboard read: its URL and the service call its route handler makes (same parsed input). */
interface Read {
  url: string;
  service: (db: Db, scope: Scope) => Promise<unknown>;
}
const q = <S extends { parse: (v: unknown) => unknown }>(schema: S, query: Record<string, string>) => schema.parse(query) as ReturnType<S["parse"]>;
const READS: Read[] = [
  { url: "/api/wallets", service: (db, s) => getWalletsOverview(db, s) },
  { url: "/api/transactions/collections?size=20", service: (db, s) => listTransactions(db, s, "collections", q(listQuerySchema, { size: "20" })) },
  { url: "/api/transactions/collections/stats", service: (db, s) => transactionStats(db, s, "collections", q(listQuerySchema, {})) },
  { url: "/api/transactions/payouts?size=20", service: (db, s) => listTransactions(db, s, "payouts", q(listQuerySchema, { size: "20" })) },
  { url: "/api/transactions/recent?size=10", service: (db, s) => listTransactions(db, s, "recent", q(listQuerySchema, { size: "10" })) },
  { url: "/api/transactions/daily", service: (db, s) => dailyChart(db, s) },
  { url: "/api/payouts/approvals", service: (db, s) => listPayoutApprovals(db, s) },
  { url: "/api/customers", service: (db, s) => listCustomers(db, s, q(customersListSchema, {})) },
  { url: "/api/payment-links", service: (db, s) => listPaymentLinks(db, s, q(paymentLinksListSchema, {})) },
  { url: "/api/bulk-payments", service: (db, s) => listBulkUploads(db, s, q(bulkUploadsListSchema, {})) },
  { url: "/api/team/members", service: (db, s) => listMembersPage(db, s, q(membersListSchema, {})) },
  { url: "/api/team/roles", service: (db, s) => listRolesPage(db, s, q(rolesListSchema, {})) },
  { url: "/api/team/audit", service: (db, s) => listAuditLogs(db, s, q(auditListSchema, {})) },
  { url: "/api/api-keys", service: (db, s) => listApiKeys(db, s, q(listKeysSchema, {})) },
  { url: "/api/webhooks/deliveries", service: (db, s) => listWebhookDeliveries(db, s, q(deliveriesListSchema, {})) },
];

const ms = (v: number) => v.toFixed(1);

async function inProcess(db: Db, scope: Scope): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of READS) {
    for (let i = 0; i < 5; i++) await r.service(db, scope);
    const t: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await r.service(db, scope);
      t.push(performance.now() - t0);
    }
    out.set(r.url, pct(t.sort((a, b) => a - b), 50));
  }
  return out;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "kb-bench-reads-"));
try {
  const opened = await openDb({ dataDir: dir });
  const seeded = await seed(opened.db, {});
  await opened.db.execute(sql`analyze`);
  const { rows } = (await opened.db.execute(sql`
    select u.id as user_id, m.integrator_id from users u join memberships m on m.user_id = u.id
      join integrators i on i.id = m.integrator_id
     where u.email = ${DEMO_EMAIL} and i.organization = 'Demo Kotani Pay'`)) as unknown as { rows: { user_id: string; integrator_id: string }[] };
  const scope = testScope(rows[0]!.integrator_id, { userId: rows[0]!.user_id, email: DEMO_EMAIL });
  const local = await inProcess(opened.db, scope);
  const select1: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await opened.db.execute(sql`select 1`);
    select1.push(performance.now() - t0);
  }
  await opened.close();

  console.log(`== dashboard JSON reads (demo data: ${seeded.rows.transactions?.toLocaleString("en-US")} transactions, PGlite on disk, ANALYZEd)`);
  console.log(`in-process: ${RUNS} calls each; select 1 p50 ${ms(pct(select1.sort((a, b) => a - b), 50))} ms`);
  if (!buildDir()) {
    for (const r of READS) console.log(`${r.url.padEnd(42)} in-process p50 ${ms(local.get(r.url)!)} ms`);
    console.log("(HTTP skipped: no build; run `npm run build` first)");
  } else {
    const server = await startServer(process.env.BENCH_HTTP_PORT || "3294", { DATA_DIR: dir });
    try {
      const cookie = await signIn(server.base);
      const timed: { name: string; url: string; cookie: boolean; status: number }[] = [
        { name: "floor: GET /api/auth/csrf", url: "/api/auth/csrf", cookie: false, status: 200 },
        { name: "refused by the gate (no session)", url: "/api/wallets", cookie: false, status: 401 },
        { name: "gate only: GET /api/context", url: "/api/context", cookie: true, status: 200 },
        ...READS.map((r) => ({ name: r.url, url: r.url, cookie: true, status: 200 })),
      ];
      const samples = new Map<string, number[]>(timed.map((t) => [t.name, []]));
      for (let round = -5; round < REQUESTS; round++) {
        for (const t of timed) {
          const t0 = performance.now();
          const res = await fetch(`${server.base}${t.url}`, { headers: t.cookie ? { cookie } : {} });
          await res.arrayBuffer();
          if (res.status !== t.status) throw new Error(`${t.url}: HTTP ${res.status}, expected ${t.status}`);
          if (round >= 0) samples.get(t.name)!.push(performance.now() - t0);
        }
      }
      const p = (name: string, at: number) => pct(samples.get(name)!.sort((a, b) => a - b), at);
      const floor = p(timed[0]!.name, 50);
      console.log(`HTTP: next start, ${REQUESTS} interleaved rounds; target = 2 × floor p50 + in-process p50\n`);
      console.log(`${"request".padEnd(42)} ${"in-proc".padStart(8)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"target".padStart(7)}`);
      for (const t of timed) {
        const local50 = local.get(t.url) ?? 0;
        const read = t.cookie && local.has(t.url);
        const target = 2 * floor + local50;
        console.log(
          `${t.name.padEnd(42)} ${(read ? ms(local50) : "").padStart(8)} ${ms(p(t.name, 50)).padStart(7)} ${ms(p(t.name, 95)).padStart(7)} ${(read ? ms(target) : "").padStart(7)}${read ? (p(t.name, 50) <= target ? "  ok" : "  SLOW") : ""}`,
        );
      }
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
