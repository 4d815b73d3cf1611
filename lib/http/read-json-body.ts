/**
 * Reading a request body with a size limit that counts the bytes actually streamed, not what
 * `Content-Length` claims: a chunked body has none, and a client may send a small one with a
 * large body. The stream is read chunk by chunk and abandoned (cancelled) as soon as it passes
 * the limit, so an oversized body is never buffered whole, let alone parsed.
 *
 * `readJsonBody` is what the gate (gatedRoute) parses JSON bodies with; `readBodyBytes` is for
 * handlers that must pass the body on (the sign-in POST rebuilds its Request from the bytes).
 */
import { z } from "zod";
import { AppError, ValidationError } from "@/lib/auth/errors";

/** What a JSON route accepts unless it asks for more (a dashboard mutation body is a few hundred bytes). */
export const DEFAULT_JSON_BODY_LIMIT = 64 * 1024;

/** "64 kB", "1 MB", "100 bytes" (1 kB = 1024 bytes here, as the limits are written). */
export function formatByteLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} kB`;
  return `${bytes} bytes`;
}

/** 413 in the gate's envelope (errorResponse turns any AppError into `{success:false, message, error_code}`). */
export class PayloadTooLargeError extends AppError {
  constructor(readonly limit: number) {
    super(`The request body is too large (limit ${formatByteLimit(limit)})`, 413, "payload_too_large");
  }
}

/**
 * The body's bytes, at most `limit` of them; more is a PayloadTooLargeError whatever
 * Content-Length says (absent, lying or chunked). A declared length over the limit is refused
 * before reading anything. No body is an empty array.
 */
export async function readBodyBytes(req: Request, limit: number = DEFAULT_JSON_BODY_LIMIT): Promise<Uint8Array> {
  const declared = req.headers.get("content-length")?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > limit) throw new PayloadTooLargeError(limit);
  if (!req.body) return new Uint8Array(0);
  if (req.bodyUsed) throw new Error("readBodyBytes: the request body was already read");

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        // The client went away or sent a broken chunked encoding.
        throw new ValidationError("The request body could not be read");
      }
      if (next.done) break;
      const chunk = next.value;
      if (!(chunk instanceof Uint8Array)) throw new ValidationError("The request body could not be read");
      total += chunk.byteLength;
      if (total > limit) {
        // Stop reading: the rest of the body is discarded, not buffered.
        await reader.cancel().catch(() => {});
        throw new PayloadTooLargeError(limit);
      }
      chunks.push(chunk);
    }
  } finally {
    reader.releaseLock();
  }

  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export interface ReadJsonBodyOptions {
  /** Most bytes accepted; DEFAULT_JSON_BODY_LIMIT (64 kB) unless a route needs more. */
  limit?: number;
  /** The schema takes an object: anything else (array, string, number, null) is a clear 400. */
  object?: boolean;
}

/**
 * The body parsed as JSON, read through `readBodyBytes` (413 past the limit). Empty, not UTF-8,
 * malformed JSON, or (with `object`) not a JSON object: a ValidationError (400) saying which.
 * What the values are (NUL characters in strings included) is the schema's business, not this.
 */
export async function readJsonBody(req: Request, opts: ReadJsonBodyOptions = {}): Promise<unknown> {
  const bytes = await readBodyBytes(req, opts.limit ?? DEFAULT_JSON_BODY_LIMIT);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("The request body must be UTF-8 JSON");
  }
  if (!text.trim())
    throw new ValidationError(
      opts.object ? "The request body is empty: send a JSON object" : "The request body is empty: send JSON",
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON");
  }
  if (opts.object && (typeof value !== "object" || value === null || Array.isArray(value))) {
    throw new ValidationError("The request body must be a JSON object");
  }
  return value;
}

/** Whether a zod schema takes an object (through transforms/pipes): the gate then asks readJsonBody for one. */
export function schemaWantsObject(schema: z.ZodType): boolean {
  let s: unknown = schema;
  while (s instanceof z.ZodPipe) s = s.in;
  return s instanceof z.ZodObject;
}
