// Demo data: `npm run seed -- [--transactions N] [--seed N] [--reset] [--if-empty]`.
// Opens the database from the environment (DATABASE_URL, else PGlite in DATA_DIR or ./data).
//   --reset      drop everything (schemas public and drizzle), migrate again, then seed
//   --if-empty   seed only when no integrator exists (used by `npm start` on first start)
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { DatabaseOpenError, migrateDb, openDb, targetFromEnv, type OpenedDb } from "../lib/db/client";
import { DEFAULT_SEED, DEFAULT_TRANSACTIONS, DEMO_EMAIL, DEMO_PASSWORD, seed } from "../lib/db/seed";

function fail(message: string): never {
  console.error(`seed: ${message.replace(/\s+/g, " ").trim()}`);
  process.exit(1);
}

function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.replace(/_/g, ""))) fail(`--${name} needs a whole number, got "${value}"`);
  return Number(value.replace(/_/g, ""));
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      transactions: { type: "string" },
      seed: { type: "string" },
      reset: { type: "boolean", default: false },
      "if-empty": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (e) {
  fail((e as Error).message);
}
if (args.help) {
  console.log("usage: npm run seed -- [--transactions N] [--seed N] [--reset] [--if-empty]");
  process.exit(0);
}
const transactions = intFlag("transactions", args.transactions, DEFAULT_TRANSACTIONS);
const seedValue = intFlag("seed", args.seed, DEFAULT_SEED);

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
let opened: OpenedDb | undefined;
let refusal: string | undefined;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const res = (await opened!.db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

try {
  opened = await openDb(targetFromEnv(), { migrate: !args.reset });
  console.log(
    `[seed] ${opened.engine === "pglite" ? "PGlite" : "PostgreSQL"} at ${opened.location} (open + migrate ${elapsed()})`,
  );

  if (args.reset) {
    await opened.db.execute(sql`drop schema if exists drizzle cascade`);
    await opened.db.execute(sql`drop schema if exists public cascade`);
    await opened.db.execute(sql`create schema public`);
    await migrateDb(opened);
    console.log(`[seed] reset: schemas dropped and migrated again (${elapsed()})`);
  }

  const [{ integrators }] = await rows<{ integrators: number }>(
    sql`select count(*)::int as integrators from integrators`,
  );
  if (integrators > 0) {
    if (args["if-empty"]) {
      console.log(`[seed] the database already has data (${integrators} integrators): not seeding`);
    } else {
      refusal = "the database already has data; use --reset to wipe it first, or --if-empty to skip";
    }
  } else {
    console.log(`[seed] seeding ${transactions.toLocaleString("en-US")} transactions (seed ${seedValue})…`);
    const result = await seed(opened.db, {
      transactions,
      seed: seedValue,
      log: (msg) => console.log(`[seed]   ${msg}`),
    });
    const written = Object.entries(result.rows)
      .map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`)
      .join(", ");
    console.log(`[seed] rows: ${written}`);
    // The planner's statistics and the visibility map (index-only scans) for the new rows: PGlite
    // runs no autovacuum, and on PostgreSQL it would get there minutes later.
    await opened.db.execute(sql`vacuum analyze`);
    console.log(`[seed] vacuum analyze done (${elapsed()})`);
    console.log(`[seed] done in ${elapsed()}. Demo login: ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
  }
} catch (e) {
  if (opened) await opened.close().catch(() => {});
  if (e instanceof DatabaseOpenError) fail(e.message);
  const err = e as Error & { detail?: string; cause?: { message?: string; detail?: string } };
  const detail = err.detail ?? err.cause?.detail ?? err.cause?.message;
  fail(`${err.message ?? e}${detail && !String(err.message).includes(detail) ? ` (${detail})` : ""}`);
}
await opened!.close();
if (refusal) fail(refusal);
