import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { PayloadTooLargeError, readBodyBytes } from "@/lib/http/read-json-body";

const handler = NextAuth(authOptions) as (req: Request, ctx: RouteContext) => Promise<Response>;

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * Sign-in forms are tiny: refuse anything bigger before next-auth parses it. Counted on the bytes
 * streamed (a chunked body has no Content-Length, and a client may send a false one).
 */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The catch-all's segments, or null when Next could not decode them (/api/auth/%C0%AF rejects the
 * params promise): a plain 404 then, before next-auth (which would throw, a 500) sees the request.
 */
async function segments(ctx: RouteContext): Promise<string[] | null> {
  try {
    return (await ctx.params).nextauth ?? [];
  } catch {
    return null;
  }
}

function notFound(): Response {
  return Response.json({ error: "Not found" }, { status: 404, headers: { "cache-control": "no-store" } });
}

export async function GET(req: Request, ctx: RouteContext): Promise<Response> {
  const nextauth = await segments(ctx);
  if (!nextauth) return notFound();
  return handler(req, { params: Promise.resolve({ nextauth }) });
}

/**
 * next-auth answers every refused credentials sign-in with 401. A locked account or IP
 * (authorize() reports "TooManyAttempts", lib/auth/sign-in.ts) answers 429 instead, with the
 * same body shape; the login form shows "Too many attempts…". The lock itself is decided in
 * authorize(), before any password work, so there is one source of truth.
 */
export async function POST(req: Request, ctx: RouteContext): Promise<Response> {
  const nextauth = await segments(ctx);
  if (!nextauth) return notFound();
  let bytes: Uint8Array;
  try {
    bytes = await readBodyBytes(req, MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof PayloadTooLargeError) {
      return Response.json(
        { error: "Request too large", message: e.message },
        { status: 413, headers: { "cache-control": "no-store" } },
      );
    }
    return Response.json(
      { error: "Bad request", message: "The request body could not be read" },
      { status: 400, headers: { "cache-control": "no-store" } },
    );
  }
  const res = await handler(bodyFrom(req, bytes), { params: Promise.resolve({ nextauth }) });
  if (res.status !== 401 || nextauth[0] !== "callback" || nextauth[1] !== "credentials") return res;
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

/** The request again, its body the bytes already read (next-auth reads the body and `nextUrl` itself). */
function bodyFrom(req: Request, bytes: Uint8Array): NextRequest {
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new NextRequest(req.url, {
    method: req.method,
    headers,
    body: bytes.byteLength > 0 ? (bytes as BodyInit) : null,
    signal: req.signal,
  });
}
