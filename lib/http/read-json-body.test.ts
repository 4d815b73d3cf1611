/**
 * The streamed body limit: bytes are counted as they arrive, whatever Content-Length says, and the
 * stream is abandoned past the limit. Then the JSON rules (empty, malformed, not an object). Also
 * the sign-in POST (app/api/auth/[...nextauth]/route.ts), which reads its body through the same
 * limit and hands next-auth a Request rebuilt from the bytes read (next-auth itself is stubbed).
 */
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ValidationError } from "@/lib/auth/errors";
import {
  DEFAULT_JSON_BODY_LIMIT,
  formatByteLimit,
  PayloadTooLargeError,
  readBodyBytes,
  readJsonBody,
  schemaWantsObject,
} from "./read-json-body";

const URL_ = "http://localhost/api/x";

/** A chunked request body; `pulled()` is how many chunks were read from it. */
function streamed(chunks: (string | Uint8Array)[], headers: Record<string, string> = {}, url = URL_) {
  const enc = new TextEncoder();
  const queue = [...chunks];
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = queue.shift();
        if (next === undefined) return controller.close();
        pulled++;
        controller.enqueue(typeof next === "string" ? enc.encode(next) : next);
      },
    },
    { highWaterMark: 0 },
  );
  const req = new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit & { duplex: "half" });
  return { req, pulled: () => pulled };
}

function plain(body: string | Uint8Array | null, headers: Record<string, string> = {}) {
  return new Request(URL_, { method: "POST", headers, body: body as BodyInit | null });
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a rejection");
}

describe("readBodyBytes / readJsonBody", () => {
  it("refuses a chunked body over the limit with a 413 and stops reading it", async () => {
    const { req, pulled } = streamed(Array.from({ length: 100 }, () => "x".repeat(1024))); // 100 kB, no Content-Length
    expect(req.headers.get("content-length")).toBeNull();
    const e = await rejection(readJsonBody(req));
    expect(e).toBeInstanceOf(PayloadTooLargeError);
    expect(e).toMatchObject({ status: 413, message: "The request body is too large (limit 64 kB)" });
    expect(pulled()).toBeLessThanOrEqual(66);
  });

  it("refuses a body larger than its (lying) Content-Length says", async () => {
    const { req, pulled } = streamed(
      Array.from({ length: 200 }, () => " ".repeat(1024)),
      { "content-length": "2" },
    );
    expect(req.headers.get("content-length")).toBe("2");
    await expect(readJsonBody(req)).rejects.toMatchObject({ status: 413 });
    expect(pulled()).toBeLessThan(200);
    // A non-streamed body too, with a small limit.
    await expect(readBodyBytes(plain("abcdef"), 5)).rejects.toMatchObject({
      status: 413,
      message: "The request body is too large (limit 5 bytes)",
    });
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { req, pulled } = streamed(["{}"], { "content-length": String(DEFAULT_JSON_BODY_LIMIT + 1) });
    await expect(readJsonBody(req)).rejects.toBeInstanceOf(PayloadTooLargeError);
    expect(pulled()).toBe(0);
  });

  it("accepts a body of exactly the limit, and refuses one byte more", async () => {
    const json = `{"a":"${"y".repeat(DEFAULT_JSON_BODY_LIMIT - 8)}"}`;
    expect(new TextEncoder().encode(json).byteLength).toBe(DEFAULT_JSON_BODY_LIMIT);
    const half = json.length / 2;
    expect(await readJsonBody(streamed([json.slice(0, half), json.slice(half)]).req)).toEqual({
      a: "y".repeat(DEFAULT_JSON_BODY_LIMIT - 8),
    });
    await expect(readJsonBody(streamed([json, " "]).req)).rejects.toBeInstanceOf(PayloadTooLargeError);
    // The limit counts bytes, not characters: "é" is two.
    expect((await readBodyBytes(plain("éé"), 4)).byteLength).toBe(4);
    await expect(readBodyBytes(plain("ééé"), 5)).rejects.toBeInstanceOf(PayloadTooLargeError);
    // A route may allow more.
    expect(await readJsonBody(streamed([json, "   "]).req, { limit: 128 * 1024 })).toMatchObject({
      a: expect.any(String),
    });
  });

  it("an empty body is a clear 400 (no body, zero bytes, whitespace)", async () => {
    expect((await readBodyBytes(plain(null))).byteLength).toBe(0);
    for (const req of [plain(null), plain(""), plain("  \n"), streamed([]).req]) {
      const e = await rejection(readJsonBody(req, { object: true }));
      expect(e).toBeInstanceOf(ValidationError);
      expect(e.message).toBe("The request body is empty: send a JSON object");
    }
  });

  it("malformed JSON, invalid UTF-8 and non-objects are a 400 saying which", async () => {
    for (const body of ['{"a":', "{a:1}", "{'a':1}", '{"a":1}}', "undefined", "NaN"]) {
      const e = await rejection(readJsonBody(plain(body), { object: true }));
      expect(e, body).toBeInstanceOf(ValidationError);
      expect(e.message).toBe("The request body is not valid JSON");
    }
    const e = await rejection(readJsonBody(plain(new Uint8Array([0x7b, 0xff, 0x7d]))));
    expect(e.message).toBe("The request body must be UTF-8 JSON");
    for (const body of ["[]", "[{}]", '"x"', "1", "true", "null"]) {
      const err = await rejection(readJsonBody(plain(body), { object: true }));
      expect(err.message, body).toBe("The request body must be a JSON object");
      // Without `object`, any JSON value is returned as is.
      expect(await readJsonBody(plain(body))).toEqual(JSON.parse(body));
    }
  });

  it("NUL characters inside JSON strings parse: the schema decides about them", async () => {
    expect(await readJsonBody(plain('{"a":"x\\u0000y","b":"\\u0000"}'), { object: true })).toEqual({
      a: "x\u0000y",
      b: "\u0000",
    });
    // A raw (unescaped) control character inside a string is not JSON.
    await expect(readJsonBody(plain('{"a":"x\u0000y"}'))).rejects.toThrow("The request body is not valid JSON");
  });

  it("formats limits and tells object schemas apart", () => {
    expect(formatByteLimit(64 * 1024)).toBe("64 kB");
    expect(formatByteLimit(16 * 1024)).toBe("16 kB");
    expect(formatByteLimit(2 * 1024 * 1024)).toBe("2 MB");
    expect(formatByteLimit(1000)).toBe("1000 bytes");
    expect(schemaWantsObject(z.object({ a: z.string() }))).toBe(true);
    expect(schemaWantsObject(z.strictObject({ a: z.string() }).superRefine(() => {}))).toBe(true);
    expect(schemaWantsObject(z.object({ a: z.string() }).transform((v) => v.a))).toBe(true);
    expect(schemaWantsObject(z.array(z.string()))).toBe(false);
    expect(schemaWantsObject(z.unknown())).toBe(false);
  });
});

