/**
 * The collection methods, in a zod-free module: New Collection shows them without loading the
 * engine's form schemas (lib/engine/schemas.ts re-exports them).
 */

/** Collection methods: only mobile money (STK push) is live in the sandbox (§3.6). */
export const COLLECTION_METHODS = [
  { value: "MOBILE_MONEY", label: "Mobile money (STK push)", enabled: true },
  { value: "BANK", label: "Bank checkout", enabled: false },
  { value: "CARD", label: "Card", enabled: false },
] as const;
