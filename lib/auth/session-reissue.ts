import "server-only";
import { cookies } from "next/headers";
import { decodeSessionToken, encodeSessionToken, SESSION_COOKIE, sessionCookieOptions } from "./session-cookie";

/**
 * After a change that bumps the session version (password change, two-factor on/off, "sign out
 * other sessions"), the session that made the change stays signed in: its own cookie is
 * re-issued here, on the server, with the version the database just returned. Every other copy
 * of the old cookie is dead. Nothing comes from the client (unlike next-auth's `update()`).
 * The absolute timeout (`authTime`) is kept as it was.
 */
export async function reissueCurrentSession(userId: string, sessionVersion: number): Promise<boolean> {
  const jar = await cookies();
  const token = await decodeSessionToken(jar.get(SESSION_COOKIE)?.value);
  if (!token || token.uid !== userId) return false;
  jar.set(SESSION_COOKIE, await encodeSessionToken(token, { sv: sessionVersion }), sessionCookieOptions());
  return true;
}
