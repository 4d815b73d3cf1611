/**
 * POST /api/wallets/transfer through the real gate (gatedRoute): the body is strict (an unknown key
 * such as a typo'd "amout" is refused, never read as "the entire balance"), amounts are decimal
 * strings only (a JSON number such as 1e3 is refused), the entire balance needs `"entire": true`,
 * and the body is read with a streamed size limit whatever Content-Length says. Every refusal
 * leaves the balances and the ledger as they were. The session and database are stubbed:
 * requireScope returns a fixed scope, getDb the test database.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db/client";
import { ledgerTransactions } from "@/lib/db/schema";
import { testEngines, withTestDb } from "@/test/db";
import { createIntegrator, createTestWallet, makeScope, readWallet } from "@/lib/wallets/test-fixtures";

const state: { scope: Scope | null; db: Db | null } = { scope: null, db: null };

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest" }),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock("@/lib/auth/scope", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/scope")>();
  return {
    ...actual,
    requireScope: async () => {
      if (!state.scope) throw new (await import("@/lib/auth/errors")).UnauthorizedError();
      return state.scope;
    },
  };
});
vi.mock("@/lib/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/client")>();
  return { ...actual, getDb: async () => state.db! };
});

const { POST } = await import("./route");

const URL_ = "http://localhost/api/wallets/transfer";

/** A POST with a JSON text body (sent as is: `1e3` stays a JSON number). */
function post(body: string, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request(URL_, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }),
    {
      params: Promise.resolve({}),
    },
  );
}

/** A chunked POST (no Content-Length unless given): `pulled()` says how many chunks the server read. */
function streamed(chunks: string[], headers: Record<string, string> = {}) {
  const enc = new TextEncoder();
  let pulled = 0;
  const queue = [...chunks];
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = queue.shift();
        if (next === undefined) controller.close();
        else {
          pulled++;
          controller.enqueue(enc.encode(next));
        }
      },
    },
    { highWaterMark: 0 },
  );
  const req = new Request(URL_, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  return { res: POST(req, { params: Promise.resolve({}) }), pulled: () => pulled };
}

