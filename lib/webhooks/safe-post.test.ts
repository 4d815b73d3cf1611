import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { safePost } from "./safe-post";
import { parseAllowHosts } from "./ssrf-guard";

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** A real HTTP server on 127.0.0.1 (port 0) that records what reached it. */
class TestServer {
  readonly seen: Seen[] = [];
  connections = 0;
  handler: Handler = (_req, res) => res.end("ok");
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      this.seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      this.handler(req, res, body);
    });
  });
  port = 0;

  async start(): Promise<this> {
    this.server.on("connection", () => this.connections++);
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }
  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }
  reset() {
    this.seen.length = 0;
    this.connections = 0;
    this.handler = (_req, res) => res.end("ok");
  }
  async stop() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let a: TestServer;
let b: TestServer;
let allowA: Set<string>;
let allowAB: Set<string>;

beforeAll(async () => {
  [a, b] = await Promise.all([new TestServer().start(), new TestServer().start()]);
  allowA = parseAllowHosts(`127.0.0.1:${a.port}`);
  allowAB = parseAllowHosts(`127.0.0.1:${a.port},127.0.0.1:${b.port}`);
});
afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
});
beforeEach(() => {
  a.reset();
  b.reset();
});

const JSON_HEADERS = { "content-type": "application/json", "x-kotani-signature": "t=1,v1=abc" };

