import { mkdirSync, accessSync, constants, existsSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { PGlite } from "@electric-sql/pglite";
import * as schema from "./schema";
import { acquireDirLock } from "./dir-lock";
import { env } from "../env";
import { analyseAll } from "./statistics";

export type Schema = typeof schema;
/** Both drivers (PGlite and node-postgres) produce this type; services only see it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface OpenedDb {
  db: Db;
  engine: "pglite" | "postgres";
  /** Human-readable location (folder or host:port/db, never the password). */
  location: string;
  /** What lies under `db`, for the job queue (lib/jobs): the PGlite instance this process owns, or the URL (pg-boss opens its own pool). */
  driver: { engine: "pglite"; client: PGlite } | { engine: "postgres"; url: string };
  close(): Promise<void>;
}

export type DbTarget = { url: string } | { dataDir: string } | { memory: true };

export { DatabaseOpenError } from "./errors";
import { DatabaseOpenError } from "./errors";

const MIGRATIONS = path.join(process.cwd(), "drizzle");

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(malformed DATABASE_URL)";
  }
}

/** Opens (and migrates) a database. Errors are one clear line: the start script prints them and exits. */
export async function openDb(target: DbTarget, opts: { migrate?: boolean } = {}): Promise<OpenedDb> {
  const opened = "url" in target ? await openPostgres(target.url) : await openPglite(target);
  if (opts.migrate !== false) {
    try {
      await migrateDb(opened);
    } catch (e) {
      await opened.close().catch(() => {});
      throw new DatabaseOpenError(`Could not apply migrations to ${opened.location}: ${(e as Error).message}`);
    }
  }
  return opened;
}

async function openPostgres(url: string): Promise<OpenedDb> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const location = describeUrl(url);
  const pool = new Pool({ connectionString: url, max: env().DATABASE_POOL_SIZE, connectionTimeoutMillis: 5000 });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on("error", (e) => console.error(`[db] idle PostgreSQL client error: ${e.message}`));
  try {
    await pool.query("select 1");
  } catch (e) {
    await pool.end().catch(() => {});
    const err = e as NodeJS.ErrnoException;
    throw new DatabaseOpenError(`Cannot reach PostgreSQL at ${location}: ${err.code ?? ""} ${err.message}`.replace(/\s+/g, " ").trim());
  }
  const db = drizzle(pool, { schema }) as unknown as Db;
  return { db, engine: "postgres", location, driver: { engine: "postgres", url }, close: () => pool.end() };
}

async function openPglite(target: { dataDir: string } | { memory: true }): Promise<OpenedDb> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if ("memory" in target) {
    const client = await PGlite.create();
    return {
      db: drizzle(client, { schema }) as unknown as Db,
      engine: "pglite",
      location: "memory",
      driver: { engine: "pglite", client },
      close: () => client.close(),
    };
  }
  const dir = path.resolve(target.dataDir, "pglite");
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new DatabaseOpenError(`The data folder ${target.dataDir} is not writable: ${(e as Error).message}`);
  }
  // PGlite has no cross-process lock: two processes on one folder would corrupt it.
  const release = acquireDirLock(path.resolve(target.dataDir, "pglite.lock"));
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dir);
    await client.query("select 1");
  } catch (e) {
    release();
    const fresh = !existsSync(path.join(dir, "PG_VERSION"));
    throw new DatabaseOpenError(
      `Cannot open the embedded database in ${dir}${fresh ? "" : " (is it corrupt? move it away to start fresh)"}: ${(e as Error).message ?? e}`,
    );
  }
  return {
    db: drizzle(client, { schema }) as unknown as Db,
    engine: "pglite",
    location: dir,
    driver: { engine: "pglite", client },
    close: async () => {
      await client.close();
      release();
    },
  };
}

export async function migrateDb(opened: OpenedDb): Promise<void> {
  const before = await appliedMigrations(opened.db);
  if (opened.engine === "postgres") {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    // Advisory lock: several app instances starting at once must not race the migrator.
    await opened.db.execute("select pg_advisory_lock(727274)" as never);
    try {
      await migrate(opened.db as never, { migrationsFolder: MIGRATIONS });
    } finally {
      await opened.db.execute("select pg_advisory_unlock(727274)" as never);
    }
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(opened.db as never, { migrationsFolder: MIGRATIONS });
  }
  // New tables and indexes start without statistics (PGlite has no autovacuum to gather them).
  if ((await appliedMigrations(opened.db)) > before) await analyseAll(opened.db);
}

async function appliedMigrations(db: Db): Promise<number> {
  type Rows = { rows: { n: number | null }[] };
  const exists = (await db.execute("select to_regclass('drizzle.__drizzle_migrations') is not null as n" as never)) as unknown as Rows;
  if (!exists.rows[0]?.n) return 0;
  const res = (await db.execute("select count(*)::int as n from drizzle.__drizzle_migrations" as never)) as unknown as Rows;
  return Number(res.rows[0]?.n ?? 0);
}

/** Where this process's database lives, from the environment. */
export function targetFromEnv(): DbTarget {
  const { DATABASE_URL, DATA_DIR } = env();
  if (DATABASE_URL) return { url: DATABASE_URL };
  return { dataDir: DATA_DIR || path.join(process.cwd(), "data") };
}

type GlobalWithDb = typeof globalThis & { __kotaniDb?: Promise<OpenedDb> };

/**
 * The process-wide database, opened lazily on first use. Kept on globalThis because Next
 * gives route and page bundles separate module instances; a module-level singleton would
 * open the PGlite folder twice.
 */
export function getOpenedDb(): Promise<OpenedDb> {
  const g = globalThis as GlobalWithDb;
  if (!g.__kotaniDb) {
    g.__kotaniDb = openDb(targetFromEnv()).catch((e) => {
      g.__kotaniDb = undefined;
      console.error(`[db] ${(e as Error).message}`);
      throw e;
    });
  }
  return g.__kotaniDb;
}

export async function getDb(): Promise<Db> {
  return (await getOpenedDb()).db;
}
