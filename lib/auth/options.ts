import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { authenticate } from "./sign-in";
import { signOutEverywhere } from "./sign-out";
import { clientIpFrom } from "./request-meta";
import { authNow } from "./clock";
import { authSecret } from "./secret";
import { ABSOLUTE_SESSION_SECONDS, IDLE_SESSION_SECONDS, SECURE_COOKIES, SESSION_COOKIE } from "./session-cookie";
import { loadSessionUser } from "./scope";

/** A revoked (session version moved on, member disabled) or too old session: next-auth ends it. */
async function assertSessionCurrent(token: JWT): Promise<void> {
  const { uid, sv, authTime } = token;
  if (typeof uid !== "string" || typeof sv !== "number" || typeof authTime !== "number")
    throw new Error("session claims missing");
  if (Date.now() / 1000 - authTime > ABSOLUTE_SESSION_SECONDS) throw new Error("session past its absolute lifetime");
  if (!(await loadSessionUser(await getDb(), uid, sv))) throw new Error("session revoked");
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // An expired, revoked-and-expired or forged cookie is routine: one line, not a stack trace.
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR") return console.warn(`[auth] session cookie refused: ${(metadata as { message?: string })?.message ?? code}`);
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      if (code !== "NEXTAUTH_URL") console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
  session: { strategy: "jwt", maxAge: IDLE_SESSION_SECONDS, updateAge: 0 },
  pages: { signIn: "/login", error: "/login" },
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: SECURE_COOKIES },
    },
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { type: "email" },
        password: { type: "password" },
        totp: { type: "text" },
        recoveryCode: { type: "text" },
      },
      /**
       * null → "CredentialsSignin" (401). A thrown error's message becomes the `error` code:
       * TooManyAttempts (the route handler turns it into a 429), TwoFactorRequired,
       * TwoFactorInvalid (both only after a correct password). See lib/auth/sign-in.ts.
       */
      async authorize(credentials, req) {
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const outcome = await authenticate(
          await getDb(),
          credentials,
          { ip: clientIpFrom((name) => headers[name]), userAgent: headers["user-agent"] },
          authNow(),
        );
        if (outcome.ok) {
          const { user } = outcome;
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        }
        if (outcome.error === "CredentialsSignin") return null;
        throw new Error(outcome.error);
      },
    }),
  ],
  callbacks: {
    /**
     * The token is only ever built from the database at sign-in. The "update" trigger
     * (useSession().update(), client-supplied data) is ignored on purpose: password change and
     * two-factor changes re-issue the cookie on the server instead (lib/auth/account-actions.ts).
     */
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as unknown as { sessionVersion: number }).sessionVersion;
        token.authTime = Math.floor(Date.now() / 1000);
        return token;
      }
      // Every other call (GET/POST /api/auth/session, i.e. useSession() and getServerSession())
      // checks the cookie as the gate does (lib/auth/scope.ts): the current session version and
      // an active membership in the database, and the absolute lifetime. Throwing is how next-auth
      // v4 ends a JWT session (core/routes/session.js): the answer is `{}` (no user data), the
      // session cookie is cleared, and the logger above notes it in one line.
      await assertSessionCurrent(token);
      return token;
    },
    async session({ session, token }) {
      session.user = { id: token.uid as string, email: token.email ?? "", name: token.name ?? "" };
      session.sv = token.sv as number;
      session.authTime = token.authTime as number;
      return session;
    },
  },
  events: {
    // Logout kills every copy of the cookie: the session version moves on.
    async signOut({ token }) {
      if (typeof token?.uid === "string") await signOutEverywhere(await getDb(), token.uid);
    },
  },
};
