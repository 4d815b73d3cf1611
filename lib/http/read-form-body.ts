/**
 * A form post's fields (application/x-www-form-urlencoded), read with the same streamed byte
 * limit as JSON bodies. A field sent twice keeps its last value; bytes that are not UTF-8 become
 * U+FFFD (never an exception), so the schema, not the parser, decides what is acceptable.
 */
import { ValidationError } from "@/lib/auth/errors";
import { readBodyBytes } from "./read-json-body";

export const DEFAULT_FORM_BODY_LIMIT = 16 * 1024;

export async function readFormBody(req: Request, limit = DEFAULT_FORM_BODY_LIMIT): Promise<Record<string, string>> {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new ValidationError("Send the form as application/x-www-form-urlencoded");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(await readBodyBytes(req, limit));
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (key.length <= 64) out[key] = value;
  }
  return out;
}
