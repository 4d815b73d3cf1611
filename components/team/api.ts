"use client";

import type { ActionResult } from "@/lib/auth/guard";

/** Unwraps an action result: the data, or throws its message (for toasts / form errors). */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export async function run<T>(p: Promise<ActionResult<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new ActionError(r.error, r.fieldErrors);
  return r.data;
}
