import "server-only";
import { promises as dns } from "node:dns";
import net from "node:net";
import { env } from "@/lib/env";

/**
 * Where a webhook may be sent: never to the server's own network. A URL is checked twice — when it
 * is saved in Settings (`assertSafeWebhookUrl`) and on every delivery hop (lib/webhooks/safe-post.ts,
 * which connects only to the addresses judged here, so a DNS answer that changes between the check
 * and the connection cannot point it elsewhere).
 *
 * `WEBHOOK_ALLOW_HOSTS` (comma-separated `host[:port]`) lets a development setup or a test reach a
 * receiver on a private address; an allowed host's addresses are not judged.
 */

export type ResolvedAddress = { address: string; family: number };
export type LookupFn = (host: string) => Promise<ResolvedAddress[]>;

export type UnsafeUrlReason = "invalid" | "forbidden" | "unresolved";

export const PRIVATE_ADDRESS_MESSAGE = "Webhook URL must not point to a private, loopback or link-local address";
export const RESOLVES_PRIVATE_MESSAGE = "Webhook URL resolves to a private or reserved address";

/** A webhook URL that must not be saved or called; the message is shown to the member as is. */
export class UnsafeUrlError extends Error {
  readonly reason: UnsafeUrlReason;
  constructor(message: string = PRIVATE_ADDRESS_MESSAGE, reason: UnsafeUrlReason = "forbidden") {
    super(message);
    this.name = "UnsafeUrlError";
    this.reason = reason;
  }
}

// ---------------------------------------------------------------------------------------------
// Addresses

