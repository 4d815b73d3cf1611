import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions) as (req: Request, ctx: RouteContext) => Promise<Response>;

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** Sign-in forms are tiny: refuse anything bigger before next-auth parses it. */
const MAX_BODY_BYTES = 16 * 1024;

export async function GET(req: Request, ctx: RouteContext): Promise<Response> {
  return handler(req, ctx);
}

/**
 * next-auth answers every refused credentials sign-in with 401. A locked account or IP
 * (authorize() reports "TooManyAttempts", lib/auth/sign-in.ts) answers 429 instead, with the
 * same body shape; the login form shows "Too many attempts…". The lock itself is decided in
 * authorize(), before any password work, so there is one source of truth.
 */
export async function POST(req: Request, ctx: RouteContext): Promise<Response> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return Response.json({ error: "Request too large" }, { status: 413, headers: { "cache-control": "no-store" } });
  }
  const res = await handler(req, ctx);
  const { nextauth } = await ctx.params;
  if (res.status !== 401 || nextauth?.[0] !== "callback" || nextauth[1] !== "credentials") return res;
  if (!(res.headers.get("content-type") ?? "").includes("application/json")) return res;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { url?: string } | null;
  let error: string | null = null;
  try {
    error = body?.url ? new URL(body.url).searchParams.get("error") : null;
  } catch {
    /* not a URL */
  }
  if (error !== "TooManyAttempts") return res;
  const headers = new Headers(res.headers);
  headers.set("retry-after", "900");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status: 429, headers });
}
