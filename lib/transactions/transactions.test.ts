import { sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { AppError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/auth/errors";
import { KIND_CONFIG, LIST_SLUGS, statusGroup, type ListSlug } from "./kinds";
import { type ListQuery, type ListQueryInput } from "./list-contract";
import { ANY_TRANSACTION_READ, listPermission, listSlug } from "./list-route";
import { listQuerySchema } from "./list-contract-schema";
import { listTransactions } from "./list-transactions";
import { transactionStats } from "./transaction-stats";
import { getTransaction } from "./get-transaction";
import { exportTransactions, type TransactionExport } from "./export-transactions";
import { csvResponse } from "@/lib/csv";
import { dailyChart } from "./daily-chart";
import { zonedRange } from "./dates";
import { addHistory, createIntegrator, makeScope, MARKETS, rowsOf, seedTransactions } from "./test-fixtures";

const q = (input: ListQueryInput = {}): ListQuery => {
  const parsed = listQuerySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0].message);
  return parsed.data;
};

const READS_ONLY_COLLECTIONS = ["collections.read"] as const;
const A = "integrator_a";
const B = "integrator_b";
const PER_SCOPE = 120;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

/** The export as the route sends it (lib/csv.ts csvResponse: BOM, header, the streamed lines). */
function csvOf(e: TransactionExport): Promise<string> {
  return readAll(csvResponse(e.filename, e.header, e.lines).body!);
}

