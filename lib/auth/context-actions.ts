"use server";

import { cookies } from "next/headers";
import { gatedAction } from "./guard";
import { CONTEXT_COOKIE, contextCookieOptions, encodeContextCookie } from "./context-cookie";
import { selectContextSchema, switchContext } from "./switch-context";

/** The market and environment selectors (and the first-sign-in environment gate). */
export const selectContext = gatedAction("context.select", "signed-in", selectContextSchema, async ({ db, scope, input, meta }) => {
  const resolved = await switchContext(db, scope, input, meta);
  (await cookies()).set(CONTEXT_COOKIE, encodeContextCookie(scope.principal.userId, resolved), contextCookieOptions());
  return resolved;
});
