import { gatedRoute } from "@/lib/auth/guard";
import { searchQuerySchema } from "@/lib/search/search-contract-schema";
import { searchEverything } from "@/lib/search/search-everything";

/** The command palette's "Find": what the member may read, in the selected environment and market (lib/search). */
export const GET = gatedRoute("signed-in", searchQuerySchema, async ({ db, scope, input }) => searchEverything(db, scope, input));
