// The databases a bench runs on: PostgreSQL in a throwaway database created through an admin URL
// (BENCH_DATABASE_URL, e.g. from scripts/pg-throwaway.sh) and dropped afterwards — or, without
// CREATEDB rights, the URL's own database — and PGlite in memory. Import after server-only-hook.mts.
import { randomBytes } from "node:crypto";
import type { OpenedDb } from "../lib/db/client";

const { openDb } = await import("../lib/db/client");

export async function onThrowawayPostgres<T>(adminUrl: string, prefix: string, run: (opened: OpenedDb) => Promise<T>): Promise<T> {
  const { Client } = await import("pg");
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  let target = adminUrl;
  let created = false;
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    target = u.toString();
    created = true;
  } catch (e) {
    console.error(`[bench] cannot create a throwaway database (${(e as Error).message}); using the URL's database`);
  }
  try {
    const opened = await openDb({ url: target });
    try {
      return await run(opened);
    } finally {
      await opened.close();
    }
  } finally {
    if (created) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
  }
}

export async function onMemoryPglite<T>(run: (opened: OpenedDb) => Promise<T>): Promise<T> {
  const opened = await openDb({ memory: true });
  try {
    return await run(opened);
  } finally {
    await opened.close();
  }
}
