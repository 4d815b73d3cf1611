import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { migrateDb, openDb, type Db } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { testEngines, withTestDb } from "./db";

const schemaTables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => {
    const c = getTableConfig(t);
    return `${c.schema ?? "public"}.${c.name}`;
  })
  .sort();

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

async function dbTables(db: Db): Promise<string[]> {
  const r = await rows<{ t: string }>(
    db,
    sql`select table_schema || '.' || table_name as t from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema', 'drizzle')`,
  );
  return r.map((x) => x.t).sort();
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const r = await rows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by id`);
  return r.map((x) => x.hash);
}

it("the drizzle schema declares tables", () => {
  expect(schemaTables.length).toBeGreaterThan(10);
});

describe.each(testEngines())("%s", (engine) => {
  const t = withTestDb(engine);

  it("migrations create exactly the schema's tables on an empty database", async () => {
    expect(await dbTables(t.db)).toEqual(schemaTables);
    expect((await appliedMigrations(t.db)).length).toBeGreaterThan(0);
  });

  it("migrating again is a no-op", async () => {
    const before = await appliedMigrations(t.db);
    await migrateDb(t.current.opened);
    expect(await appliedMigrations(t.db)).toEqual(before);
    expect(await dbTables(t.db)).toEqual(schemaTables);
  });

  if (engine === "postgres") {
    it("a second open of the migrated database is a no-op", async () => {
      const before = await appliedMigrations(t.db);
      const again = await openDb({ url: t.current.url! });
      try {
        expect(await appliedMigrations(again.db)).toEqual(before);
        expect(await dbTables(again.db)).toEqual(schemaTables);
      } finally {
        await again.close();
      }
    });
  }
});

describe("pglite data dir", () => {
  it("a second open of an already-migrated folder is a no-op", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kb-dbtest-"));
    try {
      const first = await openDb({ dataDir: dir });
      const before = await appliedMigrations(first.db);
      await first.close();
      const second = await openDb({ dataDir: dir });
      try {
        expect(await appliedMigrations(second.db)).toEqual(before);
        expect(await dbTables(second.db)).toEqual(schemaTables);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
