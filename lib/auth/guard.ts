import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { headers } from "next/headers";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb, type Db } from "@/lib/db/client";
import { requireScope, can, type MemberScope, type Scope } from "./scope";
import type { Permission } from "./permissions";
import { AppError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "./errors";
import type { Environment } from "@/lib/db/schema/enums";
import { env } from "@/lib/env";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { verifySignedRequest } from "@/lib/api-keys/request-signature";
import { takeRateToken, type RateTier } from "@/lib/api-keys/rate-limit";
import { apiErrorResponse, apiRateLimited, apiSuccess, apiValidationFailure, issuesToErrors } from "@/lib/api-v3/envelope";
import { clientIpFrom } from "./request-meta";
import { toJson } from "@/lib/json";
import { readBodyBytes, readJsonBody, schemaWantsObject } from "@/lib/http/read-json-body";
import { auditedBy, writeAudit } from "@/lib/audit/write-audit";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
}

export async function requestMeta(): Promise<RequestMeta> {
  const h = await headers();
  return { ip: clientIpFrom((n) => h.get(n)), userAgent: h.get("user-agent") };
}

/**
 * What an entry requires of its principal: a permission, any one of several permissions, or only
 * a signed-in member (their own account, the market selector). Public entries (no principal at
 * all) use `publicAction`. Written literally at each entry: the role-matrix test reads it.
 */
export const SIGNED_IN = "signed-in";
export type Requirement = Permission | readonly Permission[] | typeof SIGNED_IN;

function meets(scope: Scope, required: Requirement): boolean {
  if (required === SIGNED_IN) return true;
  if (typeof required === "string") return can(scope, required);
  return required.some((p) => can(scope, p));
}

/** Every mutation in the codebase registers here (public ones as "public"): the role-matrix test enumerates it. */
export const ACTION_REGISTRY = new Map<string, Requirement | "public">();

/** When the organisation requires two-factor, a member without it may only set it up. */
export const TWO_FACTOR_REQUIRED_MESSAGE =
  "Your organisation requires two-factor authentication. Set it up from your account before continuing.";
const TWO_FACTOR_SETUP_ACTIONS = new Set(["account.two_factor_begin", "account.two_factor_enable"]);

/** Zod errors → one message + per-field messages (paths joined with "."). */
export function zodFieldErrors(error: z.ZodError): { message: string; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  return { message: first ? first.message : "Invalid input", fieldErrors };
}

