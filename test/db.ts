/**
 * Integration-test databases.
 *
 *   describe.each(testEngines())("%s", (engine) => {
 *     const t = withTestDb(engine);          // fresh, migrated database for this describe block
 *     it("…", async () => { await t.db.select()… });
 *   });
 *
 * - "pglite": an in-memory PGlite, migrated through openDb({ memory: true }).
 * - "postgres": a brand-new database `kb_test_<random>` created through TEST_DATABASE_URL (an admin
 *   connection, e.g. postgres://postgres@127.0.0.1:55432/postgres from scripts/pg-throwaway.sh),
 *   opened (and migrated) with openDb({ url }), dropped WITH (FORCE) on close.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { openDb, type Db, type OpenedDb } from "@/lib/db/client";

export type TestEngine = "pglite" | "postgres";

export interface TestDb {
  db: Db;
  engine: TestEngine;
  /** The underlying handle from openDb (location, close…). */
  opened: OpenedDb;
  /** postgres only: the URL of the throwaway database (to open a second connection to it). */
  url?: string;
  /** Closes the connection; for postgres also drops the database. Idempotent. */
  close(): Promise<void>;
}

/** ["pglite"], plus "postgres" when TEST_DATABASE_URL is set. */
export function testEngines(): TestEngine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set (start one with: scripts/pg-throwaway.sh start)");
  return url;
}

async function withAdmin<T>(fn: (q: (sql: string) => Promise<unknown>) => Promise<T>): Promise<T> {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn((sql) => client.query(sql));
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createTestDb(engine: TestEngine = "pglite"): Promise<TestDb> {
  if (engine === "pglite") {
    const opened = await openDb({ memory: true });
    let closed = false;
    return {
      db: opened.db,
      engine,
      opened,
      close: async () => {
        if (closed) return;
        closed = true;
        await opened.close();
      },
    };
  }

  const name = `kb_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdmin((q) => q(`CREATE DATABASE "${name}"`));
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  let opened: OpenedDb;
  try {
    opened = await openDb({ url });
  } catch (e) {
    await dropDatabase(name).catch(() => {});
    throw e;
  }
  let closed = false;
  return {
    db: opened.db,
    engine,
    opened,
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await opened.close();
      } finally {
        await dropDatabase(name);
      }
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  await withAdmin((q) => q(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

export interface TestDbHandle {
  readonly engine: TestEngine;
  /** The database; only available inside tests/hooks (created in beforeAll). */
  readonly db: Db;
  /** The full TestDb (url, opened…). */
  readonly current: TestDb;
}

/**
 * Registers beforeAll/afterAll in the calling describe block: one fresh migrated database for the
 * block, closed (and for postgres dropped) afterwards. Access `.db` inside tests.
 */
export function withTestDb(engine: TestEngine = "pglite"): TestDbHandle {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await createTestDb(engine);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const get = (): TestDb => {
    if (!current) throw new Error("withTestDb: the database is only available inside tests and hooks");
    return current;
  };
  return {
    engine,
    get db() {
      return get().db;
    },
    get current() {
      return get();
    },
  };
}
