import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError, RateLimitError } from "@/lib/auth/errors";
import { toJson } from "@/lib/json";

/**
 * The public API's envelope (§1.4): `{success, message, data}` on success; shape B
 * `{success:false, message, error_code, data}` for errors; validation failures list every problem
 * in `data.errors` and join them into the message; the rate limiter answers in shape A
 * `{statusCode, message, error, data:{retryAfter}}`.
 */
const NO_STORE = { "content-type": "application/json", "cache-control": "no-store" };

export function apiSuccess(message: string, data: unknown, status = 200): Response {
  return new NextResponse(toJson({ success: true, message, data }), { status, headers: NO_STORE });
}

export function apiFailure(status: number, message: string, data: Record<string, unknown> = {}): Response {
  return new NextResponse(toJson({ success: false, message, error_code: status, data }), { status, headers: NO_STORE });
}

export function apiValidationFailure(errors: string[]): Response {
  return apiFailure(400, `Validation failed: ${errors.join(", ")}`, { errors });
}

export function apiRateLimited(retryAfter: number): Response {
  return new NextResponse(
    JSON.stringify({ statusCode: 429, message: "Too many requests, please slow down", error: "Too Many Requests", data: { retryAfter } }),
    { status: 429, headers: { ...NO_STORE, "retry-after": String(retryAfter) } },
  );
}

/** Zod issues as the API words them: "amount must be a number", "property amout should not exist". */
export function issuesToErrors(error: z.ZodError): string[] {
  const out: string[] = [];
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) out.push(`property ${path ? `${path}.` : ""}${k} should not exist`);
    } else {
      out.push(path ? `${path} ${issue.message}` : issue.message);
    }
  }
  return out;
}

/** An error thrown by a service or the gate, in the envelope; anything unexpected is a logged, generic 500. */
export function apiErrorResponse(e: unknown): Response {
  if (e instanceof RateLimitError) return apiRateLimited(e.retryAfterSeconds);
  if (e instanceof AppError) {
    if (e.status === 400 && e.fieldErrors) {
      const errors = Object.entries(e.fieldErrors).flatMap(([field, msgs]) => msgs.map((m) => (field === "_" ? m : `${field}: ${m}`)));
      return apiFailure(400, `Validation failed: ${errors.join(", ")}`, { errors });
    }
    return apiFailure(e.status, e.message);
  }
  console.error("[api v3] unexpected error", e);
  return apiFailure(500, "Internal server error");
}