describe.each(testEngines())("POST /api/wallets/transfer on %s", (engine) => {
  const t = withTestDb(engine);
  let integratorId: string;

  beforeAll(async () => {
    state.db = t.db;
    integratorId = (await createIntegrator(t.db)).id;
    state.scope = makeScope(integratorId);
  });

  async function wallet(deposit = 100_000n): Promise<string> {
    return createTestWallet(t.db, state.scope!, { deposit, payout: 500n, name: `Wallet ${randomUUID().slice(0, 6)}` });
  }

  async function transfers(): Promise<number> {
    const rows = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerTransactions)
      .where(and(eq(ledgerTransactions.integratorId, integratorId), eq(ledgerTransactions.kind, "transfer")));
    return Number(rows[0].n);
  }

  /** Runs `send`, expects a 4xx in the gate's envelope, and that no money and no ledger row moved. */
  async function refused(walletId: string, send: () => Promise<Response>, status: number) {
    const before = { wallet: await readWallet(t.db, walletId), transfers: await transfers() };
    const res = await send();
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(status);
    expect(body).toMatchObject({ success: false, error_code: status });
    expect({ wallet: await readWallet(t.db, walletId), transfers: await transfers() }).toEqual(before);
    return body as { message: string; fieldErrors?: Record<string, string[]> };
  }

  it('refuses a typo\'d key ("amout") with a message naming it, and moves nothing', async () => {
    const walletId = await wallet();
    const body = await refused(
      walletId,
      () => post(JSON.stringify({ walletId, amout: "0.02", idempotencyKey: randomUUID() })),
      400,
    );
    expect(body.message).toContain('"amout"');
    expect(body.fieldErrors).toBeDefined();
    // Also next to a valid amount, and in the Idempotency-Key header variant.
    const again = await refused(
      walletId,
      () => post(JSON.stringify({ walletId, amount: "1.00", entire_: true }), { "idempotency-key": randomUUID() }),
      400,
    );
    expect(again.message).toContain('"entire_"');
  });

  it("refuses a JSON number as the amount (1e3, 15): amounts are decimal strings", async () => {
    const walletId = await wallet();
    for (const amount of ["1e3", "15", "0.5"]) {
      const body = await refused(
        walletId,
        () => post(`{"walletId":"${walletId}","amount":${amount},"idempotencyKey":"${randomUUID()}"}`),
        400,
      );
      expect(body.message).toBe('amount must be a decimal string, e.g. "1500.00"');
      expect(body.fieldErrors?.amount).toEqual(['amount must be a decimal string, e.g. "1500.00"']);
    }
    // A string in exponent form is not a decimal either (parseAmount refuses it).
    await refused(walletId, () => post(JSON.stringify({ walletId, amount: "1e3", idempotencyKey: randomUUID() })), 400);
  });

  it("needs an amount or an explicit entire: true, not neither and not both", async () => {
    const walletId = await wallet();
    const neither = await refused(
      walletId,
      () => post(JSON.stringify({ walletId, idempotencyKey: randomUUID() })),
      400,
    );
    expect(neither.message).toBe("Give an amount, or entire: true");
    const both = await refused(
      walletId,
      () => post(JSON.stringify({ walletId, amount: "1.00", entire: true, idempotencyKey: randomUUID() })),
      400,
    );
    expect(both.message).toMatch(/^Give an amount, or entire: true/);
    const notTrue = await refused(
      walletId,
      () => post(JSON.stringify({ walletId, entire: false, idempotencyKey: randomUUID() })),
      400,
    );
    expect(notTrue.message).toBe("Give an amount, or entire: true");
    await refused(walletId, () => post(JSON.stringify({ walletId, entire: "yes", idempotencyKey: randomUUID() })), 400);
  });

  it("entire: true moves the whole deposit balance", async () => {
    const walletId = await wallet(12_345n);
    const res = await post(JSON.stringify({ walletId, entire: true, idempotencyKey: randomUUID() }));
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      success: true,
      data: { walletId, amount: "12345", depositBalance: "0", payoutBalance: "12845" },
    });
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 0n, payout: 12_845n });
  });

  it("a decimal string moves exactly that; the key may come in the Idempotency-Key header, and a repeat moves it once", async () => {
    const walletId = await wallet(500_000n);
    const res = await post(JSON.stringify({ walletId, amount: "12.34", idempotencyKey: randomUUID() }));
    expect(res.status).toBe(200);
    expect((await res.json()).data).toMatchObject({ amount: "1234", depositBalance: "498766", payoutBalance: "1734" });
    const key = randomUUID();
    const first = await post(JSON.stringify({ walletId, amount: "1,000.00" }), { "idempotency-key": key });
    const second = await post(JSON.stringify({ walletId, amount: "1,000.00" }), { "idempotency-key": key });
    expect(first.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(await readWallet(t.db, walletId)).toMatchObject({ deposit: 398_766n, payout: 101_734n });
  });

  it("a body over 64 kB is a 413 whatever Content-Length says (chunked, lying, absent), read no further, and nothing moves", async () => {
    const walletId = await wallet();
    // Valid JSON and a valid transfer, padded with whitespace past the limit.
    const valid = JSON.stringify({ walletId, amount: "1.00", idempotencyKey: randomUUID() });
    const pad = " ".repeat(16 * 1024);
    const chunks = [valid, ...Array.from({ length: 128 }, () => pad)]; // ~2 MB

    let stream = streamed(chunks);
    const chunked = await refused(walletId, () => stream.res, 413);
    expect(chunked.message).toBe("The request body is too large (limit 64 kB)");
    expect(stream.pulled()).toBeLessThan(10);

    stream = streamed(chunks, { "content-length": String(valid.length) });
    expect((await refused(walletId, () => stream.res, 413)).message).toBe(
      "The request body is too large (limit 64 kB)",
    );
    expect(stream.pulled()).toBeLessThan(10);

    // A plain (non-streamed) body over the limit, with its true length.
    await refused(walletId, () => post(valid + " ".repeat(70 * 1024)), 413);
  });

  it("a body exactly at the limit is read; malformed JSON and non-objects are a clear 400", async () => {
    const walletId = await wallet();
    const valid = JSON.stringify({ walletId, amount: "2.00", idempotencyKey: randomUUID() });
    const stream = streamed([valid, " ".repeat(64 * 1024 - valid.length)]);
    expect((await stream.res).status).toBe(200);
    expect((await readWallet(t.db, walletId)).deposit).toBe(100_000n - 200n);

    expect((await refused(walletId, () => post(`{"walletId":"${walletId}",`), 400)).message).toBe(
      "The request body is not valid JSON",
    );
    expect((await refused(walletId, () => post(""), 400)).message).toMatch(/^The request body is empty/);
    for (const notObject of ["[]", `["${walletId}"]`, '"text"', "42", "null"]) {
      expect((await refused(walletId, () => post(notObject), 400)).message).toBe(
        "The request body must be a JSON object",
      );
    }
  });
});