describe("safePost", () => {
  it("posts the body and returns a 2xx answer", async () => {
    a.handler = (_req, res) => {
      res.setHeader("x-receiver", "yes");
      res.end('{"received":true}');
    };
    const result = await safePost(`${a.origin}/hook?x=1`, '{"event":"payment.successful"}', JSON_HEADERS, {
      allowHosts: allowA,
    });
    expect(result).toMatchObject({
      ok: true,
      status: 200,
      responseBody: '{"received":true}',
      error: null,
      finalUrl: `${a.origin}/hook?x=1`,
      redirects: 0,
    });
    expect(result.responseHeaders["x-receiver"]).toBe("yes");
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(a.seen).toHaveLength(1);
    expect(a.seen[0]).toMatchObject({ method: "POST", url: "/hook?x=1", body: '{"event":"payment.successful"}' });
    expect(a.seen[0]!.headers).toMatchObject({
      "content-type": "application/json",
      "x-kotani-signature": "t=1,v1=abc",
      "content-length": "30",
      host: `127.0.0.1:${a.port}`,
    });
  });

  it("ignores the caller's host and length headers", async () => {
    await safePost(`${a.origin}/`, "abc", { Host: "evil.test", "Content-Length": "999" }, { allowHosts: allowA });
    expect(a.seen[0]!.headers.host).toBe(`127.0.0.1:${a.port}`);
    expect(a.seen[0]!.headers["content-length"]).toBe("3");
  });

  it("reports a 500 as not ok, with its body and no error", async () => {
    a.handler = (_req, res) => {
      res.statusCode = 500;
      res.end("boom");
    };
    const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA });
    expect(result).toMatchObject({ ok: false, status: 500, responseBody: "boom", error: null });
  });

  it("gives up on a receiver that never answers at the deadline", async () => {
    a.handler = () => {};
    const started = performance.now();
    const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA, timeoutMs: 300 });
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ ok: false, status: null, error: "Timed out after 0.3 s" });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1000);
    expect(a.seen).toHaveLength(1);
  });

  it("gives up on a receiver that trickles its body forever, keeping the status", async () => {
    let interval: NodeJS.Timeout | undefined;
    a.handler = (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("a");
      interval = setInterval(() => res.write("a"), 20);
      res.on("close", () => clearInterval(interval));
    };
    const started = performance.now();
    const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA, timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ ok: false, status: 200, error: "Timed out after 0.3 s" });
    expect(result.responseBody).toMatch(/^a+$/);
    clearInterval(interval);
  });

  it("cuts a large body at maxResponseBytes without an error", async () => {
    a.handler = (_req, res) => res.end("x".repeat(1024 * 1024));
    const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA, maxResponseBytes: 1000 });
    expect(result).toMatchObject({ ok: true, status: 200, error: null });
    expect(result.responseBody).toHaveLength(1000);
  });

  it("cuts at 64 KiB by default", async () => {
    a.handler = (_req, res) => res.end("y".repeat(200 * 1024));
    const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA });
    expect(result.responseBody).toHaveLength(64 * 1024);
  });

  it("reports a refused connection without throwing", async () => {
    const port = await closedPort();
    const result = await safePost(`http://127.0.0.1:${port}/`, "{}", JSON_HEADERS, {
      allowHosts: parseAllowHosts(`127.0.0.1:${port}`),
    });
    expect(result).toMatchObject({ ok: false, status: null, error: "Connection refused (ECONNREFUSED)" });
  });

  it("refuses 127.0.0.1 before connecting when it is not allow-listed", async () => {
    const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: new Set() });
    expect(result).toMatchObject({
      ok: false,
      status: null,
      error: "Webhook URL must not point to a private, loopback or link-local address",
      redirects: 0,
    });
    // Let a connection that should not exist arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(a.connections).toBe(0);
    expect(a.seen).toHaveLength(0);
  });

  it("refuses a URL it cannot use instead of throwing", async () => {
    await expect(safePost("not a url", "{}", {})).resolves.toMatchObject({ ok: false, status: null });
    await expect(safePost(`${a.origin}/`, "{}", {}, { allowHosts: allowA, requireHttps: true })).resolves.toMatchObject(
      { ok: false, error: "Webhook URL must use https in production" },
    );
    await expect(safePost(`${a.origin}/`, "{}", { "x-bad": "a\r\nb" }, { allowHosts: allowA })).resolves.toMatchObject({
      ok: false,
      status: null,
    });
    expect(a.seen).toHaveLength(0);
  });

  describe("redirects", () => {
    it("refuses a redirect to an address that is not allowed", async () => {
      a.handler = (_req, res) => res.writeHead(302, { location: `${b.origin}/internal` }).end();
      const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA });
      expect(result).toMatchObject({
        ok: false,
        status: 302,
        error: `Redirect to a forbidden address refused (127.0.0.1:${b.port})`,
        finalUrl: `${a.origin}/`,
        redirects: 0,
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(b.connections).toBe(0);
    });

    it("refuses a redirect to another scheme", async () => {
      a.handler = (_req, res) => res.writeHead(301, { location: "file:///etc/passwd" }).end();
      const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA });
      expect(result).toMatchObject({ ok: false, status: 301 });
      expect(result.error).toMatch(/^Redirect refused.*https:\/\/ or http:\/\//);
    });

    it("follows 307 and 302 with the same POST, and 303 as a GET without body", async () => {
      a.handler = (req, res) => {
        const next: Record<string, [number, string]> = {
          "/start": [307, "/second"],
          "/second": [302, `${b.origin}/third`],
        };
        const hop = next[req.url!];
        if (hop) res.writeHead(hop[0], { location: hop[1] }).end();
        else res.end("a-end");
      };
      b.handler = (req, res) => {
        if (req.url === "/third") res.writeHead(303, { location: `${a.origin}/done` }).end();
        else res.end("b-end");
      };
      const result = await safePost(`${a.origin}/start`, "payload", JSON_HEADERS, { allowHosts: allowAB });
      expect(result).toMatchObject({
        ok: true,
        status: 200,
        responseBody: "a-end",
        redirects: 3,
        finalUrl: `${a.origin}/done`,
        error: null,
      });
      expect(a.seen.map((s) => [s.method, s.url, s.body])).toEqual([
        ["POST", "/start", "payload"],
        ["POST", "/second", "payload"],
        ["GET", "/done", ""],
      ]);
      expect(b.seen.map((s) => [s.method, s.url, s.body])).toEqual([["POST", "/third", "payload"]]);
      const get = a.seen[2]!.headers;
      expect(get["content-type"]).toBeUndefined();
      expect(get["content-length"]).toBeUndefined();
    });

    it("stops after maxRedirects", async () => {
      let n = 0;
      a.handler = (_req, res) => res.writeHead(308, { location: `/loop/${++n}` }).end();
      const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA, maxRedirects: 2 });
      expect(result).toMatchObject({ ok: false, status: 308, error: "Too many redirects", redirects: 2 });
      expect(a.seen).toHaveLength(3);
    });

    it("follows 3 redirects by default and refuses the 4th", async () => {
      let n = 0;
      a.handler = (_req, res) => res.writeHead(301, { location: `/loop/${++n}` }).end();
      const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA });
      expect(result).toMatchObject({ ok: false, error: "Too many redirects", redirects: 3 });
      expect(a.seen).toHaveLength(4);
    });

    it("drops credentials when a redirect changes origin", async () => {
      a.handler = (_req, res) => res.writeHead(307, { location: `${b.origin}/x` }).end();
      await safePost(
        `${a.origin}/`,
        "{}",
        { authorization: "Bearer secret", "x-kotani-signature": "sig" },
        {
          allowHosts: allowAB,
        },
      );
      expect(a.seen[0]!.headers.authorization).toBe("Bearer secret");
      expect(b.seen[0]!.headers.authorization).toBeUndefined();
      expect(b.seen[0]!.headers["x-kotani-signature"]).toBe("sig");
    });

    it("counts the deadline over every hop", async () => {
      a.handler = (req, res) => {
        if (req.url === "/") setTimeout(() => res.writeHead(302, { location: "/slow" }).end(), 200);
        // /slow never answers
      };
      const started = performance.now();
      const result = await safePost(`${a.origin}/`, "{}", JSON_HEADERS, { allowHosts: allowA, timeoutMs: 300 });
      expect(performance.now() - started).toBeLessThan(600);
      expect(result).toMatchObject({ ok: false, status: null, error: "Timed out after 0.3 s", redirects: 1 });
      expect(result.finalUrl).toBe(`${a.origin}/slow`);
    });
  });

  describe("DNS pinning", () => {
    const hookLookup = () => {
      const calls: string[] = [];
      const lookup = async (host: string) => {
        calls.push(host);
        if (host !== "hook.test") throw Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" });
        return [{ address: "127.0.0.1", family: 4 }];
      };
      return { calls, lookup };
    };

    it("connects to the judged address with the original Host header", async () => {
      const { calls, lookup } = hookLookup();
      const result = await safePost(`http://hook.test:${a.port}/hook`, "{}", JSON_HEADERS, {
        allowHosts: parseAllowHosts(`hook.test:${a.port}`),
        lookup,
      });
      expect(result).toMatchObject({ ok: true, status: 200, finalUrl: `http://hook.test:${a.port}/hook` });
      expect(a.seen[0]!.headers.host).toBe(`hook.test:${a.port}`);
      expect(calls).toEqual(["hook.test"]);
    });

    it("refuses a name that resolves to a private address unless allowed", async () => {
      const { lookup } = hookLookup();
      const result = await safePost(`http://hook.test:${a.port}/hook`, "{}", JSON_HEADERS, {
        allowHosts: new Set(),
        lookup,
      });
      expect(result).toMatchObject({
        ok: false,
        status: null,
        error: "Webhook URL resolves to a private or reserved address",
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(a.connections).toBe(0);
    });

    it("resolves again, and judges again, on every hop", async () => {
      const { calls, lookup } = hookLookup();
      a.handler = (req, res) => {
        if (req.url === "/") res.writeHead(302, { location: `http://hook.test:${b.port}/` }).end();
        else res.end();
      };
      const result = await safePost(`http://hook.test:${a.port}/`, "{}", JSON_HEADERS, {
        allowHosts: parseAllowHosts(`hook.test:${a.port}`),
        lookup,
      });
      expect(result).toMatchObject({
        ok: false,
        status: 302,
        error: `Redirect to a forbidden address refused (hook.test:${b.port})`,
      });
      expect(calls).toEqual(["hook.test", "hook.test"]);
      expect(b.connections).toBe(0);
    });

    it("times out a DNS lookup that never answers", async () => {
      const result = await safePost("https://slow-dns.test/", "{}", JSON_HEADERS, {
        allowHosts: new Set(),
        lookup: () => new Promise(() => {}),
        timeoutMs: 100,
      });
      expect(result).toMatchObject({ ok: false, status: null, error: "Timed out after 0.1 s" });
    });
  });
});
