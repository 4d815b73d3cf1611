import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws when imported outside a React Server bundle.
      { find: /^server-only$/, replacement: path.join(root, "test/empty.ts") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**", ".next/**", "data/**", ".test-data/**", "test-results/**"],
    setupFiles: ["./test/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // 2 cores, and each in-memory PGlite is ~100 MB: few forked workers.
    pool: "forks",
    maxWorkers: 2,
  },
});
