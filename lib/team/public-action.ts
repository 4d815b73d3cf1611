import "server-only";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { ACTION_REGISTRY, requestMeta, zodFieldErrors, type ActionResult, type RequestMeta } from "@/lib/auth/guard";
import { AppError } from "@/lib/auth/errors";

/**
 * The wrapper for the few server actions that run without a session because a single-use
 * secret is the credential (accepting an invite). Same shape as `gatedAction`: registered in
 * ACTION_REGISTRY (permission null) so the role-matrix test lists it, zod-parsed input,
 * an ActionResult, never throws to the client.
 */
export function publicAction<S extends z.ZodType, R>(
  name: string,
  schema: S,
  handler: (ctx: { db: Db; input: z.infer<S>; meta: RequestMeta }) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  ACTION_REGISTRY.set(name, null);
  return async (rawInput) => {
    try {
      const parsed = schema.safeParse(rawInput);
      if (!parsed.success) {
        const { message, fieldErrors } = zodFieldErrors(parsed.error);
        return { ok: false, error: message, fieldErrors };
      }
      const data = await handler({ db: await getDb(), input: parsed.data, meta: await requestMeta() });
      return { ok: true, data };
    } catch (e) {
      if (e instanceof AppError)
        return { ok: false, error: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
      console.error(`[action] ${name}: unexpected error`, e);
      return { ok: false, error: "Something went wrong. Nothing was changed; please try again." };
    }
  };
}
