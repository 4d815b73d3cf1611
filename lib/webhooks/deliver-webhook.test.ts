/**
 * Webhook delivery end to end on both engines, with a real HTTP receiver on 127.0.0.1 (allowed
 * through WEBHOOK_ALLOW_HOSTS): the engine's status events reach it signed (§4.2) or as direct
 * callbacks, failures are retried with growing gaps and recorded once per attempt, the
 * transaction's callbackUrlStatus follows (§4.7), and a resend delivers again.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { outboxEvents, transactions, webhookDeliveries, webhookSettings } from "@/lib/db/schema";
import { createIntegrator, createTestWallet, makeScope } from "@/lib/wallets/test-fixtures";
import { fastSandbox, fakeJob, startEngineJobs, stopEngineJobs, waitForFinal } from "@/lib/engine/testing/engine-fixtures";
import type { JobsRuntime } from "@/lib/jobs/runtime";
import { createCollection } from "@/lib/engine/create-collection";
import { newCollectionSchema } from "@/lib/engine/schemas";
import { ConflictError, ValidationError } from "@/lib/auth/errors";
import { encryptSecret } from "@/lib/auth/crypto";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { deliverWebhook, retryGapSeconds } from "./deliver-webhook";
import { webhookSecretContext } from "./get-webhook-settings";
import { sendTestEvent } from "./send-test-event";
import { resendDelivery } from "./resend-webhook";
import { updateWebhookSettings } from "./update-webhook-settings";
import { verifyWebhook } from "./signature";
import { deliverJob } from "./jobs";
import { DEFAULT_EVENTS } from "./events";

fastSandbox();
process.env.WEBHOOK_RETRY_BASE_SECONDS = "1";

interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

describe.each(testEngines())("webhook delivery on %s", (engine) => {
  const t = withTestDb(engine);
  let rt: JobsRuntime;
  let server: Server;
  let port = 0;
  const received: Received[] = [];
  /** What the receiver answers per path (default 200). */
  const answer = new Map<string, number>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push({ path: req.url ?? "", headers: req.headers, body });
        res.statusCode = answer.get(req.url ?? "") ?? 200;
        res.end(res.statusCode === 200 ? '{"received":true}' : "receiver error");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
    process.env.WEBHOOK_ALLOW_HOSTS = `127.0.0.1:${port}`;
    rt = await startEngineJobs(t.current.opened);
  });
  afterAll(async () => {
    await stopEngineJobs(rt);
    await new Promise((r) => server.close(r));
  });

  const url = (path: string) => `http://127.0.0.1:${port}${path}`;

  async function setup(opts: { secret?: string; hookPath?: string } = {}) {
    const integrator = await createIntegrator(t.db);
    const scope = makeScope(integrator.id);
    await createTestWallet(t.db, scope);
    if (opts.hookPath) {
      await updateWebhookSettings(t.db, scope, { url: url(opts.hookPath), events: [...DEFAULT_EVENTS] });
    }
    if (opts.secret) {
      await t.db
        .update(webhookSettings)
        .set({ secretEncrypted: encryptSecret(opts.secret, webhookSecretContext(integrator.id, "sandbox")) })
        .where(eq(webhookSettings.integratorId, integrator.id));
    }
    return scope;
  }

  const collect = (db: Db, scope: Scope, input: Record<string, string>) =>
    createCollection(db, scope, newCollectionSchema.parse({ amount: "100", phoneNumber: "0700000001", idempotencyKey: randomUUID(), ...input }));

  async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > deadline) throw new Error("timed out waiting");
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  const deliveriesOf = (transactionId: string) =>
    t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.transactionId, transactionId)).orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.attempt));

  it("signs the envelope (§4.1–4.2) for every status change, to the webhook URL, and marks callbackUrlStatus COMPLETED", async () => {
    const secret = "whsec_test_signed_delivery";
    const scope = await setup({ secret, hookPath: `/signed-${engine}` });
    const created = await collect(t.db, scope, { referenceId: `sig-${engine}` });
    await waitForFinal(t.db, [created.id]);
    const got = await waitFor(async () => {
      const mine = received.filter((r) => r.path === `/signed-${engine}`);
      return mine.some((r) => JSON.parse(r.body).data.status === "SUCCESSFUL") && mine;
    });
    for (const r of got) {
      expect(r.headers["x-kotani-event"]).toBe("transaction.deposit.status.updated");
      expect(r.headers["x-kotani-integrator"]).toBe(scope.integratorId);
      expect(r.headers["content-type"]).toBe("application/json");
      expect(verifyWebhook(secret, r.body, String(r.headers["x-kotani-signature"]))).toBe(true);
      expect(JSON.parse(r.body).signature).toBe(r.headers["x-kotani-signature"]);
    }
    const success = got.map((r) => JSON.parse(r.body)).find((b) => b.data.status === "SUCCESSFUL");
    expect(success.data).toMatchObject({ reference_id: `sig-${engine}`, amount: 100, wallet_id: expect.any(String) });
    const rows = await waitFor(async () => {
      const d = await deliveriesOf(created.id);
      return d.length >= 2 && d.every((x) => x.status === "COMPLETED") && d;
    });
    expect(rows.every((r) => r.responseStatus === 200 && r.mode === "signed" && r.url === url(`/signed-${engine}`))).toBe(true);
    const [tx] = await t.db.select({ cs: transactions.callbackStatus }).from(transactions).where(eq(transactions.id, created.id));
    expect(tx!.cs).toBe(0);
  });

  it("without a secret, posts the raw fields to the transaction's callbackUrl only (no envelope, no X-Kotani headers)", async () => {
    const scope = await setup({ hookPath: `/unused-${engine}` });
    const created = await collect(t.db, scope, { callbackUrl: url(`/direct-${engine}`) });
    await waitForFinal(t.db, [created.id]);
    const got = await waitFor(async () => {
      const mine = received.filter((r) => r.path === `/direct-${engine}`);
      return mine.some((r) => JSON.parse(r.body).status === "SUCCESSFUL") && mine;
    });
    expect(got[0]!.headers["x-kotani-signature"]).toBeUndefined();
    expect(JSON.parse(got[0]!.body)).toHaveProperty("reference_id");
    expect(JSON.parse(got[0]!.body)).not.toHaveProperty("event");
    expect(received.some((r) => r.path === `/unused-${engine}`)).toBe(false);
  });

  it("a failing receiver: FAILED attempts with growing gaps, callbackUrlStatus -1, then a resend that gets through", async () => {
    const path = `/flaky-${engine}`;
    answer.set(path, 500);
    const scope = await setup({ secret: "whsec_flaky", hookPath: path });
    const { deliveryKey } = await sendTestEvent(t.db, scope, new Date());
    const attempts = await waitFor(async () => {
      const rows = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryKey, deliveryKey)).orderBy(asc(webhookDeliveries.attempt));
      return rows.length >= 3 && rows;
    }, 30_000);
    expect(attempts.map((a) => a.attempt).slice(0, 3)).toEqual([1, 2, 3]);
    expect(attempts.every((a) => a.status === "FAILED" && a.responseStatus === 500 && a.nextAttemptAt !== null)).toBe(true);
    const gap1 = attempts[1]!.createdAt.getTime() - attempts[0]!.createdAt.getTime();
    const gap2 = attempts[2]!.createdAt.getTime() - attempts[1]!.createdAt.getTime();
    expect(gap1).toBeGreaterThanOrEqual(900);
    expect(gap2).toBeGreaterThan(gap1);

    answer.set(path, 200);
    const resent = await resendDelivery(t.db, scope, { deliveryId: attempts[0]!.id });
    const ok = await waitFor(async () => {
      const [row] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryKey, resent.deliveryKey));
      return row;
    });
    expect(ok).toMatchObject({ status: "COMPLETED", responseStatus: 200, resendOf: attempts[0]!.id, attempt: 1 });
  });

  it("records an attempt once when its job runs twice (a crash after the POST), and schedules one next attempt", async () => {
    const path = `/twice-${engine}`;
    answer.set(path, 503);
    const scope = await setup({ secret: "whsec_twice", hookPath: path });
    const [event] = await t.db
      .insert(outboxEvents)
      .values({ integratorId: scope.integratorId, environment: "sandbox", event: "system.event", payload: { hello: "world" } })
      .returning({ id: outboxEvents.id });
    const job = { eventId: event!.id, deliveryKey: `twice-${engine}`, attempt: 1, firstAttemptAt: null, resendOf: null };
    await deliverJob.handler({ db: t.db, data: job, job: fakeJob("webhooks.deliver") });
    await deliverJob.handler({ db: t.db, data: job, job: fakeJob("webhooks.deliver") });
    const rows = await t.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.deliveryKey, job.deliveryKey), eq(webhookDeliveries.attempt, 1)));
    expect(rows).toHaveLength(1);
    answer.set(path, 200);
  });

  it("gives up after 24 h: PERMANENTLY_FAILED, no next attempt", async () => {
    const path = `/gone-${engine}`;
    answer.set(path, 500);
    const scope = await setup({ secret: "whsec_gone", hookPath: path });
    const [event] = await t.db
      .insert(outboxEvents)
      .values({ integratorId: scope.integratorId, environment: "sandbox", event: "system.event", payload: {} })
      .returning({ id: outboxEvents.id });
    const firstAttemptAt = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    const res = await deliverWebhook(t.db, { eventId: event!.id, deliveryKey: `gone-${engine}`, attempt: 12, firstAttemptAt, resendOf: null });
    expect(res.status).toBe("PERMANENTLY_FAILED");
    const [row] = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.deliveryKey, `gone-${engine}`));
    expect(row!.nextAttemptAt).toBeNull();
  });

  it("refuses webhook URLs that reach private addresses, and https is required in production", async () => {
    const scope = await setup();
    for (const bad of ["http://127.0.0.1:9/hook", "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook", "http://localhost/hook"]) {
      await expect(updateWebhookSettings(t.db, scope, { url: bad, events: [] })).rejects.toBeInstanceOf(ValidationError);
    }
    const prod = makeScope(scope.integratorId, { environment: "production" });
    await expect(updateWebhookSettings(t.db, prod, { url: url("/prod"), events: [] })).rejects.toThrow(/https/);
    expect(await t.db.select().from(webhookSettings).where(eq(webhookSettings.integratorId, scope.integratorId))).toHaveLength(0);
    await expect(sendTestEvent(t.db, scope, new Date())).rejects.toBeInstanceOf(ConflictError);
  });

  it("backs off exponentially up to every 2 hours", () => {
    expect([1, 2, 3, 4].map((a) => retryGapSeconds(a, 30))).toEqual([30, 60, 120, 240]);
    expect(retryGapSeconds(20, 30)).toBe(7200);
  });
});
