import { and, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { transactions as tx } from "@/lib/db/schema";
import { toDecimalString } from "@/lib/money";
import { type ListQueryInput } from "./list-contract";
import { listQuerySchema } from "./list-contract-schema";
import { listTransactions } from "./list-transactions";
import { transactionStats } from "./transaction-stats";
import { exportTransactions } from "./export-transactions";
import { scopeConditions, searchAmount, searchCondition } from "./query";
import { createIntegrator, makeScope, MARKETS, rowsOf, seedTransactions } from "./test-fixtures";

const A = "integrator_amounts";
const PLAN = "integrator_plan";
const q = (input: ListQueryInput) => listQuerySchema.parse(input);

/** "7714.50" → the ways a person types what the list prints ("KES 7,714.50"). */
function typings(decimal: string, currency: string): string[] {
  const [whole, frac = ""] = decimal.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  if (!frac) return [whole, grouped, `${currency} ${grouped}`];
  const short = frac.replace(/0+$/, "");
  return [`${whole}.${frac}`, `${grouped}.${frac}`, `${whole}.${short}`, `${currency} ${grouped}.${frac}`, `${currency.toLowerCase()}${whole}.${frac}`];
}

describe("searchAmount", () => {
  it.each([
    ["7714", "KES", 771400n],
    ["7,714", "KES", 771400n],
    ["7714.00", "KES", 771400n],
    ["7714.5", "KES", 771450n],
    ["KES 7,714.00", "KES", 771400n],
    ["kes7714", "KES", 771400n],
    ["7,714", "UGX", 7714n],
    ["UGX 7,714", "UGX", 7714n],
  ])("%s in %s → %s", (text, currency, minor) => {
    expect(searchAmount(text, currency)).toBe(minor);
  });

  it.each([
    ["7,71,4", "KES"], // commas only between thousands
    ["7714.505", "KES"], // more decimals than the currency has
    ["7714.5", "UGX"],
    ["UGX 7714", "KES"], // another currency's code
    ["0", "KES"],
    ["1e3", "KES"],
    ["ASKE-7714", "KES"],
    ["", "KES"],
  ])("%s in %s is not an amount", (text, currency) => {
    expect(searchAmount(text, currency)).toBeNull();
  });
});

describe.each(testEngines())("amount search on %s", (engine) => {
  const t = withTestDb(engine);

  beforeAll(async () => {
    await createIntegrator(t.db, A);
    for (const market of MARKETS) await seedTransactions(t.db, { integratorId: A, environment: "sandbox", market, count: 80 });
  });

  /** A collection whose Transaction Amount (amount + fee) differs from its Amount. */
  async function collectionWithFee(currency: string) {
    const [row] = await rowsOf<{ id: string; amount: string; transaction_amount: string }>(
      t.db,
      sql`select id, amount::text, transaction_amount::text from transactions
          where integrator_id = ${A} and currency = ${currency} and kind = 'collection' and fee > 0
            and transaction_amount % 100 <> 0
          order by created_at desc limit 1`,
    );
    if (!row) throw new Error("the fixtures have no collection with a fee");
    return row;
  }

  for (const market of MARKETS) {
    it(`${market.currency}: the list, the counters and the CSV find a row by its Transaction Amount, typed as shown`, async () => {
      const scope = makeScope(A, "sandbox", market);
      const row = await collectionWithFee(market.currency);
      const minor = BigInt(row.transaction_amount);
      expect(minor).not.toBe(BigInt(row.amount));
      for (const text of typings(toDecimalString(minor, market.currency), market.currency)) {
        const list = await listTransactions(t.db, scope, "collections", q({ q: text, size: "100" }));
        expect(list.rows.map((r) => r.id), text).toContain(row.id);
        // Every hit is an amount match (or a reference number that reads the same).
        for (const r of list.rows) {
          expect(r.amount === minor || r.transactionAmount === minor || String(r.referenceNumber) === text, text).toBe(true);
        }
        const stats = await transactionStats(t.db, scope, "collections", q({ q: text }));
        expect(stats.counters.total, text).toBe(list.rows.length);
        const csv = [];
        for await (const chunk of exportTransactions(t.db, scope, "collections", q({ q: text })).lines) csv.push(chunk);
        expect(csv.join("").split("\r\n").filter(Boolean)).toHaveLength(list.rows.length);
      }
    });
  }

  it("still finds by Amount", async () => {
    const scope = makeScope(A, "sandbox", MARKETS[0]);
    const row = await collectionWithFee("KES");
    const list = await listTransactions(t.db, scope, "collections", q({ q: toDecimalString(BigInt(row.amount), "KES") }));
    expect(list.rows.map((r) => r.id)).toContain(row.id);
  });

  it("answers from the indexes: an equality on each amount column with the scope, never a scan of the table", async () => {
    // Enough rows of one scope, analysed, for the planner to choose as it does on the big table.
    const market = MARKETS[0];
    await createIntegrator(t.db, PLAN);
    await seedTransactions(t.db, { integratorId: PLAN, environment: "sandbox", market, count: 4_000 });
    await t.db.execute(sql`analyze transactions`);
    const scope = makeScope(PLAN, "sandbox", market);
    const query = t.db
      .select({ id: tx.id })
      .from(tx)
      .where(and(...scopeConditions(scope, ["collection"]), searchCondition("7,714.50", scope)));
    const r = (await t.db.execute(sql`explain ${query}`)) as unknown as { rows: { "QUERY PLAN": string }[] };
    const plan = r.rows.map((l) => l["QUERY PLAN"]).join("\n");
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).toContain("transactions_amount_idx");
    expect(plan).toContain("transactions_transaction_amount_idx");
  });
});
