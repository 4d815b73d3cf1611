import { gatedRoute } from "@/lib/auth/guard";
import { listKeysSchema } from "@/lib/api-keys/schemas";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";

/** The API Keys page: this environment's keys scoped by the owner filter, and the members to choose from. */
export const GET = gatedRoute("api_keys.manage", listKeysSchema, async ({ db, scope, input }) => listApiKeys(db, scope, input));
