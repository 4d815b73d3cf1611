/**
 * Runs once when the server starts. The Node.js work lives in instrumentation-node.ts, imported
 * only under the Node.js runtime so the Edge bundle never sees process.exit or the database.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { openDatabaseAtStart } = await import("./instrumentation-node");
    await openDatabaseAtStart();
  }
}