function toActionFailure(e: unknown, name: string): { ok: false; error: string; fieldErrors?: Record<string, string[]> } {
  if (e instanceof AppError) return { ok: false, error: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
  console.error(`[action] ${name}: unexpected error`, e);
  return { ok: false, error: "Something went wrong. Nothing was changed; please try again." };
}

/**
 * A refusal for a missing permission, recorded as a "denied" audit row (ASVS 7.x / 16.3.2: log
 * access-control failures) before the 403. A failed write never hides the refusal itself.
 * Also for an entry whose permission follows from its input (a saved view: its list's read).
 */
export async function refuseMissingPermission(scope: Scope, permission: Requirement, entry: string): Promise<never> {
  try {
    await writeAudit(await getDb(), {
      ...auditedBy(scope, await requestMeta()),
      action: "access.denied",
      targetType: "entry",
      targetId: entry,
      outcome: "denied",
      metadata: { permission, role: scope.role },
    });
  } catch (e) {
    console.error("[audit] could not record a denied access", e);
  }
  throw new ForbiddenError();
}

/** What both action wrappers do once the caller is let in: parse the input (field errors on failure), run, wrap the result. */
async function parseAndRun<S extends z.ZodType, R>(schema: S, rawInput: unknown, run: (input: z.infer<S>) => Promise<R>): Promise<ActionResult<R>> {
  const parsed = schema.safeParse(rawInput);
  if (!parsed.success) {
    const { message, fieldErrors } = zodFieldErrors(parsed.error);
    return { ok: false, error: message, fieldErrors };
  }
  return { ok: true, data: await run(parsed.data) };
}

export interface GateContext<I> {
  db: Db;
  scope: MemberScope;
  input: I;
  meta: RequestMeta;
}

/**
 * The one wrapper for server actions: parse the input with its zod schema, resolve the scope,
 * check the permission, call the service, return an ActionResult. Never throws to the client.
 */
export function gatedAction<S extends z.ZodType, R>(
  name: string,
  permission: Requirement,
  schema: S,
  handler: (ctx: GateContext<z.infer<S>>) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  ACTION_REGISTRY.set(name, permission);
  return async (rawInput) => {
    try {
      const scope = await requireScope();
      if (scope.needsTwoFactorSetup && !TWO_FACTOR_SETUP_ACTIONS.has(name)) throw new ForbiddenError(TWO_FACTOR_REQUIRED_MESSAGE);
      if (!meets(scope, permission)) await refuseMissingPermission(scope, permission, `action ${name}`);
      return await parseAndRun(schema, rawInput, async (input) => handler({ db: await getDb(), scope, input, meta: await requestMeta() }));
    } catch (e) {
      return toActionFailure(e, name);
    }
  };
}

/**
 * The wrapper for the few server actions that run without a session because the input carries
 * the credential (a single-use invite or reset token, later a payment link's public code). Same
 * shape as `gatedAction` otherwise: registered, zod-parsed input, an ActionResult, never throws.
 * Throttling is the handler's job: what to count (email, token, IP) depends on the action.
 */
export function publicAction<S extends z.ZodType, R>(
  name: string,
  schema: S,
  handler: (ctx: { db: Db; input: z.infer<S>; meta: RequestMeta }) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  ACTION_REGISTRY.set(name, "public");
  return async (rawInput) => {
    try {
      return await parseAndRun(schema, rawInput, async (input) => handler({ db: await getDb(), input, meta: await requestMeta() }));
    } catch (e) {
      return toActionFailure(e, name);
    }
  };
}

/** A JSON error body with the status of the error; unknown errors are a logged, generic 500. */
export function errorResponse(e: unknown): NextResponse {
  if (e instanceof AppError) {
    return NextResponse.json(
      { success: false, message: e.message, error_code: e.status, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) },
      { status: e.status, headers: { "cache-control": "no-store" } },
    );
  }
  console.error("[api] unexpected error", e);
  return NextResponse.json({ success: false, message: "Internal error", error_code: 500 }, { status: 500 });
}

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** State-changing route handlers get no CSRF check from Next: refuse cross-site callers here. */
function assertSameOrigin(req: Request): void {
  if (!MUTATING.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site") throw new ForbiddenError("Cross-site request refused");
  const origin = req.headers.get("origin");
  if (origin === null) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    /* "null" or garbage */
  }
  if (!host || originHost !== host) throw new ForbiddenError("Cross-origin request refused");
}

/**
 * The one wrapper for route handlers: same-origin check for mutations, scope, permission,
 * zod-parsed query (GET) or JSON body, then the handler's value as JSON (bigints as strings).
 */
export function gatedRoute<S extends z.ZodType, P = Record<string, string>>(
  /** The permission, or (for a route whose segment picks the resource) a function of the params. */
  permission: Requirement | ((params: P) => Requirement),
  schema: S,
  handler: (ctx: GateContext<z.infer<S>> & { req: Request; params: P }) => Promise<unknown>,
  /**
   * `maxBodyBytes`: the body limit, DEFAULT_JSON_BODY_LIMIT (64 kB) unless a route needs more.
   * `rawBody`: the body is a file, not JSON: the schema gets the query's fields and `body`, its bytes.
   */
  options?: { maxBodyBytes?: number; rawBody?: boolean },
) {
  return async (req: Request, routeCtx: { params: Promise<P> }): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const scope = await requireScope().catch((e) => {
        throw e instanceof AppError ? e : new UnauthorizedError();
      });
      if (scope.needsTwoFactorSetup) throw new ForbiddenError(TWO_FACTOR_REQUIRED_MESSAGE);
      const params = await routeParams(routeCtx.params);
      const needed = typeof permission === "function" ? permission(params) : permission;
      if (!meets(scope, needed)) {
        await refuseMissingPermission(scope, needed, `${req.method} ${new URL(req.url).pathname}`);
      }
      let raw: unknown;
      if (req.method === "GET" || req.method === "HEAD") {
        raw = Object.fromEntries(groupParams(new URL(req.url).searchParams));
      } else if (options?.rawBody) {
        raw = { ...Object.fromEntries(groupParams(new URL(req.url).searchParams)), body: await readBodyBytes(req, options.maxBodyBytes) };
      } else {
        // Streamed with a byte limit (413 past it, whatever Content-Length says), then parsed.
        raw = await readJsonBody(req, { limit: options?.maxBodyBytes, object: schemaWantsObject(schema) });
      }
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const { message, fieldErrors } = zodFieldErrors(parsed.error);
        throw new ValidationError(message, fieldErrors);
      }
      const result = await handler({
        db: await getDb(),
        scope,
        input: parsed.data,
        meta: await requestMeta(),
        req,
        params,
      });
      if (result instanceof Response) return result;
      return new NextResponse(toJson(result), {
        headers: { "content-type": "application/json", "cache-control": "no-store" },
      });
    } catch (e) {
      // A page navigation that lands on a route (a link's context switch) signs in and comes back
      // to the same route, not a JSON 401. A relative Location: req.url's origin may not be the browser's.
      if (e instanceof UnauthorizedError && req.method === "GET" && req.headers.get("accept")?.includes("text/html")) {
        const { pathname, search } = new URL(req.url);
        return new NextResponse(null, { status: 303, headers: { location: `/login?${new URLSearchParams({ callbackUrl: `${pathname}${search}` })}` } });
      }
      return errorResponse(e);
    }
  };
}

