import "server-only";
import type { LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import { env } from "@/lib/env";
import {
  type LookupFn,
  type ResolvedAddress,
  UnsafeUrlError,
  bareHostname,
  checkWebhookUrlSyntax,
  defaultPort,
  parseAllowHosts,
  resolveSafeAddresses,
} from "./ssrf-guard";

/**
 * One webhook delivery over HTTP(S), safe to point at a URL a customer typed:
 * - every hop's URL is checked (ssrf-guard.ts) and the socket connects only to the addresses that
 *   were judged (a pinned `lookup`): a DNS answer that changes after the check is never used;
 * - redirects (301/302/303/307/308) are followed by hand, at most `maxRedirects`, each checked again;
 * - one deadline covers DNS, connecting, every hop and reading the body;
 * - at most `maxResponseBytes` of the answer is read.
 * It never throws: a refused URL, a network error or the deadline is `ok: false` with `error`.
 */

export type SafePostResult = {
  ok: boolean;
  /** The last HTTP status received (a refused redirect keeps its 3xx), null when none arrived. */
  status: number | null;
  /** The last response's body, cut at maxResponseBytes (empty for a redirect). */
  responseBody: string;
  responseHeaders: Record<string, string>;
  durationMs: number;
  error: string | null;
  /** The last URL a request was sent to (a refused redirect target is named in `error`). */
  finalUrl: string;
  redirects: number;
};

export type SafePostOptions = {
  /** One deadline for the whole delivery: DNS, connect, every hop and the body. */
  timeoutMs?: number;
  maxRedirects?: number;
  maxResponseBytes?: number;
  /** Refuse http:// (production). Defaults to false: the caller decides. */
  requireHttps?: boolean;
  /** Defaults to WEBHOOK_ALLOW_HOSTS, read at call time. */
  allowHosts?: Set<string>;
  /** DNS resolution (tests); defaults to dns.promises.lookup(host, { all: true, verbatim: true }). */
  lookup?: LookupFn;
};

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers this module owns: the caller's values are dropped. */
const OWN_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade"]);
/** Not forwarded to another origin on a redirect (as fetch does). */
const CREDENTIAL_HEADERS = new Set(["authorization", "cookie", "proxy-authorization"]);

class DeadlineError extends Error {
  constructor() {
    super("deadline");
    this.name = "DeadlineError";
  }
}

type Hop = { status: number; headers: Record<string, string>; location: string | null };
/** What the current hop has received so far: kept when the deadline strikes mid-response. */
type Progress = { status: number | null; headers: Record<string, string>; chunks: Buffer[]; bytes: number };

export async function safePost(
  url: string,
  body: string,
  headers: Record<string, string>,
  opts: SafePostOptions = {},
): Promise<SafePostResult> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxRedirects = opts.maxRedirects ?? 3;
  const maxResponseBytes = opts.maxResponseBytes ?? 64 * 1024;
  const requireHttps = opts.requireHttps ?? false;
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);

  let finalUrl = url;
  let redirects = 0;
  const progress: Progress = { status: null, headers: {}, chunks: [], bytes: 0 };
  const result = (error: string | null): SafePostResult => ({
    ok: error === null && progress.status !== null && progress.status >= 200 && progress.status < 300,
    status: progress.status,
    responseBody: Buffer.concat(progress.chunks).toString("utf8"),
    responseHeaders: progress.headers,
    durationMs: Math.round(performance.now() - started),
    error,
    finalUrl,
    redirects,
  });

  try {
    const allowHosts = opts.allowHosts ?? parseAllowHosts(env().WEBHOOK_ALLOW_HOSTS);
    let current = url;
    let method = "POST";
    let payload: string | null = body;
    let sendHeaders = ownHeadersRemoved(headers);
    let redirected = false;

    for (;;) {
      let target: URL;
      let addresses: ResolvedAddress[];
      try {
        target = checkWebhookUrlSyntax(current, { requireHttps });
        addresses = await beforeDeadline(
          resolveSafeAddresses(target, { allowHosts, lookup: opts.lookup }),
          controller.signal,
        );
      } catch (error) {
        if (!(error instanceof UnsafeUrlError)) throw error;
        return result(redirected ? redirectRefused(error, current) : error.message);
      }

      if (redirected) redirects += 1;
      finalUrl = target.href;
      Object.assign(progress, { status: null, headers: {}, chunks: [], bytes: 0 });
      const hop = await sendOnce({
        target,
        addresses,
        method,
        payload,
        headers: sendHeaders,
        signal: controller.signal,
        maxResponseBytes,
        progress,
      });

      if (!REDIRECT_STATUSES.has(hop.status) || hop.location === null) return result(null);
      if (redirects >= maxRedirects) return result("Too many redirects");
      let next: URL;
      try {
        next = new URL(hop.location, target);
      } catch {
        return result("Redirect refused: the Location header is not a valid URL");
      }
      redirected = true;
      if (hop.status === 303) {
        method = "GET";
        payload = null;
        sendHeaders = withoutHeaders(sendHeaders, (name) => name === "content-type");
      }
      if (next.origin !== target.origin) {
        sendHeaders = withoutHeaders(sendHeaders, (name) => CREDENTIAL_HEADERS.has(name));
      }
      current = next.href;
    }
  } catch (error) {
    if (controller.signal.aborted || error instanceof DeadlineError) {
      return result(`Timed out after ${formatSeconds(timeoutMs)}`);
    }
    return result(networkMessage(error));
  } finally {
    clearTimeout(timer);
  }
}