async function catchErr(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof p === "function" ? p() : p);
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe.each(testEngines())("transactions on %s", (engine) => {
  const t = withTestDb(engine);

  beforeAll(async () => {
    await createIntegrator(t.db, A);
    await createIntegrator(t.db, B);
    for (const integratorId of [A, B]) {
      for (const environment of ["sandbox", "production"] as const) {
        for (const market of MARKETS) {
          await seedTransactions(t.db, { integratorId, environment, market, count: PER_SCOPE, tieEvery: 9 });
        }
      }
    }
  });

  const scopeA = () => makeScope(A, "sandbox", MARKETS[0]);

  describe("scoping", () => {
    for (const integratorId of [A, B]) {
      for (const environment of ["sandbox", "production"] as const) {
        for (const market of MARKETS) {
          it(`every list and counter of ${integratorId}/${environment}/${market.currency} holds only its own rows`, async () => {
            const scope = makeScope(integratorId, environment, market);
            for (const slug of LIST_SLUGS) {
              const kinds = KIND_CONFIG[slug].kinds;
              const ids = new Set<string>();
              let cursor: string | undefined;
              let page = 1;
              for (;;) {
                const res = await listTransactions(t.db, scope, slug, q({ size: "100", cursor, page: String(page) }));
                for (const r of res.rows) ids.add(r.id);
                if (!res.hasNext) break;
                cursor = res.nextCursor!;
                page++;
              }
              const own = await rowsOf<{ id: string; n: string }>(
                t.db,
                sql`select id from transactions where integrator_id = ${integratorId} and environment = ${environment}
                    and currency = ${market.currency} and country = ${market.country}
                    and kind in (${sql.join(
                      kinds.map((k) => sql`${k}`),
                      sql`, `,
                    )})`,
              );
              expect([...ids].sort()).toEqual(own.map((r) => r.id).sort());
              const stats = await transactionStats(t.db, scope, slug, q());
              expect(stats.counters.total).toBe(own.length);
              const csv = await csvOf(exportTransactions(t.db, scope, slug, q()));
              const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trim()).data;
              expect(parsed.length - 1).toBe(own.length);
              expect(new Set(parsed.slice(1).map((r) => r[0]))).toEqual(ids);
            }
          });
        }
      }
    }

    it("another integrator's or market's transaction is not found in the detail", async () => {
      const [other] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${B} and kind = 'collection' limit 1`,
      );
      expect(await catchErr(getTransaction(t.db, scopeA(), "collections", other.id))).toBeInstanceOf(NotFoundError);
      const [ug] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'UGX' and kind = 'collection' limit 1`,
      );
      expect(await catchErr(getTransaction(t.db, scopeA(), "collections", ug.id))).toBeInstanceOf(NotFoundError);
      const [prod] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'production' and currency = 'KES' and kind = 'collection' limit 1`,
      );
      expect(await catchErr(getTransaction(t.db, scopeA(), "collections", prod.id))).toBeInstanceOf(NotFoundError);
      // A payout is not found through the collections list.
      const [payout] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'payout' limit 1`,
      );
      expect(await catchErr(getTransaction(t.db, scopeA(), "collections", payout.id))).toBeInstanceOf(NotFoundError);
      expect((await getTransaction(t.db, scopeA(), "payouts", payout.id)).id).toBe(payout.id);
    });

    it("selected-row export never includes ids of another integrator or market", async () => {
      const [mine] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'collection' limit 1`,
      );
      const others = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where kind = 'collection' and not (integrator_id = ${A} and environment = 'sandbox' and currency = 'KES') limit 5`,
      );
      const csv = await csvOf(
        exportTransactions(t.db, scopeA(), "collections", q({ ids: [mine.id, ...others.map((o) => o.id)].join(",") })),
      );
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trim()).data.slice(1);
      expect(rows.map((r) => r[0])).toEqual([mine.id]);
    });

    it("the recent list only shows the kinds the user may read", async () => {
      const scope = makeScope(A, "sandbox", MARKETS[0], { permissions: READS_ONLY_COLLECTIONS });
      const res = await listTransactions(t.db, scope, "recent", q({ size: "100" }));
      expect(res.rows.length).toBeGreaterThan(0);
      expect(new Set(res.rows.map((r) => r.kind))).toEqual(new Set(["collection"]));
      expect(await catchErr(() => listTransactions(t.db, scope, "payouts", q()))).toBeInstanceOf(ForbiddenError);
    });
  });

  describe("paging", () => {
    async function walk(slug: ListSlug, input: ListQueryInput) {
      const pages: string[][] = [];
      const cursors: (string | undefined)[] = [undefined];
      let cursor: string | undefined;
      for (let page = 1; page < 100; page++) {
        const res = await listTransactions(t.db, scopeA(), slug, q({ ...input, cursor, page: String(page) }));
        pages.push(res.rows.map((r) => r.id));
        if (!res.hasNext) break;
        cursor = res.nextCursor ?? undefined;
        cursors.push(cursor);
      }
      return pages;
    }

    it("keyset pages follow (created_at, id) order with ties, forwards and backwards", async () => {
      const expected = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'collection'
            order by created_at desc, id desc`,
      );
      const pages = await walk("collections", { size: "10" });
      expect(pages.flat()).toEqual(expected.map((r) => r.id));
      // Backwards from the last page with prevCursor gives the same pages.
      let res = await listTransactions(t.db, scopeA(), "collections", q({ size: "10" }));
      const forward = [res];
      while (res.hasNext) {
        res = await listTransactions(
          t.db,
          scopeA(),
          "collections",
          q({ size: "10", cursor: res.nextCursor!, page: String(res.page + 1) }),
        );
        forward.push(res);
      }
      for (let i = forward.length - 1; i > 0; i--) {
        const back = await listTransactions(
          t.db,
          scopeA(),
          "collections",
          q({ size: "10", cursor: forward[i].prevCursor!, page: String(i) }),
        );
        expect(back.rows.map((r) => r.id)).toEqual(forward[i - 1].rows.map((r) => r.id));
        expect(back.hasNext).toBe(true);
        expect(back.hasPrev).toBe(i - 1 > 0);
      }
    });

    it("ascending order and other sorts page consistently", async () => {
      const asc = await walk("collections", { size: "10", sort: "createdAt.asc" });
      const expected = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'collection'
            order by created_at asc, id asc`,
      );
      expect(asc.flat()).toEqual(expected.map((r) => r.id));
      const byAmount = await walk("collections", { size: "10", sort: "amount.desc" });
      const expectedAmount = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'collection'
            order by amount desc, id desc`,
      );
      expect(byAmount.flat()).toEqual(expectedAmount.map((r) => r.id));
    });

    it("a cursor carried to another market restarts that market at page 1", async () => {
      const ke = await listTransactions(t.db, scopeA(), "collections", q({ size: "10" }));
      const ugScope = makeScope(A, "sandbox", MARKETS[1]);
      const ugFirst = await listTransactions(t.db, ugScope, "collections", q({ size: "10" }));
      const carried = await listTransactions(
        t.db,
        ugScope,
        "collections",
        q({ size: "10", cursor: ke.nextCursor!, page: "2" }),
      );
      expect(carried.page).toBe(1);
      expect(carried.rows.map((r) => r.id)).toEqual(ugFirst.rows.map((r) => r.id));
      expect(carried.rows.every((r) => r.currency === "UGX")).toBe(true);
    });

    it("a page past the end answers with the last page", async () => {
      const res = await listTransactions(t.db, scopeA(), "collections", q({ size: "10", page: "999" }));
      expect(res.page).toBe(Math.ceil(PER_SCOPE / 4 / 10));
      expect(res.rows.length).toBeGreaterThan(0);
      expect(res.hasNext).toBe(false);
    });
  });

  describe("filters and search", () => {
    it("status, date range (in the integrator's zone), amount range, network and type", async () => {
      const scope = scopeA();
      const res = await listTransactions(t.db, scope, "collections", q({ status: "FAILED,PENDING", size: "100" }));
      expect(res.rows.length).toBeGreaterThan(0);
      expect(res.rows.every((r) => r.status === "FAILED" || r.status === "PENDING")).toBe(true);

      const { start, end } = zonedRange("2026-01-25", "2026-01-27", "Africa/Nairobi");
      expect(start!.toISOString()).toBe("2026-01-24T21:00:00.000Z");
      const dated = await listTransactions(
        t.db,
        scope,
        "collections",
        q({ from: "2026-01-25", to: "2026-01-27", size: "100" }),
      );
      expect(dated.rows.length).toBeGreaterThan(0);
      expect(dated.rows.every((r) => r.createdAt >= start!.toISOString() && r.createdAt < end!.toISOString())).toBe(
        true,
      );
      const utc = await listTransactions(
        t.db,
        scope,
        "collections",
        q({ from: "2026-01-25", to: "2026-01-27", size: "100", tz: "UTC" }),
      );
      expect(utc.rows.every((r) => r.createdAt >= "2026-01-25T00:00:00" && r.createdAt < "2026-01-28")).toBe(true);

      const ranged = await listTransactions(
        t.db,
        scope,
        "collections",
        q({ min: "10,000", max: "20000.50", size: "100" }),
      );
      expect(ranged.rows.length).toBeGreaterThan(0);
      expect(ranged.rows.every((r) => r.amount >= 1_000_000n && r.amount <= 2_000_050n)).toBe(true);

      const net = await listTransactions(
        t.db,
        scope,
        "collections",
        q({ network: "AIRTEL", method: "MOBILE_MONEY", size: "100" }),
      );
      expect(net.rows.length).toBeGreaterThan(0);
      expect(net.rows.every((r) => r.network === "AIRTEL" && r.channel === "MOBILE_MONEY")).toBe(true);
    });

    it("searches by reference prefix (any case), reference number, phone and amount", async () => {
      const scope = scopeA();
      const [row] = await rowsOf<{
        id: string;
        reference_id: string;
        reference_number: number;
        phone_number: string;
        amount: string;
      }>(
        t.db,
        sql`select id, reference_id, reference_number, phone_number, amount::text from transactions
            where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'collection' order by created_at desc limit 1 offset 7`,
      );
      const ids = async (text: string) =>
        (await listTransactions(t.db, scope, "collections", q({ q: text, size: "100" }))).rows.map((r) => r.id);
      expect(await ids(row.reference_id)).toEqual([row.id]);
      expect(await ids(row.reference_id.toLowerCase())).toEqual([row.id]);
      expect(await ids(row.reference_id.slice(0, -1))).toContain(row.id);
      expect(await ids(String(row.reference_number))).toContain(row.id);
      expect(await ids(row.phone_number)).toContain(row.id);
      expect(await ids(`0${row.phone_number.slice(4)}`)).toContain(row.id);
      expect(await ids(`${row.phone_number.slice(4, 7)} ${row.phone_number.slice(7)}`)).toContain(row.id);
      const major = (BigInt(row.amount) / 100n).toString();
      const byAmount = await listTransactions(t.db, scope, "collections", q({ q: major, size: "100" }));
      expect(byAmount.rows.map((r) => r.id)).toContain(row.id);
      expect(
        byAmount.rows.every(
          (r) =>
            r.amount === BigInt(row.amount) || r.referenceId.startsWith(major) || String(r.referenceNumber) === major,
        ),
      ).toBe(true);
    });

    it("SQL and regex characters in search are literal", async () => {
      for (const text of ["%", "_", "'; drop table transactions; --", "(.*)", "\\", "[a-z]+$", "KE%", "é✓", "0x%_"]) {
        const res = await listTransactions(t.db, scopeA(), "collections", q({ q: text }));
        expect(res.rows).toEqual([]);
        const stats = await transactionStats(t.db, scopeA(), "collections", q({ q: text }));
        expect(stats.counters.total).toBe(0);
      }
      const [{ n }] = await rowsOf<{ n: number }>(t.db, sql`select count(*)::int as n from transactions`);
      expect(n).toBe(PER_SCOPE * 8);
    });
  });

  describe("stat cards and counters", () => {
    async function direct(where: ReturnType<typeof sql>) {
      const rows = await rowsOf<{ status: string; n: number; amount: string; fee: string }>(
        t.db,
        sql`select status, count(*)::int as n, coalesce(sum(amount),0)::text as amount, coalesce(sum(fee),0)::text as fee
            from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and country = 'KE'
            and kind = 'collection' and ${where} group by status`,
      );
      const c = { successful: 0, failed: 0, pending: 0, total: 0 };
      let amount = 0n;
      let fee = 0n;
      for (const r of rows) {
        c[statusGroup(r.status)] += r.n;
        c.total += r.n;
        if (statusGroup(r.status) === "successful") {
          amount += BigInt(r.amount);
          fee += BigInt(r.fee);
        }
      }
      return {
        counters: c,
        successAmount: amount,
        successFees: fee,
        averageAmount: c.successful ? amount / BigInt(c.successful) : 0n,
      };
    }

    const cases: [
      string,
      ListQueryInput,
      (s: { start?: Date; end?: Date }) => ReturnType<typeof sql>,
      "daily" | "rows",
    ][] = [
      ["no filter", {}, () => sql`true`, "daily"],
      ["status", { status: "SUCCESSFUL,FAILED" }, () => sql`status in ('SUCCESSFUL','FAILED')`, "daily"],
      [
        "date range in Nairobi time (partial UTC days at both ends)",
        { from: "2026-01-26", to: "2026-01-29", status: "SUCCESSFUL" },
        (r) =>
          sql`created_at >= ${r.start!.toISOString()}::timestamptz and created_at < ${r.end!.toISOString()}::timestamptz and status = 'SUCCESSFUL'`,
        "daily",
      ],
      [
        "one day",
        { from: "2026-01-30", to: "2026-01-30" },
        (r) =>
          sql`created_at >= ${r.start!.toISOString()}::timestamptz and created_at < ${r.end!.toISOString()}::timestamptz`,
        "rows",
      ],
      ["amount range", { min: "5000", max: "30000" }, () => sql`amount between 500000 and 3000000`, "rows"],
      ["network", { network: "MPESA" }, () => sql`network = 'MPESA'`, "daily"],
      [
        "network + type + status + dates",
        { network: "MPESA", method: "MOBILE_MONEY,BANK", status: "SUCCESSFUL", from: "2026-01-25", to: "2026-01-30" },
        (r) =>
          sql`network = 'MPESA' and channel in ('MOBILE_MONEY','BANK') and status = 'SUCCESSFUL' and created_at >= ${r.start!.toISOString()}::timestamptz and created_at < ${r.end!.toISOString()}::timestamptz`,
        "daily",
      ],
      ["search", { q: "ASKE-0000" }, () => sql`reference_id like 'ASKE-0000%'`, "rows"],
    ];

    for (const [name, input, where, source] of cases) {
      it(`equal a direct SQL aggregate: ${name}`, async () => {
        const range = zonedRange(input.from as string | undefined, input.to as string | undefined, "Africa/Nairobi");
        const stats = await transactionStats(t.db, scopeA(), "collections", q(input));
        const expected = await direct(where(range));
        expect(stats.source).toBe(source);
        expect(stats.counters).toEqual(expected.counters);
        expect(stats.successAmount).toBe(expected.successAmount);
        expect(stats.successFees).toBe(expected.successFees);
        expect(stats.averageAmount).toBe(expected.averageAmount);
        expect(stats.counters.total).toBeGreaterThan(0);
      });
    }

    it("follow inserts, status changes and deletes (the daily aggregates are kept by triggers)", async () => {
      const before = await transactionStats(t.db, scopeA(), "collections", q());
      const [row] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'collection' and status = 'PENDING' limit 1`,
      );
      await t.db.execute(sql`update transactions set status = 'SUCCESSFUL', fee = 100 where id = ${row.id}`);
      const after = await transactionStats(t.db, scopeA(), "collections", q());
      expect(after.counters.successful).toBe(before.counters.successful + 1);
      expect(after.counters.pending).toBe(before.counters.pending - 1);
      expect(after).toMatchObject({
        counters: (await direct(sql`true`)).counters,
        successAmount: (await direct(sql`true`)).successAmount,
      });
      await t.db.execute(sql`update transactions set status = 'PENDING', fee = 0 where id = ${row.id}`);
      expect((await transactionStats(t.db, scopeA(), "collections", q())).counters).toEqual(before.counters);
    });

    it("the triggers keep the same per-day rows as a full rebuild", async () => {
      const snapshot = () =>
        rowsOf<{ k: string }>(
          t.db,
          sql`select concat_ws('|', integrator_id, environment, kind, currency, country, day, status, network, channel, count, amount, fee) as k
              from transaction_daily_stats where count <> 0 order by 1`,
        );
      await t.db.execute(
        sql`update transactions set network = 'AIRTEL', channel = 'BANK' where reference_number % 13 = 0 and kind = 'payout'`,
      );
      await t.db.execute(
        sql`update transactions set created_at = created_at - interval '1 day' where reference_number % 17 = 0`,
      );
      const maintained = await snapshot();
      const { rebuildDailyStats } = await import("./daily-stats");
      await rebuildDailyStats(t.db);
      expect(await snapshot()).toEqual(maintained);
    });

    it("the home chart counts successful and failed collections and payouts per day", async () => {
      const chart = await dailyChart(t.db, scopeA(), 30, new Date("2026-01-31T18:00:00Z"));
      expect(chart.days).toHaveLength(30);
      expect(chart.days.at(-1)!.day).toBe("2026-01-31");
      const [row] = await rowsOf<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES'
            and kind = 'collection' and status in ('SUCCESSFUL','SUCCESS') and created_at >= '2026-01-02' and created_at < '2026-02-01'`,
      );
      expect(chart.days.reduce((s, d) => s + d.collectionsSuccessful, 0)).toBe(row.n);
    });
  });

  describe("bad input is a 400, never a 500", () => {
    const bad: [string, ListQueryInput][] = [
      ["unknown status", { status: "NOT_A_STATUS" }],
      ["status with SQL", { status: "FAILED'--" }],
      ["inverted date range", { from: "2026-02-01", to: "2026-01-01" }],
      ["impossible date", { from: "2026-02-30" }],
      ["unknown sort column", { sort: "password.desc" }],
      ["sort without direction", { sort: "amount" }],
      ["crypto sort on collections", { sort: "chain.asc" }],
      ["malformed cursor", { cursor: "not-a-cursor!" }],
      ["cursor with a bad timestamp", { cursor: Buffer.from("a|yesterday|abc").toString("base64url") }],
      ["page size", { size: "1000" }],
      ["negative page", { page: "-1" }],
      ["page far beyond the offset cap", { page: "5000", sort: "amount.desc" }],
      ["amount with letters", { min: "12abc" }],
      ["amount with too many decimals", { min: "1.234" }],
      ["min above max", { min: "500", max: "100" }],
      ["unknown network", { network: "NOPE" }],
      ["search too long", { q: "x".repeat(101) }],
    ];
    for (const [name, input] of bad) {
      it(name, async () => {
        const err = await catchErr(async () => {
          const parsed = listQuerySchema.safeParse(input);
          if (!parsed.success) throw new ValidationError(parsed.error.issues[0].message);
          await listTransactions(t.db, scopeA(), "collections", parsed.data);
        });
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).status).toBe(400);
        expect((err as AppError).message.length).toBeGreaterThan(3);
      });
    }
  });

  describe("detail and export", () => {
    it("the detail carries every field, the status timeline and the callback deliveries", async () => {
      const [row] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'collection' limit 1`,
      );
      await addHistory(t.db, row.id, A);
      const detail = await getTransaction(t.db, scopeA(), "collections", row.id);
      expect(detail.history.map((h) => h.status)).toEqual(["PENDING", "SUCCESSFUL"]);
      expect(detail.deliveries).toHaveLength(1);
      expect(detail.deliveries[0]).toMatchObject({ event: "deposit.successful", responseStatus: 200 });
      expect(detail.referenceId).toBeTruthy();
      expect(detail.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      expect((await getTransaction(t.db, scopeA(), "recent", row.id)).id).toBe(row.id);
    });

    it("the CSV neutralises formula cells and matches the filtered count", async () => {
      const [row] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'payout' and status = 'FAILED' limit 1`,
      );
      const nasty = '=HYPERLINK("http://evil.test","x")\n+1';
      await t.db.execute(
        sql`update transactions set error_message = ${nasty}, error_code = '@SUM(A1)' where id = ${row.id}`,
      );
      const input = q({ status: "FAILED" });
      const csv = await csvOf(exportTransactions(t.db, scopeA(), "payouts", input));
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const parsed = Papa.parse<string[]>(csv.slice(1).trim()).data;
      const header = parsed[0];
      const data = parsed.slice(1);
      const stats = await transactionStats(t.db, scopeA(), "payouts", input);
      expect(data.length).toBe(stats.counters.total);
      const mine = data.find((r) => r[0] === row.id)!;
      expect(mine[header.indexOf("Failure Reason")]).toBe(`'${nasty}`);
      expect(mine[header.indexOf("Error Code")]).toBe("'@SUM(A1)");
      expect(mine[header.indexOf("Phone number")]).toMatch(/^'\+254/);
      for (const cells of data) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    });

    it("the CSV writes exact amounts, crypto amounts and quoted fields", async () => {
      const { toDecimalString } = await import("@/lib/money");
      const { cryptoToDecimal } = await import("./format");
      const [row] = await rowsOf<{ id: string }>(
        t.db,
        sql`select id from transactions where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'onramp' limit 1`,
      );
      await t.db.execute(
        sql`update transactions set reference_id = 'R,"1"', amount = 5, fee = 123456789, crypto_amount = 1000000000000000001, token = 'CUSD' where id = ${row.id}`,
      );
      const csv = await csvOf(exportTransactions(t.db, scopeA(), "onramp", q()));
      const [header, ...data] = Papa.parse<string[]>(csv.slice(1).trim()).data;
      const mine = data.find((r) => r[0] === row.id)!;
      expect(mine[header.indexOf("Reference ID")]).toBe('R,"1"');
      expect(mine[header.indexOf("Amount")]).toBe(toDecimalString(5n, "KES"));
      expect(mine[header.indexOf("Fee")]).toBe("1234567.89");
      expect(mine[header.indexOf("Crypto Amount")]).toBe("1.000000000000000001");
      const [sample] = await rowsOf<{ id: string; crypto_amount: string; token: string; transaction_amount: string }>(
        t.db,
        sql`select id, crypto_amount::text, token, transaction_amount::text from transactions
            where integrator_id = ${A} and environment = 'sandbox' and currency = 'KES' and kind = 'onramp' and id <> ${row.id} limit 1`,
      );
      const other = data.find((r) => r[0] === sample.id)!;
      expect(other[header.indexOf("Crypto Amount")]).toBe(cryptoToDecimal(sample.crypto_amount, sample.token));
      expect(other[header.indexOf("Transaction Amount")]).toBe(
        toDecimalString(BigInt(sample.transaction_amount), "KES"),
      );
      const ug = await csvOf(exportTransactions(t.db, makeScope(A, "sandbox", MARKETS[1]), "collections", q()));
      const [ugHeader, ugRow] = Papa.parse<string[]>(ug.slice(1).trim()).data;
      expect(ugRow[ugHeader.indexOf("Amount")]).toMatch(/^\d+$/);
    });

    it("exports more rows than one batch, newest first", async () => {
      const scope = makeScope(A, "sandbox", MARKETS[1]);
      const csv = await csvOf(exportTransactions(t.db, scope, "recent", q(), { batchSize: 7 }));
      const data = Papa.parse<string[]>(csv.slice(1).trim()).data.slice(1);
      expect(data.length).toBe(PER_SCOPE);
      const created = data.map((r) => r[r.length - 3]);
      expect([...created].sort().reverse()).toEqual(created);
      expect(data.every((r) => r.includes("UGX"))).toBe(true);
    });
  });
});

describe("kinds", () => {
  it("every list's statuses are unique and upper-case", () => {
    for (const slug of LIST_SLUGS) {
      const s = KIND_CONFIG[slug].statuses;
      expect(new Set(s).size).toBe(s.length);
      expect(s.every((x) => /^[A-Z_]+$/.test(x))).toBe(true);
    }
  });
  it("unknown list slugs are not found", async () => {
    expect(() => listSlug("refunds")).toThrow(NotFoundError);
    expect(() => listPermission({ kind: "refunds" })).toThrow(NotFoundError);
    expect(listPermission({ kind: "payouts" })).toBe("payouts.read");
    expect(listPermission({ kind: "recent" })).toEqual(ANY_TRANSACTION_READ);
  });
});
