/**
 * The command palette's "Find" params schema (zod): what GET /api/search parses (the one
 * validation). Kept apart from search-contract.ts, which the palette imports, so zod stays on the
 * server.
 */
import { z } from "zod";
import { searchParam } from "@/lib/client/list-params-schema";

/** What GET /api/search accepts. */
export const searchQuerySchema = z.object({
  /**
   * A transaction reference (its start) or phone number in any typed form, a customer's name,
   * phone or key, a link's name or short code. Control characters are a 400 (searchParam).
   */
  q: searchParam(100),
});
