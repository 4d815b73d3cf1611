import { afterEach, describe, expect, it, vi } from "vitest";
import {
  type LookupFn,
  UnsafeUrlError,
  assertSafeWebhookUrl,
  checkWebhookUrlSyntax,
  hostAllowed,
  isForbiddenAddress,
  parseAllowHosts,
  resolveSafeAddresses,
} from "./ssrf-guard";

const PUBLIC_V4 = "93.184.215.14";
const PUBLIC_V6 = "2606:2800:21f:cb07:6820:80da:af6b:8b2c";

/** A fake DNS: names map to fixed answers, anything else is NXDOMAIN. */
function fakeLookup(table: Record<string, string[]>): LookupFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = async (host: string) => {
    calls.push(host);
    const answers = table[host];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    return answers.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(fn, { calls });
}

const dns = fakeLookup({
  "example.com": [PUBLIC_V4, PUBLIC_V6],
  "hooks.example.com": [PUBLIC_V4],
  "private.example.com": ["10.0.0.1"],
  "mixed.example.com": ["8.8.8.8", "10.0.0.1"],
  "metadata.example.com": ["169.254.169.254"],
  "mapped.example.com": ["::ffff:127.0.0.1"],
  "v6-loopback.example.com": ["::1"],
  localhost: ["127.0.0.1"],
});

describe("isForbiddenAddress", () => {
  const CASES: [string, boolean][] = [
    // IPv4
    ["0.0.0.0", true],
    ["0.1.2.3", true],
    ["127.0.0.1", true],
    ["127.255.255.254", true],
    ["10.0.0.1", true],
    ["10.255.255.255", true],
    ["172.16.5.4", true],
    ["172.31.255.255", true],
    ["172.15.255.255", false],
    ["172.32.0.1", false],
    ["192.168.1.1", true],
    ["169.254.169.254", true],
    ["169.254.0.1", true],
    ["100.64.0.1", true],
    ["100.127.255.255", true],
    ["100.63.255.255", false],
    ["100.128.0.1", false],
    ["192.0.0.8", true],
    ["192.0.2.1", true],
    ["198.18.0.1", true],
    ["198.19.255.255", true],
    ["198.20.0.1", false],
    ["198.51.100.7", true],
    ["203.0.113.9", true],
    ["224.0.0.1", true],
    ["239.255.255.250", true],
    ["240.0.0.1", true],
    ["255.255.255.255", true],
    ["8.8.8.8", false],
    ["1.1.1.1", false],
    [PUBLIC_V4, false],
    // IPv6
    ["::", true],
    ["::1", true],
    ["[::1]", true],
    ["fe80::1", true],
    ["fe80::1%eth0", true],
    ["febf:ffff::1", true],
    ["fec0::1", true],
    ["fc00::1", true],
    ["fd00:ec2::254", true],
    ["ff02::1", true],
    ["100::1", true],
    ["::ffff:127.0.0.1", true],
    ["::ffff:7f00:1", true],
    ["::ffff:10.1.2.3", true],
    ["::ffff:169.254.169.254", true],
    ["::ffff:8.8.8.8", false],
    ["::ffff:0:127.0.0.1", true],
    ["::127.0.0.1", true],
    ["::8.8.8.8", false],
    ["64:ff9b::a00:1", true],
    ["64:ff9b::10.0.0.1", true],
    ["64:ff9b::808:808", false],
    ["64:ff9b:1::1", true],
    ["2002:7f00:1::", true],
    ["2002:a9fe:a9fe::1", true],
    ["2002:808:808::1", false],
    ["2001::1", true],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", true],
    ["2001:2::1", true],
    ["2001:db8::1", true],
    ["3fff::1", true],
    ["2606:4700::1111", false],
    ["2001:4860:4860::8888", false],
    [PUBLIC_V6, false],
    // not an address: refused
    ["", true],
    ["example.com", true],
    ["127.1", true],
    ["1.2.3.4.5", true],
  ];

  it.each(CASES)("%s → forbidden %s", (ip, forbidden) => {
    expect(isForbiddenAddress(ip)).toBe(forbidden);
  });
});