/** A path segment that is not valid percent-encoding (/api/wallets/%C0%AF) rejects Next's params: a 404, like an unknown id. */
async function routeParams<P>(params: Promise<P>): Promise<P> {
  try {
    return await params;
  } catch {
    throw new NotFoundError("Not found");
  }
}

/** Repeated keys (?status=A&status=B) become arrays. */
function groupParams(params: URLSearchParams): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [k, v] of params) {
    const prev = out.get(k);
    out.set(k, prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]);
  }
  return out;
}

/**
 * The page guard: signed in (else the login page), two-factor set up when the organisation
 * requires it (else /two-factor), environment chosen (else the gate), permitted (else the 403
 * page). Returns the scope for the page's queries.
 */
export async function requirePageScope(permission?: Requirement): Promise<MemberScope> {
  let scope: MemberScope;
  try {
    scope = await requireScope();
  } catch (e) {
    if (e instanceof UnauthorizedError) redirect("/login");
    throw e;
  }
  if (scope.needsTwoFactorSetup) redirect("/two-factor");
  if (scope.needsEnvironmentChoice) redirect("/environment");
  if (permission && !meets(scope, permission)) forbidden();
  return scope;
}

/**
 * A page's `params`, or the 404 page when Next could not decode a segment (a path that is not
 * valid percent-encoding, /wallets/%C0%AF, rejects the promise). The page still parses the ids.
 */
export async function pageParams<P>(params: Promise<P>): Promise<P> {
  try {
    return await params;
  } catch {
    notFound();
  }
}

/**
 * The page guard of public pages (no session: an invite link, later a payment link's checkout):
 * the URL's params parsed with their zod schema (anything else is the 404 page), the database
 * and the request's origin. Throttling, where a page needs it, is the page service's job.
 */
export async function requirePublicPage<S extends z.ZodType>(
  schema: S,
  /** The page's `params` promise (or its value): one that rejects (a segment that is not valid percent-encoding, /invite/%C0%AF) is the 404 page too. */
  raw: unknown,
): Promise<{ db: Db; input: z.infer<S>; meta: RequestMeta }> {
  let value: unknown;
  try {
    value = await raw;
  } catch {
    notFound();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return { db: await getDb(), input: parsed.data, meta: await requestMeta() };
}

/**
 * The wrapper for public route handlers that answer a person, not a program (a payment link's
 * hosted checkout, served as plain HTML with no client JavaScript): no principal; the path params
 * parsed with their schema (anything else is `render(404)`), the database and the request's meta.
 * The handler returns its own Response; an AppError it throws is `render(status, message)`, and
 * anything else is logged and rendered as a generic 500. Throttling is the handler's service's job.
 */
export function publicRoute<S extends z.ZodType>(
  paramsSchema: S,
  render: (status: number, message: string) => Response,
  handler: (ctx: { db: Db; params: z.infer<S>; req: Request; meta: RequestMeta }) => Promise<Response>,
) {
  return async (req: Request, routeCtx: { params: Promise<unknown> }): Promise<Response> => {
    let rawParams: unknown;
    try {
      rawParams = await routeCtx.params;
    } catch {
      // A path segment that is not valid percent-encoding (/l/%C0%AF).
      return render(404, "Not found");
    }
    const parsed = paramsSchema.safeParse(rawParams);
    if (!parsed.success) return render(404, "Not found");
    try {
      return await handler({ db: await getDb(), params: parsed.data, req, meta: await requestMeta() });
    } catch (e) {
      if (e instanceof AppError) return render(e.status, e.message);
      console.error("[public] unexpected error", e);
      return render(500, "Something went wrong. Nothing was charged; please try again.");
    }
  };
}


/** Which environment a public API request's host serves (API_SANDBOX_HOST / API_PRODUCTION_HOST), or null: the key decides. */
function environmentOfHost(req: Request): Environment | null {
  const { API_SANDBOX_HOST, API_PRODUCTION_HOST } = env();
  const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? new URL(req.url).host).split(",")[0]!.trim().toLowerCase();
  if (API_PRODUCTION_HOST && host === API_PRODUCTION_HOST) return "production";
  if (API_SANDBOX_HOST && host === API_SANDBOX_HOST) return "sandbox";
  return null;
}

