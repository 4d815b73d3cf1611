import { BlockList, isIP } from "node:net";
import { env, type TrustedProxies } from "@/lib/env";

/**
 * The client's address, for the per-IP throttle (lib/auth/throttle.ts) and the audit log.
 *
 * Where the socket address comes from: Next 16 gives route handlers, server actions and
 * next-auth no socket and no `request.ip` (removed in Next 15). Its Node server (`next start`,
 * standalone) does `req.headers["x-forwarded-for"] ??= socket.remoteAddress`
 * (node_modules/next/dist/server/base-server.js): it writes the socket address only when the
 * request has no X-Forwarded-For, and never appends it to one that came in. So:
 * - the rightmost X-Forwarded-For entry is the socket address when the peer sent none, or else
 *   the last address the peer claims; with a proxy in front (which always sends one) the
 *   rightmost entry is the address that proxy saw, and the proxy's own address is not in it;
 * - a peer that talks to `next start` directly can still put one address of its choice there.
 *   Nothing in the app can tell that apart from the socket address: expose the app only
 *   through a proxy that appends (or overwrites) X-Forwarded-For, and say so in TRUSTED_PROXIES.
 * X-Real-IP is never read: Next does not set it, so it is whatever the client sent.
 *
 * TRUSTED_PROXIES (lib/env.ts):
 * - unset or 0: no proxy; the socket address (the rightmost entry, as above);
 * - N: N proxies each append the address they saw; the client is the N-th entry from the right
 *   (fewer entries, or an invalid one: the socket address);
 * - a list of addresses / CIDR ranges: walk from the right past entries inside those ranges;
 *   the first one outside them is the client (an invalid entry ends the walk at the last valid
 *   one; all trusted: the furthest).
 * Only a syntactically valid IP (node:net `isIP`, at most 45 characters, normalised) is ever
 * returned; otherwise "unknown". Spoofed text never reaches a counter or the audit log.
 */
export function clientIpFrom(
  get: (name: string) => string | null | undefined,
  trusted: TrustedProxies = env().TRUSTED_PROXIES,
): string {
  return clientIp(get("x-forwarded-for"), trusted) ?? "unknown";
}

/** Longest textual IP: an IPv6 address with an embedded IPv4 tail (45 characters). */
const MAX_IP_LENGTH = 45;
/** Longest entry worth parsing: "[IPv6]:port". */
const MAX_ENTRY_LENGTH = MAX_IP_LENGTH + 8;

function clientIp(forwardedFor: string | null | undefined, trusted: TrustedProxies): string | null {
  const entries = (forwardedFor ?? "").split(",");
  const socket = normalizeIp(entries[entries.length - 1]);
  if ("hops" in trusted) {
    if (trusted.hops === 0 || entries.length < trusted.hops) return socket;
    return normalizeIp(entries[entries.length - trusted.hops]) ?? socket;
  }
  const ranges = blockListOf(trusted.ranges);
  let furthest: string | null = null;
  for (let i = entries.length - 1; i >= 0; i--) {
    const ip = normalizeIp(entries[i]);
    if (!ip) break;
    if (!ranges.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6")) return ip;
    furthest = ip;
  }
  return furthest;
}

/**
 * A valid IP address in one canonical form (IPv6 lower-case and compressed, IPv4-mapped IPv6 as
 * plain IPv4, a ":port" or "[…]:port" some balancers add removed), or null.
 */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (typeof raw !== "string") return null;
  let value = raw.trim();
  if (!value || value.length > MAX_ENTRY_LENGTH) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (value.length > MAX_IP_LENGTH) return null;
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6) return null;
  let canonical: string;
  try {
    canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  } catch {
    return null; // a zone id ("fe80::1%eth0"): never a client's address
  }
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

let cachedRanges: { key: string; list: BlockList } | undefined;

/** The trusted ranges (validated by lib/env.ts) as a BlockList, built once per setting. */
function blockListOf(ranges: string[]): BlockList {
  const key = ranges.join(",");
  if (cachedRanges?.key === key) return cachedRanges.list;
  const list = new BlockList();
  for (const range of ranges) {
    const [address = "", prefix] = range.split("/");
    const family = isIP(address);
    if (!family) continue;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  cachedRanges = { key, list };
  return list;
}
