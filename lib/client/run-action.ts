/** What a server action answers (lib/auth/guard.ts ActionResult), as the client sees it. */
export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** What a form says when the server could not be reached (the action's request threw). */
export const UNREACHABLE_MESSAGE = "Could not reach the server. Check your connection and try again.";

/**
 * Runs a server action; a thrown (network) error becomes a refusal with a plain message. Its own
 * module (no dialog code), so a page can use it without loading a dialog.
 */
export async function runAction<T>(call: () => Promise<ActionOutcome<T>>): Promise<ActionOutcome<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: UNREACHABLE_MESSAGE };
  }
}
