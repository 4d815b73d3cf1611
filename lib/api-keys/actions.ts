"use server";

import { gatedAction } from "@/lib/auth/guard";
import { generateApiKey } from "./generate-api-key";
import { revokeApiKey } from "./revoke-api-key";
import { rollApiKey } from "./roll-api-key";
import { setKeyPermissions } from "./set-key-permissions";
import { generateKeySchema, revokeKeySchema, rollKeySchema, setKeyPermissionsSchema } from "./schemas";

/** "+ Generate Key": the key (and a secure key's secret) come back once. Asks for the password again. */
export const generateApiKeyAction = gatedAction("api_keys.generate", "api_keys.manage", generateKeySchema, async ({ db, scope, input, meta }) =>
  generateApiKey(db, scope, input, new Date(), meta),
);

/** "Revoke": immediate. */
export const revokeApiKeyAction = gatedAction("api_keys.revoke", "api_keys.manage", revokeKeySchema, async ({ db, scope, input, meta }) =>
  revokeApiKey(db, scope, input, new Date(), meta),
);

/** "Roll": a new key; the old one works until the chosen time (≤ 7 days). Asks for the password again. */
export const rollApiKeyAction = gatedAction("api_keys.roll", "api_keys.manage", rollKeySchema, async ({ db, scope, input, meta }) =>
  rollApiKey(db, scope, input, new Date(), meta),
);

/** A user-bound key's permissions. */
export const setApiKeyPermissionsAction = gatedAction(
  "api_keys.set_permissions",
  "api_keys.manage",
  setKeyPermissionsSchema,
  async ({ db, scope, input, meta }) => setKeyPermissions(db, scope, input, new Date(), meta),
);
