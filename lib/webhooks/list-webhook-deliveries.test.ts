import { beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import type { Db } from "@/lib/db/client";
import type { Environment } from "@/lib/db/schema/enums";
import { transactions, webhookDeliveries } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/auth/errors";
import type { MemberScope } from "@/lib/auth/scope";
import { queryObject } from "@/lib/client/list-params";
import { createIntegrator, makeScope } from "@/lib/wallets/test-fixtures";
import { deliveriesListQuery, deliveryRouteId, webhookLogHref } from "./deliveries-contract";
import { deliveriesListSchema, loadDeliveriesSearchParams } from "./deliveries-contract-schema";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { getWebhookDelivery } from "./get-webhook-delivery";

const message = (qs: string) => {
  const r = deliveriesListSchema.safeParse(queryObject(qs));
  return r.success ? null : r.error.issues[0]!.message;
};

describe("webhook log contract", () => {
  it("refuses control characters and other bad input with a message", () => {
    expect(message("q=abc%00def")).toBe("The search cannot contain control characters");
    expect(message("q=line%0Abreak")).toBe("The search cannot contain control characters");
    expect(message("q=tab%09")).toBe(null); // trimmed away at the end: nothing left to refuse
    expect(message("q=a%09b")).toBe("The search cannot contain control characters");
    expect(message("q=%7F")).toBe("The search cannot contain control characters");
    expect(message("status=DELIVERED")).toBe("Status must be COMPLETED, FAILED or PERMANENTLY_FAILED");
    expect(message("event=Drop%20table")).toBe("Unknown event");
    expect(message("from=2026-02-30")).toBe("Use a date like 2025-06-30");
    expect(message("from=2026-03-02&to=2026-03-01")).toBe("The end date must be on or after the start date");
    expect(message("sort=url.asc")).toMatch(/^Unknown sort column/);
    expect(message("size=7")).toBe("Page size must be one of 10, 20, 50, 100");
    expect(message(`q=${"a".repeat(201)}`)).toBe("Search is limited to 200 characters");
  });

  it("what the serializer writes, the schema reads back as the same state", () => {
    const state = loadDeliveriesSearchParams(
      "?tab=webhooks&q=%20REF-1%20&status=FAILED,PERMANENTLY_FAILED&event=system.event&from=2026-03-01&to=2026-03-02&page=2&size=50&delivery=abc&hide=url&m=KE-KES&env=sandbox",
    );
    const qs = deliveriesListQuery(state, "UTC");
    const params = new URLSearchParams(qs);
    for (const key of ["tab", "delivery", "hide", "m", "env"]) expect(params.has(key)).toBe(false);
    expect(deliveriesListSchema.parse(queryObject(qs))).toEqual({
      q: "REF-1",
      status: ["FAILED", "PERMANENTLY_FAILED"],
      event: ["system.event"],
      from: "2026-03-01",
      to: "2026-03-02",
      tz: "UTC",
      sort: { column: "createdAt", dir: "desc" },
      page: 2,
      size: 50,
    });
  });

  it("a malformed route id is the delivery's 404; the log link carries the search and context", () => {
    expect(() => deliveryRouteId({ id: "../etc" })).toThrow(NotFoundError);
    expect(() => deliveryRouteId({ id: "x".repeat(65) })).toThrow("Delivery not found");
    expect(deliveryRouteId({ id: "abc_DEF-1" })).toBe("abc_DEF-1");
    expect(webhookLogHref("REF 1", { environment: "sandbox", market: { country: "KE", currency: "KES" } })).toBe(
      "/settings?tab=webhooks&q=REF+1&m=KE-KES&env=sandbox",
    );
  });
});

let seq = 0;

async function addTransaction(db: Db, integratorId: string, environment: Environment, referenceId: string): Promise<string> {
  seq += 1;
  const [row] = await db
    .insert(transactions)
    .values({
      integratorId,
      environment,
      kind: "collection",
      channel: "MOBILE_MONEY",
      referenceId,
      referenceNumber: 70_000_000 + seq,
      status: "SUCCESSFUL",
      country: "KE",
      currency: "KES",
      amount: 10_000n,
      transactionAmount: 10_000n,
    })
    .returning({ id: transactions.id });
  return row!.id;
}

interface NewDelivery {
  integratorId: string;
  environment?: Environment;
  transactionId?: string | null;
  deliveryKey: string;
  attempt?: number;
  event?: string;
  url?: string;
  status: "COMPLETED" | "FAILED" | "PERMANENTLY_FAILED";
  at: string;
  nextAttemptAt?: string | null;
  responseStatus?: number | null;
  error?: string | null;
}

async function addDelivery(db: Db, d: NewDelivery): Promise<string> {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      integratorId: d.integratorId,
      environment: d.environment ?? "sandbox",
      transactionId: d.transactionId ?? null,
      deliveryKey: d.deliveryKey,
      attempt: d.attempt ?? 1,
      event: d.event ?? "transaction.deposit.status.updated",
      mode: "signed",
      url: d.url ?? "https://hooks.example.com/kotani",
      requestHeaders: { "content-type": "application/json", "x-kotani-event": d.event ?? "transaction.deposit.status.updated" },
      requestBody: { event: d.event ?? "transaction.deposit.status.updated", data: { status: "SUCCESSFUL" } },
      responseStatus: d.responseStatus === undefined ? (d.status === "COMPLETED" ? 200 : 500) : d.responseStatus,
      responseHeaders: { "content-type": "text/plain" },
      responseBody: d.status === "COMPLETED" ? "ok" : "boom",
      error: d.error ?? null,
      status: d.status,
      durationMs: 42,
      nextAttemptAt: d.nextAttemptAt ? new Date(d.nextAttemptAt) : null,
      createdAt: new Date(d.at),
    })
    .returning({ id: webhookDeliveries.id });
  return row!.id;
}