// The sign-in POST: next-auth is stubbed with a handler that records the Request it is given.
const seen: { req: Request | null; body: string | null } = { req: null, body: null };
vi.mock("next-auth", () => ({
  default: () => async (req: Request) => {
    seen.req = req;
    seen.body = await req.text();
    return Response.json({ url: "http://localhost/" });
  },
}));
vi.mock("@/lib/auth/options", () => ({ authOptions: {} }));

describe("the sign-in POST (app/api/auth/[...nextauth]/route.ts)", () => {
  const SIGN_IN_URL = "http://localhost/api/auth/callback/credentials";
  const ctx = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

  async function signInRoute() {
    return (await import("@/app/api/auth/[...nextauth]/route")).POST;
  }

  it("refuses a chunked 100 kB body (no Content-Length) with a 413, without calling next-auth", async () => {
    const POST = await signInRoute();
    seen.req = null;
    const { req, pulled } = streamed(
      ["email=a%40b.test&password=", ...Array.from({ length: 100 }, () => "x".repeat(1024))],
      { "content-type": "application/x-www-form-urlencoded" },
      SIGN_IN_URL,
    );
    const res = await POST(req, ctx);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ message: "The request body is too large (limit 16 kB)" });
    expect(seen.req).toBeNull();
    expect(pulled()).toBeLessThan(30);
  });

  it("refuses a body larger than its lying Content-Length", async () => {
    const POST = await signInRoute();
    seen.req = null;
    const { req } = streamed(
      Array.from({ length: 40 }, () => "x".repeat(1024)),
      { "content-type": "application/x-www-form-urlencoded", "content-length": "10" },
      SIGN_IN_URL,
    );
    expect((await POST(req, ctx)).status).toBe(413);
    expect(seen.req).toBeNull();
  });

  it("passes a normal (chunked) sign-in form on to next-auth, body and URL intact", async () => {
    const POST = await signInRoute();
    const form = "email=owner%40kotanipay.test&password=p%C3%A4ss%00word&csrfToken=abc&json=true";
    const { req } = streamed(
      [form.slice(0, 20), form.slice(20)],
      { "content-type": "application/x-www-form-urlencoded" },
      `${SIGN_IN_URL}?x=1`,
    );
    const res = await POST(req, ctx);
    expect(res.status).toBe(200);
    expect(seen.body).toBe(form);
    expect(seen.req!.method).toBe("POST");
    expect(seen.req!.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect((seen.req as Request & { nextUrl?: URL }).nextUrl?.searchParams.get("x")).toBe("1");
    expect(new URL(seen.req!.url).pathname).toBe("/api/auth/callback/credentials");
  });
});
