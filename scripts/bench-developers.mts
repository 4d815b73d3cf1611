#!/usr/bin/env -S npx tsx
// Developers area: `npx tsx scripts/bench-developers.mts [--events 400] [--requests 150]`.
//
//   1. Webhook deliveries per second to a local receiver (a real HTTP server on 127.0.0.1, allowed
//      through WEBHOOK_ALLOW_HOSTS): N outbox events published, the `webhooks.deliver` workers
//      (as configured: 2 loops × 5 jobs) sign, POST through the SSRF guard and record each attempt.
//      PostgreSQL (BENCH_DATABASE_URL) and PGlite (in memory).
//   2. The public API over HTTP with key auth: `next start` (the build in NEXT_DIST_DIR or .next) on
//      a seeded embedded database, `GET /api/v3/wallet/fiat` p50 / p95 against the framework floor
//      (`GET /api/auth/csrf`) and `/health`. Keys are rotated so the read tier's limit (20 a second
//      per key) never answers 429. Skipped without a build.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { onMemoryPglite, onThrowawayPostgres } from "./bench-databases.mjs";
import { buildDir, pct, startServer } from "./bench-http.mjs";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "400" },
    requests: { type: "string", default: "150" },
    "skip-http": { type: "boolean", default: false },
  },
  strict: true,
});
const EVENTS = Math.max(10, Number(args.events));
const REQUESTS = Math.max(20, Number(args.requests));

// The receiver, first: its port goes into WEBHOOK_ALLOW_HOSTS before env() is read.
let received = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received++;
    res.end('{"ok":true}');
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
const hookPort = (receiver.address() as AddressInfo).port;
process.env.WEBHOOK_ALLOW_HOSTS = `127.0.0.1:${hookPort}`;
process.env.DATABASE_POOL_SIZE = "12";

const { createIntegrator, makeScope } = await import("../lib/wallets/test-fixtures");
const { startEngineJobs, stopEngineJobs } = await import("../lib/engine/testing/engine-fixtures");
const { updateWebhookSettings } = await import("../lib/webhooks/update-webhook-settings");
const { rotateWebhookSecret } = await import("../lib/webhooks/rotate-webhook-secret");
const { publishEvent } = await import("../lib/webhooks/publish-event");
const { DEFAULT_EVENTS } = await import("../lib/webhooks/events");
const { webhookDeliveries } = await import("../lib/db/schema");
const { sql, eq } = await import("drizzle-orm");
type OpenedDb = import("../lib/db/client").OpenedDb;

const ms = (v: number) => `${v.toFixed(1)} ms`;

async function deliveries(engine: string, opened: OpenedDb): Promise<string> {
  const db = opened.db;
  const integrator = await createIntegrator(db);
  const scope = makeScope(integrator.id);
  await updateWebhookSettings(db, scope, { url: `http://127.0.0.1:${hookPort}/bench`, events: [...DEFAULT_EVENTS] });
  // Step-up is per request; outside one the bench has no session, so give a password it can check.
  const { users } = await import("../lib/db/schema");
  const { hashPassword } = await import("../lib/auth/password");
  await db.update(users).set({ passwordHash: await hashPassword("Bench-Password-1") }).where(eq(users.id, scope.principal.userId));
  await rotateWebhookSecret(db, scope, { password: "Bench-Password-1" }, new Date());
  const rt = await startEngineJobs(opened, { workers: false });
  try {
    await db.transaction(async (tx) => {
      for (let i = 0; i < EVENTS; i++) {
        await publishEvent(tx, { integratorId: integrator.id, environment: "sandbox", event: "system.event", transactionId: null, payload: { i, type: "bench" } });
      }
    });
  } finally {
    await stopEngineJobs(rt);
  }
  received = 0;
  const t0 = performance.now();
  const workers = await startEngineJobs(opened);
  try {
    for (;;) {
      const { rows } = (await db.execute(sql`select count(*)::int as n from ${webhookDeliveries} where integrator_id = ${integrator.id}`)) as unknown as { rows: { n: number }[] };
      if (Number(rows[0]!.n) >= EVENTS) break;
      if (performance.now() - t0 > 300_000) throw new Error("deliveries did not finish in 5 minutes");
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await stopEngineJobs(workers);
  }
  const seconds = (performance.now() - t0) / 1000;
  return `${engine.padEnd(10)} ${String(EVENTS).padStart(6)} events   ${(EVENTS / seconds).toFixed(1).padStart(7)} deliveries/s   (${seconds.toFixed(1)} s, receiver got ${received})`;
}

async function httpBench(): Promise<string> {
  if (args["skip-http"] || !buildDir()) return "(skipped: no build; run `npm run build` first)";
  const dir = mkdtempSync(path.join(os.tmpdir(), "kb-bench-dev-"));
  const { openDb } = await import("../lib/db/client");
  const { seed } = await import("../lib/db/seed");
  const { createTestApiKey } = await import("../lib/api-keys/testing");
  const opened = await openDb({ dataDir: dir });
  await seed(opened.db, { transactions: 20_000 });
  const { rows } = (await opened.db.execute(sql`select id from integrators where organization = 'Demo Kotani Pay'`)) as unknown as { rows: { id: string }[] };
  const keys: string[] = [];
  for (let i = 0; i < 10; i++) keys.push((await createTestApiKey(opened.db, { integratorId: rows[0]!.id, name: `bench ${i}` })).key);
  await opened.db.execute(sql`analyze`);
  await opened.close();

  const server = await startServer(process.env.BENCH_HTTP_PORT || "3293", { DATA_DIR: dir });
  const base = server.base;
  try {
    const time = async (name: string, fn: (i: number) => Promise<Response>) => {
      for (let i = 0; i < 10; i++) await (await fn(i)).arrayBuffer();
      const t: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        const r = await fn(i);
        await r.arrayBuffer();
        if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
        t.push(performance.now() - t0);
      }
      t.sort((a, b) => a - b);
      return `${name.padEnd(44)} p50 ${ms(pct(t, 50)).padStart(9)}   p95 ${ms(pct(t, 95)).padStart(9)}`;
    };
    return [
      await time("GET /api/auth/csrf (framework floor)", () => fetch(`${base}/api/auth/csrf`)),
      await time("GET /health (database ping)", () => fetch(`${base}/health`)),
      await time("GET /api/v3/wallet/fiat (key auth, 11 wallets)", (i) =>
        fetch(`${base}/api/v3/wallet/fiat`, { headers: { authorization: `Bearer ${keys[i % keys.length]}` } }),
      ),
    ].join("\n");
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const out: string[] = ["== webhook deliveries to a local receiver (signed, SSRF-guarded POST, one log row per attempt)"];
try {
  if (process.env.BENCH_DATABASE_URL) out.push(await onThrowawayPostgres(process.env.BENCH_DATABASE_URL, "kb_bench_dev", (o) => deliveries("postgres", o)));
  out.push(await onMemoryPglite((o) => deliveries("pglite", o)));
  out.push(`\n== public API over HTTP (next start, embedded database, ${REQUESTS} sequential requests each)`);
  out.push(await httpBench());
} finally {
  receiver.close();
}
console.log(out.join("\n"));
process.exit(0);