export interface ApiContext<P, Q, B> {
  db: Db;
  /** The key's scope: its integrator, environment and permissions; `market` is the integrator's default (handlers narrow it to a wallet's). */
  scope: Scope;
  params: P;
  query: Q;
  body: B;
  meta: RequestMeta;
  req: Request;
}

/**
 * The one wrapper for the public v3 API (§1.3–1.6): the principal is the API key from
 * `Authorization: Bearer` (never a cookie), a secure key's signature and nonce, the tier's rate
 * limit, the permission, then the path params (anything malformed is `notFoundMessage`), the
 * query and the JSON body (unknown keys refused) parsed with their zod schemas, and the handler's
 * `{message, data}` in the envelope. Every failure is the documented 4xx envelope; nothing here
 * answers 500 for anything a client sends.
 */
export function apiRoute<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(
  spec: {
    /** null: any valid key (rates, health of the key). */
    permission: Permission | null;
    tier: RateTier;
    params?: P;
    query?: Q;
    body?: B;
    /** What a malformed or unknown path id answers (the spec's own words, e.g. "Wallet Not Found"). */
    notFoundMessage?: string;
  },
  handler: (ctx: ApiContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<{ message: string; data: unknown; status?: number }>,
) {
  return async (req: Request, routeCtx: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const now = new Date();
      const db = await getDb();
      const meta = await requestMeta();
      const url = new URL(req.url);
      const key = await authenticateApiKey(db, req.headers.get("authorization"), { now, environment: environmentOfHost(req), ip: meta.ip });

      let rawBody: unknown = undefined;
      if (spec.body) {
        try {
          rawBody = await readJsonBody(req, { object: true });
        } catch (e) {
          // Malformed JSON, an array, an empty body: a validation failure like any other (data.errors).
          if (e instanceof ValidationError) return apiValidationFailure([e.message]);
          throw e;
        }
      }
      if (key.isSecure) {
        await verifySignedRequest(db, key, { method: req.method, pathname: url.pathname, headers: req.headers, body: rawBody }, now);
      }
      const retryAfter = await takeRateToken(db, key.keyId, spec.tier, now);
      if (retryAfter !== null) return apiRateLimited(retryAfter);
      if (spec.permission && !can(key.scope, spec.permission)) {
        await refuseMissingPermission(key.scope, spec.permission, `${req.method} ${url.pathname}`);
      }

      let rawParams: unknown;
      try {
        rawParams = await routeCtx.params;
      } catch {
        throw new NotFoundError(spec.notFoundMessage ?? "Not Found");
      }
      const params = (spec.params ?? z.unknown()).safeParse(rawParams);
      if (!params.success) throw new NotFoundError(spec.notFoundMessage ?? "Not Found");
      const query = (spec.query ?? z.unknown()).safeParse(Object.fromEntries(groupParams(url.searchParams)));
      if (!query.success) return apiValidationFailure(issuesToErrors(query.error));
      const body = (spec.body ?? z.unknown()).safeParse(rawBody);
      if (!body.success) return apiValidationFailure(issuesToErrors(body.error));

      const result = await handler({
        db,
        scope: key.scope,
        params: params.data as z.output<P>,
        query: query.data as z.output<Q>,
        body: body.data as z.output<B>,
        meta,
        req,
      });
      return apiSuccess(result.message, result.data, result.status);
    } catch (e) {
      return apiErrorResponse(e);
    }
  };
}
