/**
 * The client's address for throttling and the audit log (lib/auth/request-meta.ts): what
 * X-Forwarded-For says is believed only as far as TRUSTED_PROXIES allows, and only a valid IP is
 * ever returned. `next start` fills X-Forwarded-For from the socket when a request has none, so
 * a header with one address and no proxy in front is the socket address.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIpFrom, normalizeIp } from "./request-meta";

/** The client address for these request headers with TRUSTED_PROXIES set to `trusted` (unset: undefined). */
function ipFor(headers: Record<string, string>, trusted?: string): string {
  if (trusted === undefined) vi.stubEnv("TRUSTED_PROXIES", "");
  else vi.stubEnv("TRUSTED_PROXIES", trusted);
  return clientIpFrom((name) => headers[name]);
}
const xff = (value: string, extra: Record<string, string> = {}) => ({ "x-forwarded-for": value, ...extra });

const GARBAGE = [
  "walk-spoofed-ip",
  "@SUM(1+1)*cmd|x",
  '=HYPERLINK("http://evil")',
  "1.2.3.4; DROP TABLE users",
  "1".repeat(1024),
  "a".repeat(1024),
  "999.1.1.1",
  "1.2.3",
  "",
];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("normalizeIp", () => {
  it("keeps valid IPv4 and IPv6 addresses, in one canonical form", () => {
    expect(normalizeIp(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normalizeIp("2001:DB8:0:0:0:0:0:1")).toBe("2001:db8::1");
    expect(normalizeIp("::1")).toBe("::1");
    // IPv4-mapped IPv6 (a dual-stack socket) is the IPv4 client: one throttle key, IPv4 ranges apply.
    expect(normalizeIp("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(normalizeIp("::FFFF:c633:6407")).toBe("198.51.100.7");
    // Some load balancers add the port.
    expect(normalizeIp("198.51.100.7:51234")).toBe("198.51.100.7");
    expect(normalizeIp("[2001:db8::5]:443")).toBe("2001:db8::5");
  });

  it("refuses anything that is not an IP address, and long strings before parsing them", () => {
    for (const value of [
      ...GARBAGE,
      "1.2.3.4/8",
      "01.2.3.4",
      "2001:db8::1::2",
      "[::1",
      "fe80::1%eth0; rm",
      null,
      undefined,
    ]) {
      expect(normalizeIp(value as string), JSON.stringify(value)).toBeNull();
    }
  });
});

describe("clientIpFrom: no trusted proxy (TRUSTED_PROXIES unset or 0)", () => {
  it("is the socket address that next start put in X-Forwarded-For", () => {
    expect(ipFor(xff("203.0.113.9"))).toBe("203.0.113.9");
    expect(ipFor(xff("::ffff:203.0.113.9"), "0")).toBe("203.0.113.9");
    expect(ipFor(xff("2001:db8::7"), "0")).toBe("2001:db8::7");
  });

  it("never takes a client-chosen address on the left, nor X-Real-IP", () => {
    expect(ipFor(xff("1.1.1.1, 203.0.113.9"))).toBe("203.0.113.9");
    expect(ipFor(xff("walk-spoofed-ip, 203.0.113.9"), "0")).toBe("203.0.113.9");
    expect(ipFor({ "x-real-ip": "1.1.1.1" })).toBe("unknown");
    expect(ipFor(xff("203.0.113.9", { "x-real-ip": "1.1.1.1" }))).toBe("203.0.113.9");
  });

  it("garbage is never returned (and so never stored or counted): unknown", () => {
    for (const value of GARBAGE) expect(ipFor(xff(value)), value.slice(0, 40)).toBe("unknown");
    expect(ipFor(xff(`${"9".repeat(1024)}, @SUM(1+1)*cmd|x`))).toBe("unknown");
    expect(ipFor({})).toBe("unknown");
  });
});

describe("clientIpFrom: N trusted hops (TRUSTED_PROXIES=N)", () => {
  it("takes the N-th address from the right: what the outermost trusted proxy saw", () => {
    // One proxy (nginx, $proxy_add_x_forwarded_for) appends the address it saw.
    expect(ipFor(xff("1.1.1.1, 198.51.100.20"), "1")).toBe("198.51.100.20");
    // A CDN, then a load balancer.
    expect(ipFor(xff("1.1.1.1, 198.51.100.20, 10.0.0.3"), "2")).toBe("198.51.100.20");
    expect(ipFor(xff("walk-spoofed-ip, @SUM(1+1)*cmd|x, 2001:db8::20, 10.0.0.3"), "2")).toBe("2001:db8::20");
  });

  it("fewer addresses than hops, or an invalid N-th address: falls back to the socket address", () => {
    expect(ipFor(xff("198.51.100.20"), "2")).toBe("198.51.100.20");
    expect(ipFor(xff("walk-spoofed-ip, 10.0.0.3"), "2")).toBe("10.0.0.3");
    expect(ipFor(xff("@SUM(1+1)*cmd|x"), "1")).toBe("unknown");
    expect(ipFor(xff("a".repeat(1024)), "3")).toBe("unknown");
  });
});

describe("clientIpFrom: trusted proxy ranges (TRUSTED_PROXIES=CIDR,…)", () => {
  const RANGES = "10.0.0.0/8, 2001:db8:ffff::/48, 192.0.2.1";

  it("walks X-Forwarded-For from the right, skipping trusted proxies, to the first untrusted address", () => {
    expect(ipFor(xff("1.1.1.1, 198.51.100.20, 10.1.2.3, 10.0.0.3"), RANGES)).toBe("198.51.100.20");
    expect(ipFor(xff("1.1.1.1, 2001:db8::20, 2001:db8:ffff::1"), RANGES)).toBe("2001:db8::20");
    expect(ipFor(xff("1.1.1.1, ::ffff:198.51.100.20, ::ffff:10.0.0.3, 192.0.2.1"), RANGES)).toBe("198.51.100.20");
    expect(ipFor(xff("198.51.100.20"), RANGES)).toBe("198.51.100.20");
  });

  it("a spoofed entry stops the walk; the client never picks its own key", () => {
    expect(ipFor(xff("1.1.1.1, walk-spoofed-ip, 10.0.0.3"), RANGES)).toBe("10.0.0.3");
    expect(ipFor(xff("@SUM(1+1)*cmd|x"), RANGES)).toBe("unknown");
    expect(ipFor(xff(`${"f".repeat(1024)}, 198.51.100.20`), RANGES)).toBe("198.51.100.20");
  });

  it("only trusted addresses: the furthest one", () => {
    expect(ipFor(xff("10.9.9.9, 10.0.0.3"), RANGES)).toBe("10.9.9.9");
  });
});

describe("an invalid TRUSTED_PROXIES", () => {
  it("stops with one line naming it", () => {
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.0/33");
    expect(() => clientIpFrom(() => "203.0.113.9")).toThrow(/^TRUSTED_PROXIES must be/);
  });
});