function parseIPv4(ip: string): number | null {
  if (net.isIPv4(ip) === false) return null;
  const parts = ip.split(".").map(Number);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** An IPv6 address (zone id allowed, already checked by net.isIPv6) as a 128-bit integer. */
function parseIPv6(ip: string): bigint | null {
  let s = ip;
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!net.isIPv6(s)) return null;
  // A dotted IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const lastColon = s.lastIndexOf(":");
  const tail = s.slice(lastColon + 1);
  if (tail.includes(".")) {
    const v4 = parseIPv4(tail);
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const groups = [...head, ...Array<string>(fill).fill("0"), ...rest];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

function v4Cidr(cidr: string): [number, number] {
  const [base, bits] = cidr.split("/");
  const prefix = Number(bits);
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return [(parseIPv4(base!)! & mask) >>> 0, mask];
}

function v6Cidr(cidr: string): [bigint, number] {
  const [base, bits] = cidr.split("/");
  const shift = 128 - Number(bits);
  return [parseIPv6(base!)! >> BigInt(shift), shift];
}

/** IPv4 ranges that are not globally reachable (IANA special-purpose registry, RFC 6890 and later). */
const FORBIDDEN_V4 = [
  "0.0.0.0/8", // "this network", unspecified
  "10.0.0.0/8", // private
  "100.64.0.0/10", // carrier-grade NAT
  "127.0.0.0/8", // loopback
  "169.254.0.0/16", // link-local, incl. 169.254.169.254 cloud metadata
  "172.16.0.0/12", // private
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation (TEST-NET-1)
  "192.88.99.0/24", // 6to4 relay anycast (deprecated)
  "192.168.0.0/16", // private
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation (TEST-NET-2)
  "203.0.113.0/24", // documentation (TEST-NET-3)
  "224.0.0.0/4", // multicast
  "240.0.0.0/4", // reserved, incl. 255.255.255.255 broadcast
].map(v4Cidr);

/**
 * IPv6 ranges refused inside global unicast (2000::/3). Everything outside 2000::/3 is refused
 * anyway (::, ::1, fc00::/7 incl. fd00:ec2::254, fe80::/10, fec0::/10, ff00::/8, 100::/64…), except
 * the forms that embed an IPv4 address, which are judged by that address.
 */
const FORBIDDEN_V6 = [
  "2001::/23", // IETF protocol assignments: Teredo 2001::/32, benchmarking 2001:2::/48, ORCHID
  "2001:db8::/32", // documentation
  "3fff::/20", // documentation (RFC 9637)
].map(v6Cidr);

const GLOBAL_UNICAST_V6 = v6Cidr("2000::/3");
const NAT64_WELL_KNOWN = v6Cidr("64:ff9b::/96");
const NAT64_LOCAL = v6Cidr("64:ff9b:1::/48");
const SIX_TO_FOUR = v6Cidr("2002::/16");

function inV6([base, shift]: [bigint, number], value: bigint): boolean {
  return value >> BigInt(shift) === base;
}

function isForbiddenV4(value: number): boolean {
  return FORBIDDEN_V4.some(([base, mask]) => (value & mask) >>> 0 === base);
}

function isForbiddenV6(value: bigint): boolean {
  const low32 = Number(value & 0xffffffffn);
  const high96 = value >> 32n;
  // ::/96 — unspecified (::), loopback (::1) and the deprecated IPv4-compatible ::a.b.c.d.
  if (high96 === 0n) return value <= 1n || isForbiddenV4(low32);
  // ::ffff:a.b.c.d (IPv4-mapped) and ::ffff:0:a.b.c.d (IPv4-translated).
  if (high96 === 0xffffn || high96 === 0xffff0000n) return isForbiddenV4(low32);
  if (inV6(NAT64_WELL_KNOWN, value)) return isForbiddenV4(low32);
  if (inV6(NAT64_LOCAL, value)) return true;
  if (inV6(SIX_TO_FOUR, value)) return isForbiddenV4(Number((value >> 80n) & 0xffffffffn));
  if (!inV6(GLOBAL_UNICAST_V6, value)) return true;
  return FORBIDDEN_V6.some((range) => inV6(range, value));
}

/**
 * True for an address the server must never connect to on a webhook's behalf: anything that is
 * not globally reachable unicast, judged by the embedded IPv4 address for IPv4-mapped,
 * IPv4-compatible, NAT64 and 6to4 forms. Accepts `[v6]` brackets and zone ids; anything that is
 * not an IP address is refused (true).
 */
export function isForbiddenAddress(ip: string): boolean {
  const bare = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  const v4 = parseIPv4(bare);
  if (v4 !== null) return isForbiddenV4(v4);
  const v6 = parseIPv6(bare);
  if (v6 !== null) return isForbiddenV6(v6);
  return true;
}

// ---------------------------------------------------------------------------------------------
// WEBHOOK_ALLOW_HOSTS

/** A hostname as URL gives it (lowercase, IPv6 in brackets), without trailing dots. */
function normalizeHostname(hostname: string): string {
  let h = hostname.trim().toLowerCase().replace(/\.+$/, "");
  if (!h.startsWith("[") && net.isIPv6(h)) h = `[${h}]`;
  return h;
}

function canonicalHost(host: string): string | null {
  if (!host || /[/?#@\\%\s]/.test(host)) return null;
  try {
    const hostname = new URL(`http://${host}/`).hostname;
    return hostname ? normalizeHostname(hostname) : null;
  } catch {
    return null;
  }
}

/**
 * `WEBHOOK_ALLOW_HOSTS`: comma-separated `host[:port]` (IPv6 as `[::1]` or `[::1]:8080`). An entry
 * without a port allows every port of that host. Hosts are normalised like URL hostnames
 * (lowercase, IPv4 shorthand to dotted, IPv6 compressed); entries that are not a host are ignored.
 */
export function parseAllowHosts(value: string | undefined): Set<string> {
  const allow = new Set<string>();
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    let host = entry;
    let port: string | null = null;
    if (entry.startsWith("[")) {
      const close = entry.indexOf("]");
      if (close < 0) continue;
      host = entry.slice(0, close + 1);
      const rest = entry.slice(close + 1);
      if (rest) {
        if (!rest.startsWith(":")) continue;
        port = rest.slice(1);
      }
    } else if (net.isIPv6(entry)) {
      host = `[${entry}]`;
    } else {
      const colon = entry.lastIndexOf(":");
      if (colon >= 0) {
        host = entry.slice(0, colon);
        port = entry.slice(colon + 1);
      }
    }
    if (port !== null && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) continue;
    const canonical = canonicalHost(host);
    if (!canonical) continue;
    allow.add(port === null ? canonical : `${canonical}:${Number(port)}`);
  }
  return allow;
}

/** Whether `hostname` (as URL gives it) on `port` is in the allow-list, for that port or any port. */
export function hostAllowed(allow: Set<string>, hostname: string, port: number): boolean {
  if (allow.size === 0) return false;
  const h = normalizeHostname(hostname);
  return allow.has(h) || allow.has(`${h}:${port}`);
}

// ---------------------------------------------------------------------------------------------
// URLs

const MAX_URL_LENGTH = 2048;
// C0/C1 controls, every Unicode space or separator, and backslashes.
const FORBIDDEN_CHARS = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f\u2060\u3000\ufeff\\]/;

/**
 * The URL's shape, before any address is looked at: http(s) only (https when `requireHttps`), no
 * credentials, no spaces or control characters, at most 2048 characters. Returns the parsed URL,
 * whose hostname WHATWG URL has already normalised (`http://2130706433/`, `http://0x7f.1/` and
 * `http://017700000001/` are all `127.0.0.1`): the address checks judge that.
 */
export function checkWebhookUrlSyntax(raw: string, opts: { requireHttps: boolean }): URL {
  if (typeof raw !== "string" || raw.length === 0) throw new UnsafeUrlError("Webhook URL is required", "invalid");
  if (raw.length > MAX_URL_LENGTH) {
    throw new UnsafeUrlError(`Webhook URL must be at most ${MAX_URL_LENGTH} characters`, "invalid");
  }
  if (FORBIDDEN_CHARS.test(raw)) {
    throw new UnsafeUrlError("Webhook URL must not contain spaces, backslashes or control characters", "invalid");
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("Webhook URL is not a valid URL", "invalid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError("Webhook URL must start with https:// or http://", "invalid");
  }
  if (opts.requireHttps && url.protocol !== "https:") {
    throw new UnsafeUrlError("Webhook URL must use https in production", "invalid");
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError("Webhook URL must not contain a user name or password", "invalid");
  }
  if (!url.hostname) throw new UnsafeUrlError("Webhook URL is not a valid URL", "invalid");
  if (url.port === "0") throw new UnsafeUrlError("Webhook URL has an invalid port", "invalid");
  return url;
}

export function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

/** The URL's hostname without IPv6 brackets, as given to DNS and sockets. */
export function bareHostname(url: URL): string {
  const h = url.hostname;
  return h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
}

/** Names that only ever mean this machine or its private network, refused before DNS. */
function isLocalName(hostname: string): boolean {
  const h = normalizeHostname(hostname);
  return (
    h === "localhost" ||
    h.endsWith(".localhost") ||
    h.endsWith(".internal") ||
    h.endsWith(".local") ||
    h === "home.arpa" ||
    h.endsWith(".home.arpa")
  );
}

const systemLookup: LookupFn = (host) => dns.lookup(host, { all: true, verbatim: true });

/**
 * The addresses the URL's host may be reached at. An allowed host (WEBHOOK_ALLOW_HOSTS, port
 * defaulting by scheme) is resolved but not judged. Otherwise an IP literal is judged itself, a
 * local name (localhost, *.localhost, *.internal, *.local) is refused before DNS, and a name is
 * refused when ANY of its addresses is forbidden. Callers connect only to the returned addresses.
 */
export async function resolveSafeAddresses(
  url: URL,
  opts: { allowHosts: Set<string>; lookup?: LookupFn },
): Promise<ResolvedAddress[]> {
  const host = bareHostname(url);
  const allowed = hostAllowed(opts.allowHosts, url.hostname, defaultPort(url));
  const family = net.isIP(host);
  if (family !== 0) {
    if (!allowed && isForbiddenAddress(host)) throw new UnsafeUrlError(PRIVATE_ADDRESS_MESSAGE);
    return [{ address: host, family }];
  }
  if (!allowed && isLocalName(host)) throw new UnsafeUrlError(PRIVATE_ADDRESS_MESSAGE);

  let addresses: ResolvedAddress[];
  try {
    addresses = await (opts.lookup ?? systemLookup)(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    throw new UnsafeUrlError(`Webhook URL host ${host} could not be resolved${code ? ` (${code})` : ""}`, "unresolved");
  }
  if (addresses.length === 0) {
    throw new UnsafeUrlError(`Webhook URL host ${host} could not be resolved`, "unresolved");
  }
  if (!allowed && addresses.some((a) => isForbiddenAddress(a.address))) {
    throw new UnsafeUrlError(RESOLVES_PRIVATE_MESSAGE);
  }
  return addresses.map((a) => ({ address: a.address, family: a.family }));
}

/**
 * The check when a webhook URL is saved: syntax, then where it resolves. `allowHosts` defaults to
 * WEBHOOK_ALLOW_HOSTS, read at call time.
 */
export async function assertSafeWebhookUrl(
  raw: string,
  opts: { requireHttps: boolean; allowHosts?: Set<string>; lookup?: LookupFn },
): Promise<URL> {
  const url = checkWebhookUrlSyntax(raw, opts);
  const allowHosts = opts.allowHosts ?? parseAllowHosts(env().WEBHOOK_ALLOW_HOSTS);
  await resolveSafeAddresses(url, { allowHosts, lookup: opts.lookup });
  return url;
}
