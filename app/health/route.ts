import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";

/**
 * GET /health (§1.1): no authentication. 200 `{status:"ok", info, error, details}` when the
 * database answers `select 1`; 503 with status "error" when it does not. Never cached.
 */
export async function GET(): Promise<Response> {
  const headers = { "content-type": "application/json", "cache-control": "no-store" };
  try {
    await (await getDb()).execute(sql`select 1`);
    const up = { database: { status: "up" } };
    return new Response(JSON.stringify({ status: "ok", info: up, error: {}, details: up }), { status: 200, headers });
  } catch (e) {
    console.error("[health] database check failed", e);
    const down = { database: { status: "down", message: "Could not connect" } };
    return new Response(JSON.stringify({ status: "error", info: {}, error: down, details: down }), {
      status: 503,
      headers,
    });
  }
}
