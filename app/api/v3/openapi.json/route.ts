import { appBaseUrl, env } from "@/lib/env";
import { openApiDocument } from "@/lib/api-v3/openapi";

/**
 * GET /api/v3/openapi.json: the API's OpenAPI document (public, cached 5 minutes). The server URL
 * is the API host the request came to when it is one we serve (API_SANDBOX_HOST /
 * API_PRODUCTION_HOST), else the app's own base URL: never an arbitrary Host header.
 */
export async function GET(req: Request): Promise<Response> {
  const { API_SANDBOX_HOST, API_PRODUCTION_HOST } = env();
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host)
    .split(",")[0]!
    .trim()
    .toLowerCase();
  const baseUrl =
    host && (host === API_SANDBOX_HOST || host === API_PRODUCTION_HOST) ? `https://${host}` : appBaseUrl();
  return new Response(JSON.stringify(openApiDocument(baseUrl)), {
    headers: { "content-type": "application/json", "cache-control": "public, max-age=300" },
  });
}
