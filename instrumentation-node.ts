import { getOpenedDb } from "./lib/db/client";

/**
 * Open (and migrate) the database now, so a broken DATA_DIR / DATABASE_URL stops the server with
 * one clear line instead of failing the first visitor, and the first request doesn't pay for
 * opening PGlite. Skipped while `next build` collects pages.
 */
export async function openDatabaseAtStart() {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const opened = await getOpenedDb();
    console.log(`[db] ${opened.engine} ready at ${opened.location}`);
  } catch (e) {
    console.error(`kotani-backoffice: ${(e as Error).message}`);
    process.exit(1);
  }
}
