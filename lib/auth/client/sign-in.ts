import type { SignInResponse } from "next-auth/react";

/**
 * Signs in with the credentials provider, without redirecting (the form shows errors in place).
 * next-auth's client (~14 kB gzip with its Babel helpers) is loaded on submit, not with the page:
 * the sign-in and invite pages need nothing else from it.
 */
export async function signInWithCredentials(fields: Record<string, string | undefined>): Promise<SignInResponse | undefined> {
  const { signIn } = await import("next-auth/react");
  return signIn("credentials", { ...fields, redirect: false });
}
