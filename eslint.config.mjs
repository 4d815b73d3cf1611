import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      // Builds in a custom NEXT_DIST_DIR (next.config.js), e.g. .next-tx.
      ".next-*/**",
      "data/**",
      ".test-data/**",
      "test-data/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "blob-report/**",
      "coverage/**",
      "outbox/**",
      ".pg/**",
      "next-env.d.ts",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
];

export default config;
