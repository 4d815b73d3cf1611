import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testEngines, withTestDb } from "@/test/db";
import { hasAutovacuum, refreshStatistics, staleTables } from "./statistics";

async function lastAnalysed(db: Parameters<typeof staleTables>[0], table: string): Promise<string | Date | null> {
  const res = (await db.execute(sql`select last_analyze from pg_stat_user_tables where relname = ${table}`)) as unknown as {
    rows: { last_analyze: string | Date | null }[];
  };
  return res.rows[0]?.last_analyze ?? null;
}

describe.each(testEngines())("planner statistics (%s)", (engine) => {
  const t = withTestDb(engine);

  it("PGlite has no autovacuum, PostgreSQL does", async () => {
    expect(await hasAutovacuum(t.db)).toBe(engine === "postgres");
  });

  it.runIf(engine === "pglite")("a table with enough changed rows is vacuumed and analysed; then it is fresh", async () => {
    await t.db.execute(sql`create table stats_probe (id int)`);
    await t.db.execute(sql`insert into stats_probe select generate_series(1, 300)`);
    expect(await staleTables(t.db)).toContain("stats_probe");
    const { analysed } = await refreshStatistics(t.db);
    expect(analysed).toContain("stats_probe");
    expect(await lastAnalysed(t.db, "stats_probe")).not.toBeNull();
    expect(await staleTables(t.db)).not.toContain("stats_probe");
    // A few more rows do not make it stale again (50 + 10 % of 300).
    await t.db.execute(sql`insert into stats_probe select generate_series(1, 20)`);
    expect(await staleTables(t.db)).not.toContain("stats_probe");
  });

  it.runIf(engine === "postgres")("leaves PostgreSQL to its autovacuum", async () => {
    expect(await refreshStatistics(t.db)).toEqual({ analysed: [], skipped: "autovacuum" });
  });
});