describe("assertSafeWebhookUrl", () => {
  const check = (raw: string, requireHttps = false) =>
    assertSafeWebhookUrl(raw, { requireHttps, allowHosts: new Set(), lookup: dns });

  const REFUSED: [string, RegExp][] = [
    ["http://127.0.0.1/", /private, loopback or link-local/],
    ["http://127.0.0.1:8080/hook", /private, loopback or link-local/],
    ["http://10.0.0.1/", /private/],
    ["http://172.16.5.4/", /private/],
    ["http://192.168.1.1/", /private/],
    ["http://169.254.169.254/latest/meta-data/", /private/],
    ["http://100.64.0.1/", /private/],
    ["http://0.0.0.0/", /private/],
    ["http://0/", /private/],
    ["http://[::1]/", /private/],
    ["http://[::]/", /private/],
    ["http://[fe80::1]/", /private/],
    ["http://[fc00::1]/", /private/],
    ["http://[fd00:ec2::254]/", /private/],
    ["http://[::ffff:127.0.0.1]/", /private/],
    ["http://[::ffff:7f00:1]/", /private/],
    ["http://[64:ff9b::a00:1]/", /private/],
    ["http://[2002:7f00:1::]/", /private/],
    ["http://224.0.0.1/", /private/],
    ["http://255.255.255.255/", /private/],
    // IPv4 shorthand, normalised by URL to 127.0.0.1 and then judged
    ["http://2130706433/", /private/],
    ["http://0x7f.1/", /private/],
    ["http://017700000001/", /private/],
    ["http://0x7f000001/", /private/],
    ["http://127.1/", /private/],
    // local names, refused before DNS
    ["http://localhost/", /private/],
    ["http://LOCALHOST./", /private/],
    ["http://foo.localhost/", /private/],
    ["http://metadata.google.internal/", /private/],
    ["http://printer.local/", /private/],
    // names resolving to forbidden addresses
    ["https://private.example.com/", /resolves to a private or reserved address/],
    ["https://mixed.example.com/", /resolves to a private or reserved address/],
    ["https://metadata.example.com/", /resolves to a private or reserved address/],
    ["https://mapped.example.com/", /resolves to a private or reserved address/],
    ["https://v6-loopback.example.com/", /resolves to a private or reserved address/],
    // syntax
    ["http://user:pass@example.com/", /user name or password/],
    ["http://user@example.com/", /user name or password/],
    ["javascript:alert(1)", /https:\/\/ or http:\/\//],
    ["ftp://example.com/", /https:\/\/ or http:\/\//],
    ["file:///etc/passwd", /https:\/\/ or http:\/\//],
    ["gopher://example.com/", /https:\/\/ or http:\/\//],
    ["not a url", /spaces/],
    ["example.com/hook", /not a valid URL/],
    ["", /required/],
    [" https://example.com/", /spaces/],
    ["https://example.com/\nhook", /control characters/],
    ["https://example.com/\thook", /control characters/],
    ["https://example.com\\@127.0.0.1/", /backslashes/],
    [`https://example.com/${"a".repeat(2048)}`, /at most 2048 characters/],
    ["https://nxdomain.example.com/", /could not be resolved \(ENOTFOUND\)/],
  ];

  it.each(REFUSED)("refuses %s", async (raw, message) => {
    const error = await check(raw).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as Error).message).toMatch(message);
  });

  const ALLOWED = [
    "https://example.com/hook",
    "https://hooks.example.com:8443/kotani?x=1",
    "http://8.8.8.8/",
    "http://172.32.0.1/",
    "http://100.128.0.1/",
    "http://[2606:4700::1111]/",
    "http://[::ffff:8.8.8.8]/",
    "http://[2002:808:808::1]/",
  ];

  it.each(ALLOWED)("allows %s", async (raw) => {
    await expect(check(raw)).resolves.toBeInstanceOf(URL);
  });

  it("refuses http in production and allows https", async () => {
    await expect(check("http://example.com/hook", true)).rejects.toThrow("Webhook URL must use https in production");
    await expect(check("https://example.com/hook", true)).resolves.toBeInstanceOf(URL);
  });

  describe("WEBHOOK_ALLOW_HOSTS by default", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it("reads the variable at call time", async () => {
      vi.stubEnv("WEBHOOK_ALLOW_HOSTS", "");
      await expect(assertSafeWebhookUrl("http://127.0.0.1:4000/", { requireHttps: false })).rejects.toThrow(
        UnsafeUrlError,
      );
      vi.stubEnv("WEBHOOK_ALLOW_HOSTS", "127.0.0.1:4000");
      await expect(assertSafeWebhookUrl("http://127.0.0.1:4000/", { requireHttps: false })).resolves.toBeInstanceOf(
        URL,
      );
    });
  });
});

describe("checkWebhookUrlSyntax", () => {
  it("returns the normalised URL without looking at the address", () => {
    expect(checkWebhookUrlSyntax("http://0x7f.1:8080/x", { requireHttps: false }).host).toBe("127.0.0.1:8080");
    expect(checkWebhookUrlSyntax("HTTPS://Hooks.Example.COM/a", { requireHttps: true }).hostname).toBe(
      "hooks.example.com",
    );
  });

  it("throws UnsafeUrlError with reason invalid", () => {
    const error = (() => {
      try {
        checkWebhookUrlSyntax("ftp://example.com", { requireHttps: false });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as UnsafeUrlError).reason).toBe("invalid");
  });
});

describe("resolveSafeAddresses", () => {
  it("returns every address of a safe name", async () => {
    await expect(
      resolveSafeAddresses(new URL("https://example.com/"), { allowHosts: new Set(), lookup: dns }),
    ).resolves.toEqual([
      { address: PUBLIC_V4, family: 4 },
      { address: PUBLIC_V6, family: 6 },
    ]);
  });

  it("judges an IP literal without DNS", async () => {
    const lookup = fakeLookup({});
    await expect(
      resolveSafeAddresses(new URL("http://[2606:4700::1111]/"), { allowHosts: new Set(), lookup }),
    ).resolves.toEqual([{ address: "2606:4700::1111", family: 6 }]);
    expect(lookup.calls).toEqual([]);
  });

  it("refuses a name when any of its addresses is forbidden", async () => {
    await expect(
      resolveSafeAddresses(new URL("https://mixed.example.com/"), { allowHosts: new Set(), lookup: dns }),
    ).rejects.toThrow("Webhook URL resolves to a private or reserved address");
  });

  it("refuses local names before DNS", async () => {
    const lookup = fakeLookup({ "foo.localhost": ["8.8.8.8"] });
    await expect(
      resolveSafeAddresses(new URL("http://foo.localhost/"), { allowHosts: new Set(), lookup }),
    ).rejects.toThrow(UnsafeUrlError);
    expect(lookup.calls).toEqual([]);
  });

  it("allows an allow-listed host and port only, without judging its addresses", async () => {
    const allowHosts = parseAllowHosts("127.0.0.1:4000, localhost:5000, private.example.com");
    const resolve = (raw: string) => resolveSafeAddresses(new URL(raw), { allowHosts, lookup: dns });
    await expect(resolve("http://127.0.0.1:4000/hook")).resolves.toEqual([{ address: "127.0.0.1", family: 4 }]);
    await expect(resolve("http://127.0.0.1:4001/hook")).rejects.toThrow(UnsafeUrlError);
    await expect(resolve("http://127.0.0.1/hook")).rejects.toThrow(UnsafeUrlError);
    await expect(resolve("http://2130706433:4000/")).resolves.toHaveLength(1);
    await expect(resolve("http://localhost:5000/")).resolves.toEqual([{ address: "127.0.0.1", family: 4 }]);
    await expect(resolve("http://localhost:5001/")).rejects.toThrow(UnsafeUrlError);
    // no port in the entry: every port, the scheme's default included
    await expect(resolve("https://private.example.com/")).resolves.toEqual([{ address: "10.0.0.1", family: 4 }]);
    await expect(resolve("http://private.example.com:9999/")).resolves.toHaveLength(1);
  });

  it("uses the scheme's default port for the allow-list", async () => {
    const allowHosts = parseAllowHosts("10.0.0.1:443");
    await expect(resolveSafeAddresses(new URL("https://10.0.0.1/"), { allowHosts })).resolves.toHaveLength(1);
    await expect(resolveSafeAddresses(new URL("http://10.0.0.1/"), { allowHosts })).rejects.toThrow(UnsafeUrlError);
  });

  it("reports a name that does not resolve as unresolved", async () => {
    const error = await resolveSafeAddresses(new URL("https://nxdomain.example.com/"), {
      allowHosts: new Set(),
      lookup: dns,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as UnsafeUrlError).reason).toBe("unresolved");
  });
});

describe("parseAllowHosts / hostAllowed", () => {
  it("parses host[:port] entries with spaces, case and IPv6 brackets", () => {
    const allow = parseAllowHosts(" Hook.Test:8080 ,  LOCALHOST, [::1]:9000,[FE80::0001], 127.0.0.1:4000 ,, ");
    expect([...allow].sort()).toEqual(["127.0.0.1:4000", "[::1]:9000", "[fe80::1]", "hook.test:8080", "localhost"]);
  });

  it("treats undefined and blank as empty", () => {
    expect(parseAllowHosts(undefined).size).toBe(0);
    expect(parseAllowHosts("  , ").size).toBe(0);
  });

  it("ignores entries that are not host[:port]", () => {
    expect([
      ...parseAllowHosts("a.test:0, b.test:70000, c.test:x, [::1, [::1]x, user@d.test, e.test/path, f.test"),
    ]).toEqual(["f.test"]);
  });

  it("normalises IPv4 shorthand and bare IPv6", () => {
    expect([...parseAllowHosts("0x7f.1:4000, ::1")]).toEqual(["127.0.0.1:4000", "[::1]"]);
  });

  it("matches a host on its port, or on any port when the entry has none", () => {
    const allow = parseAllowHosts("hook.test:8080, [::1]:9000, localhost");
    expect(hostAllowed(allow, "hook.test", 8080)).toBe(true);
    expect(hostAllowed(allow, "HOOK.TEST.", 8080)).toBe(true);
    expect(hostAllowed(allow, "hook.test", 8081)).toBe(false);
    expect(hostAllowed(allow, "[::1]", 9000)).toBe(true);
    expect(hostAllowed(allow, "::1", 9000)).toBe(true);
    expect(hostAllowed(allow, "[::1]", 9001)).toBe(false);
    expect(hostAllowed(allow, "localhost", 1)).toBe(true);
    expect(hostAllowed(allow, "localhost", 65535)).toBe(true);
    expect(hostAllowed(allow, "other.test", 8080)).toBe(false);
    expect(hostAllowed(new Set(), "hook.test", 8080)).toBe(false);
  });
});