describe.each(testEngines())("webhook log (%s)", (engine) => {
  const t = withTestDb(engine);
  let a: MemberScope;
  let b: MemberScope;
  let aProd: MemberScope;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = t.db;
    const orgA = await createIntegrator(db);
    const orgB = await createIntegrator(db);
    a = makeScope(orgA.id);
    aProd = makeScope(orgA.id, { environment: "production" });
    b = makeScope(orgB.id);
    a = { ...a, timezone: "UTC" };

    const tx1 = await addTransaction(db, orgA.id, "sandbox", "ORDER-ABC-001");
    const tx2 = await addTransaction(db, orgA.id, "sandbox", "ORDER-XYZ-002");
    // Delivery 1 of tx1: failed, then delivered on the second attempt.
    ids.d1a1 = await addDelivery(db, { integratorId: orgA.id, transactionId: tx1, deliveryKey: "event-1", status: "FAILED", at: "2026-03-01T10:00:00Z", nextAttemptAt: "2026-03-01T10:00:30Z" });
    ids.d1a2 = await addDelivery(db, { integratorId: orgA.id, transactionId: tx1, deliveryKey: "event-1", attempt: 2, status: "COMPLETED", at: "2026-03-01T10:00:30Z" });
    // Delivery 2 of tx2: failed, retrying.
    ids.d2a1 = await addDelivery(db, {
      integratorId: orgA.id,
      transactionId: tx2,
      deliveryKey: "event-2",
      event: "transaction.withdrawal.status.updated",
      url: "https://payouts.example.org/cb",
      status: "FAILED",
      at: "2026-03-02T09:00:00Z",
      nextAttemptAt: "2026-03-02T09:01:00Z",
      responseStatus: null,
      error: "Timed out after 10 s",
    });
    // A test event, no transaction, failed for good.
    ids.test = await addDelivery(db, { integratorId: orgA.id, deliveryKey: "event-3", event: "system.event", status: "PERMANENTLY_FAILED", at: "2026-03-03T12:00:00Z" });

    // Another environment of A, and another integrator: never in A's sandbox log.
    const txProd = await addTransaction(db, orgA.id, "production", "ORDER-ABC-PROD");
    ids.prod = await addDelivery(db, { integratorId: orgA.id, environment: "production", transactionId: txProd, deliveryKey: "event-10", status: "COMPLETED", at: "2026-03-01T11:00:00Z" });
    const txB = await addTransaction(db, orgB.id, "sandbox", "ORDER-ABC-OTHER");
    ids.other = await addDelivery(db, { integratorId: orgB.id, transactionId: txB, deliveryKey: "event-20", status: "FAILED", at: "2026-03-01T12:00:00Z", nextAttemptAt: "2026-03-01T12:01:00Z" });
  });

  it("lists the attempts newest first with their transaction, and tells the latest attempt", async () => {
    const page = await listWebhookDeliveries(t.db, a);
    expect(page.total).toBe(4);
    expect(page.page).toBe(1);
    expect(page.rows.map((r) => r.id)).toEqual([ids.test, ids.d2a1, ids.d1a2, ids.d1a1]);
    const [test, retrying, delivered, firstTry] = page.rows;
    expect(test).toMatchObject({ event: "system.event", status: "PERMANENTLY_FAILED", transaction: null, isLatest: true });
    expect(retrying).toMatchObject({
      status: "FAILED",
      isLatest: true,
      nextAttemptAt: "2026-03-02T09:01:00.000000Z",
      responseStatus: null,
      error: "Timed out after 10 s",
      transaction: { referenceId: "ORDER-XYZ-002", kind: "collection", country: "KE", currency: "KES" },
    });
    expect(delivered).toMatchObject({ status: "COMPLETED", attempt: 2, isLatest: true, responseStatus: 200, durationMs: 42 });
    expect(firstTry).toMatchObject({ status: "FAILED", attempt: 1, isLatest: false });
    expect(firstTry!.createdAt).toBe("2026-03-01T10:00:00.000000Z");

    const oldest = await listWebhookDeliveries(t.db, a, deliveriesListSchema.parse({ sort: "createdAt.asc" }));
    expect(oldest.rows.map((r) => r.id)).toEqual([ids.d1a1, ids.d1a2, ids.d2a1, ids.test]);
  });

  it("filters by status, event, search (event, reference, URL) and dates", async () => {
    const list = async (qs: string) => (await listWebhookDeliveries(t.db, a, deliveriesListSchema.parse(queryObject(qs)))).rows.map((r) => r.id);
    expect(await list("status=FAILED")).toEqual([ids.d2a1, ids.d1a1]);
    expect(await list("status=COMPLETED,PERMANENTLY_FAILED")).toEqual([ids.test, ids.d1a2]);
    expect(await list("event=system.event")).toEqual([ids.test]);
    expect(await list("event=transaction.withdrawal.status.updated&status=FAILED")).toEqual([ids.d2a1]);
    // Search: a reference (any part, any case), an event name, a URL.
    expect(await list("q=order-abc")).toEqual([ids.d1a2, ids.d1a1]);
    expect(await list("q=withdrawal")).toEqual([ids.d2a1]);
    expect(await list("q=payouts.example.org")).toEqual([ids.d2a1]);
    expect(await list("q=100%25")).toEqual([]); // LIKE wildcards are literal
    expect(await list("q=ORDER-ABC-OTHER")).toEqual([]); // another integrator's reference
    // Dates: whole days in the zone asked for (UTC here, the organisation's zone).
    expect(await list("from=2026-03-02&tz=UTC")).toEqual([ids.test, ids.d2a1]);
    expect(await list("from=2026-03-01&to=2026-03-01&tz=UTC")).toEqual([ids.d1a2, ids.d1a1]);
    expect(await list("to=2026-02-28&tz=UTC")).toEqual([]);
  });

  it("pages with the total; a page past the end answers the last page", async () => {
    const first = await listWebhookDeliveries(t.db, a, deliveriesListSchema.parse({ size: "10" }));
    expect(first.rows).toHaveLength(4);
    const small = await listWebhookDeliveries(t.db, a, { size: 2, page: 2 });
    expect(small).toMatchObject({ total: 4, page: 2, size: 2 });
    expect(small.rows.map((r) => r.id)).toEqual([ids.d1a2, ids.d1a1]);
    const past = await listWebhookDeliveries(t.db, a, { size: 2, page: 9 });
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.id)).toEqual([ids.d1a2, ids.d1a1]);
    const filtered = await listWebhookDeliveries(t.db, a, { size: 2, page: 1, q: "order" });
    expect(filtered.total).toBe(3);
  });

  it("never shows another integrator's or another environment's deliveries", async () => {
    const all = [ids.d1a1, ids.d1a2, ids.d2a1, ids.test];
    expect((await listWebhookDeliveries(t.db, a)).rows.map((r) => r.id).sort()).toEqual([...all].sort());
    expect((await listWebhookDeliveries(t.db, aProd)).rows.map((r) => r.id)).toEqual([ids.prod]);
    const other = await listWebhookDeliveries(t.db, b);
    expect(other.rows.map((r) => r.id)).toEqual([ids.other]);
    expect(other.total).toBe(1);
    expect(other.rows[0]).toMatchObject({ isLatest: true, transaction: { referenceId: "ORDER-ABC-OTHER" } });
  });

  it("the detail: one attempt in full with the attempts of its delivery in order", async () => {
    const d = await getWebhookDelivery(t.db, a, ids.d1a2!);
    expect(d).toMatchObject({
      id: ids.d1a2,
      status: "COMPLETED",
      attempt: 2,
      requestHeaders: { "content-type": "application/json", "x-kotani-event": "transaction.deposit.status.updated" },
      requestBody: { event: "transaction.deposit.status.updated", data: { status: "SUCCESSFUL" } },
      responseStatus: 200,
      responseHeaders: { "content-type": "text/plain" },
      responseBody: "ok",
      transaction: { referenceId: "ORDER-ABC-001" },
    });
    expect(d.attempts.map((x) => [x.id, x.attempt, x.status, x.responseStatus])).toEqual([
      [ids.d1a1, 1, "FAILED", 500],
      [ids.d1a2, 2, "COMPLETED", 200],
    ]);
    expect(d.attempts[0]!.nextAttemptAt).toBe("2026-03-01T10:00:30.000000Z");
    const failed = await getWebhookDelivery(t.db, a, ids.d2a1!);
    expect(failed).toMatchObject({ error: "Timed out after 10 s", responseStatus: null, isLatest: true });
    expect(failed.attempts).toHaveLength(1);
  });

  it("the detail of a foreign, other-environment or malformed id is NotFound", async () => {
    await expect(getWebhookDelivery(t.db, a, ids.other!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getWebhookDelivery(t.db, b, ids.d1a1!)).rejects.toThrow("Delivery not found");
    await expect(getWebhookDelivery(t.db, a, ids.prod!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getWebhookDelivery(t.db, aProd, ids.d1a1!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getWebhookDelivery(t.db, a, "no'such id")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getWebhookDelivery(t.db, a, "unknownid")).rejects.toBeInstanceOf(NotFoundError);
  });
});
