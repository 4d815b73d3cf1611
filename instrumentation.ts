/**
 * Runs once when the server starts: open (and migrate) the database now, so a broken
 * DATA_DIR / DATABASE_URL stops the server with one clear line instead of failing the first
 * visitor, and the first request doesn't pay for opening PGlite.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getOpenedDb } = await import("./lib/db/client");
  try {
    const opened = await getOpenedDb();
    console.log(`[db] ${opened.engine} ready at ${opened.location}`);
  } catch (e) {
    console.error(`kotani-backoffice: ${(e as Error).message}`);
    process.exit(1);
  }
}
