#!/usr/bin/env -S npx tsx
// Payment-link checkout: `npx tsx scripts/bench-checkout.mts [--seconds 5] [--clients 8]`.
//
//   1. What a payer's phone downloads: the checkout, waiting and success pages as served (HTML,
//      raw and gzip) and their JavaScript — none: the pages are route handlers returning HTML,
//      so the App Router's ~130 kB runtime never loads (target: first-load JS ≤ 80 kB gzip).
//   2. Pay: payments started per second with N concurrent payers (each its own link and IP, so
//      the throttle never refuses), p50 / p95 of one Pay (throttle + checks + the
//      engine's collection with the link's row lock).
//   3. Contention on a limited link: 50 concurrent payers on maxUses 10 → exactly 10 payments.
//   PostgreSQL (BENCH_DATABASE_URL) and PGlite (in memory).
import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";

import "./server-only-hook.mts";
import { onMemoryPglite, onThrowawayPostgres } from "./bench-databases.mjs";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    clients: { type: "string", default: "8" },
    help: { type: "boolean", short: "h", default: false },
  },
  strict: true,
});
if (args.help) {
  console.log("usage: npx tsx scripts/bench-checkout.mts [--seconds 5] [--clients 8]   (BENCH_DATABASE_URL for PostgreSQL)");
  process.exit(0);
}
const SECONDS = Math.max(1, Number(args.seconds));
const CLIENTS = Math.max(1, Number(args.clients));
process.env.DATABASE_POOL_SIZE = String(CLIENTS + 6);
process.env.SANDBOX_SETTLE_SECONDS = "1";
process.env.PAYMENT_EXPIRY_SECONDS = "3600";

const { createIntegrator, createTestWallet, makeScope } = await import("../lib/wallets/test-fixtures");
const { startEngineJobs, stopEngineJobs } = await import("../lib/engine/testing/engine-fixtures");
const { createPaymentLink } = await import("../lib/payment-links/create-payment-link");
const { payPaymentLink } = await import("../lib/payment-links/pay-payment-link");
const { getCheckout } = await import("../lib/payment-links/get-checkout");
const { getCheckoutPayment } = await import("../lib/payment-links/receipt");
const { checkoutPage, waitingPage, successPage } = await import("../lib/payment-links/checkout-html");
const { createPaymentLinkSchema, checkoutPaySchema } = await import("../lib/payment-links/schemas");
const { ConflictError } = await import("../lib/auth/errors");
type OpenedDb = import("../lib/db/client").OpenedDb;

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
const FORM = {
  linkType: "STANDARD",
  pricing: "FIXED",
  amount: "500",
  paymentMethods: ["MOBILE_MONEY"],
  customerFields: { name: "OPTIONAL", email: "OPTIONAL", phone: "REQUIRED" },
} as const;

let ip = 0;
const nextIp = () => `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip++ & 255}`;

async function run(engine: string, opened: OpenedDb): Promise<string[]> {
  const db = opened.db;
  const rt = await startEngineJobs(opened, { workers: false });
  try {
    const integrator = await createIntegrator(db, { organization: "Bench Merchant" });
    const scope = makeScope(integrator.id);
    await createTestWallet(db, scope, {});
    // One unlimited link per payer stream: the per-link throttle (600 a minute) is not what is measured.
    const links: { shortCode: string }[] = [];
    for (let i = 0; i < CLIENTS; i++) links.push((await createPaymentLink(db, scope, createPaymentLinkSchema.parse({ ...FORM, name: `Unlimited ${i}`, usage: "UNLIMITED" }))).link);
    const link = links[0]!;
    const pay = (i = 0) =>
      payPaymentLink(
        db,
        checkoutPaySchema.parse({ shortCode: links[i]!.shortCode, idempotencyKey: randomUUID(), phoneNumber: "0700000001" }),
        { ip: nextIp(), userAgent: "bench" },
      );

    const lines: string[] = [];
    if (engine === "pglite") {
      const view = (await getCheckout(db, link.shortCode))!;
      const first = await pay();
      const receipt = (await getCheckoutPayment(db, link.shortCode, first.paymentId))!;
      const pages = {
        checkout: checkoutPage(view, { idempotencyKey: randomUUID() }).toString(),
        waiting: waitingPage(receipt, view).toString(),
        success: successPage({ ...receipt, outcome: "successful", completedAt: new Date().toISOString() }, view).toString(),
      };
      lines.push("page (as served)        HTML      gzip   <script>  JS");
      for (const [name, text] of Object.entries(pages)) {
        const scripts = (text.match(/<script\b/gi) ?? []).length;
        lines.push(`${name.padEnd(22)} ${(Buffer.byteLength(text) / 1024).toFixed(1).padStart(5)} kB ${(gzipSync(text).length / 1024).toFixed(1).padStart(5)} kB   ${String(scripts).padStart(4)}     ${scripts ? "SOME" : "0 kB"}`);
      }
      lines.push("first-load JS of the checkout: 0 kB gzip (budget 80 kB)\n");
    }

    // Concurrent payers on one unlimited link.
    const times: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        while (performance.now() < deadline) {
          const s = performance.now();
          await pay(c);
          times.push(performance.now() - s);
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    lines.push(
      `${engine}: ${times.length} payments by ${CLIENTS} concurrent payers (one link each) in ${elapsed.toFixed(1)} s = ${(times.length / elapsed).toFixed(0)}/s; one Pay p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`,
    );

    // Contention on a limited link.
    const { link: limited } = await createPaymentLink(db, scope, createPaymentLinkSchema.parse({ ...FORM, name: "Limited", usage: "MULTIPLE_USE", maxUses: "10" }));
    const c0 = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        payPaymentLink(db, checkoutPaySchema.parse({ shortCode: limited.shortCode, idempotencyKey: randomUUID(), phoneNumber: "0700000001" }), { ip: nextIp(), userAgent: "bench" }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    const usedUp = results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError).length;
    lines.push(
      `${engine}: 50 concurrent payers on maxUses 10: ${ok} payments, ${usedUp} refused "usage limit reached" in ${(performance.now() - c0).toFixed(0)} ms ${ok === 10 && usedUp === 40 ? "ok" : "WRONG"}`,
    );
    return lines;
  } finally {
    await stopEngineJobs(rt);
  }
}

const out: string[] = [];
const url = process.env.BENCH_DATABASE_URL;
if (url) out.push(...(await onThrowawayPostgres(url, "bench_checkout", (opened) => run("postgres", opened))));
out.push(...(await onMemoryPglite((opened) => run("pglite", opened))));
console.log(out.join("\n"));
process.exit(0);