/** Sends one request to one of the judged addresses; resolves once the body is read (or cut). */
function sendOnce(p: {
  target: URL;
  addresses: ResolvedAddress[];
  method: string;
  payload: string | null;
  headers: Record<string, string>;
  signal: AbortSignal;
  maxResponseBytes: number;
  progress: Progress;
}): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    if (p.signal.aborted) return reject(new DeadlineError());
    const { target, progress } = p;
    const host = bareHostname(target);
    const isHttps = target.protocol === "https:";
    const isLiteral = net.isIP(host) !== 0;

    // DNS pinning: the socket may only use the addresses resolveSafeAddresses judged.
    const pinnedLookup: LookupFunction = (hostname, options, callback) => {
      const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
      const list = p.addresses.filter((a) => family === 0 || a.family === family);
      if (hostname !== host || list.length === 0) {
        const error: NodeJS.ErrnoException = new Error(`No checked address for ${hostname}`);
        error.code = "ENOTFOUND";
        callback(error, "", undefined);
        return;
      }
      if (options.all)
        callback(
          null,
          list.map((a): LookupAddress => ({ address: a.address, family: a.family })),
        );
      else callback(null, list[0]!.address, list[0]!.family);
    };

    const requestHeaders: Record<string, string | number> = { ...p.headers, host: target.host };
    if (p.payload !== null) requestHeaders["content-length"] = Buffer.byteLength(p.payload);

    let settled = false;
    let res: http.IncomingMessage | null = null;
    let req: http.ClientRequest;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      p.signal.removeEventListener("abort", onAbort);
      action();
    };
    const close = () => {
      res?.destroy();
      req.destroy();
    };
    const onAbort = () =>
      finish(() => {
        close();
        reject(new DeadlineError());
      });

    try {
      req = (isHttps ? https : http).request({
        protocol: target.protocol,
        hostname: host,
        port: defaultPort(target),
        method: p.method,
        path: `${target.pathname}${target.search}`,
        headers: requestHeaders,
        agent: false,
        lookup: isLiteral ? undefined : pinnedLookup,
        servername: isHttps && !isLiteral ? host : undefined,
      });
    } catch (error) {
      reject(error);
      return;
    }
    p.signal.addEventListener("abort", onAbort, { once: true });

    req.on("error", (error) => finish(() => reject(error)));
    req.on("response", (response) => {
      res = response;
      const status = response.statusCode ?? 0;
      progress.status = status;
      progress.headers = flattenHeaders(response.headers);
      const location = typeof response.headers.location === "string" ? response.headers.location : null;
      const hop: Hop = { status, headers: progress.headers, location };
      if (REDIRECT_STATUSES.has(status) && location !== null) {
        // A redirect's body is never read.
        finish(() => {
          close();
          resolve(hop);
        });
        return;
      }
      response.on("data", (chunk: Buffer) => {
        if (settled) return;
        const room = p.maxResponseBytes - progress.bytes;
        const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
        progress.chunks.push(kept);
        progress.bytes += kept.length;
        if (progress.bytes >= p.maxResponseBytes) {
          finish(() => {
            close();
            resolve(hop);
          });
        }
      });
      response.on("end", () => finish(() => resolve(hop)));
      response.on("error", (error) => finish(() => reject(error)));
      response.on("close", () => {
        if (!response.complete) {
          const error: NodeJS.ErrnoException = new Error("Connection closed before the response was complete");
          error.code = "ECONNRESET";
          finish(() => reject(error));
        }
      });
    });
    if (p.payload !== null) req.end(p.payload);
    else req.end();
  });
}

/** Rejects with DeadlineError when the signal aborts first (DNS cannot be cancelled, only abandoned). */
function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DeadlineError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DeadlineError());
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function redirectRefused(error: UnsafeUrlError, location: string): string {
  let where = "";
  try {
    where = ` (${new URL(location).host})`;
  } catch {
    // not a URL: the message says why
  }
  if (error.reason === "forbidden") return `Redirect to a forbidden address refused${where}`;
  return `Redirect refused${where}: ${error.message}`;
}

function ownHeadersRemoved(headers: Record<string, string>): Record<string, string> {
  return withoutHeaders(headers, (name) => OWN_HEADERS.has(name));
}

function withoutHeaders(headers: Record<string, string>, drop: (lowerName: string) => boolean) {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop(name.toLowerCase())));
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: "Connection refused",
  ECONNRESET: "Connection reset by the receiver",
  EPIPE: "Connection closed by the receiver",
  EHOSTUNREACH: "Host unreachable",
  ENETUNREACH: "Network unreachable",
  ETIMEDOUT: "Connection timed out",
  ENOTFOUND: "Host not found",
  EAI_AGAIN: "DNS lookup failed",
};

/** A short message for the delivery log: what went wrong, with the system code. */
function networkMessage(error: unknown): string {
  const err = error as NodeJS.ErrnoException | null;
  const code = typeof err?.code === "string" ? err.code : null;
  if (code && NETWORK_MESSAGES[code]) return `${NETWORK_MESSAGES[code]} (${code})`;
  if (code?.startsWith("HPE_")) return `Invalid HTTP response from the receiver (${code})`;
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET/.test(code)) return `TLS error (${code})`;
  const message = (err instanceof Error ? err.message : String(error)).slice(0, 200);
  return code ? `${message} (${code})` : message || "Request failed";
}
