import { NextResponse } from "next/server";
import { z } from "zod";
import { gatedRoute } from "@/lib/auth/guard";
import { AppError } from "@/lib/auth/errors";
import { CONTEXT_COOKIE, contextCookieOptions, encodeContextCookie } from "@/lib/auth/context-cookie";
import { contextFromQuery, switchContext } from "@/lib/auth/switch-context";
import { CONTEXT_REFUSED_PARAM, withContext } from "@/lib/context-url";
import { safeCallbackUrl } from "@/lib/safe-redirect";

/**
 * GET /api/context/switch?to=/collections?m=KE-KES&env=sandbox&tx=…
 *
 * A shared link carries its market and environment (`m`, `env`). When they differ from the
 * member's selection, proxy.ts redirects here: the member's selection switches to the link's
 * (same checks as the selectors) and they land on the link. When the member's organisation does
 * not have that market or environment, nothing changes: they land on the link in their current
 * selection, with `ctx_refused` telling the shell to say why.
 */
export const GET = gatedRoute("signed-in", z.object({ to: z.string().max(2048).optional() }), async ({ db, scope, input, meta, req }) => {
  const target = new URL(safeCallbackUrl(input.to, "/"), req.url);
  const wanted = contextFromQuery(target.searchParams.get("m"), target.searchParams.get("env"));
  let selection = { environment: scope.environment, market: scope.market };
  let refused: string | null = null;
  if (!wanted) {
    refused = "The link names an unknown market or environment.";
  } else {
    try {
      selection = await switchContext(db, scope, wanted, meta);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      refused = e.message;
    }
  }
  const landing = withContext(target, selection);
  if (refused) landing.searchParams.set(CONTEXT_REFUSED_PARAM, refused);
  // A relative Location: behind a proxy or on another host name, req.url's origin is not the one the
  // browser used (its cookies would not follow).
  const res = new NextResponse(null, {
    status: 303,
    headers: { location: `${landing.pathname}${landing.search}${landing.hash}`, "cache-control": "no-store" },
  });
  if (!refused) res.cookies.set(CONTEXT_COOKIE, encodeContextCookie(scope.principal.userId, selection), contextCookieOptions());
  return res;
});
