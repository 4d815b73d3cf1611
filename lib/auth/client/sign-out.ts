/**
 * Signs out through next-auth (CSRF-protected POST, then the login page). next-auth's client is
 * loaded on the click, not with every dashboard page: it is the only thing the dashboard needs
 * from it (no SessionProvider: the server resolves the session on every request).
 */
export async function signOutToLogin(): Promise<void> {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/login" });
}
