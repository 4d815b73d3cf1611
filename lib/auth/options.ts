import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { authenticatePassword } from "./sign-in";
import { clientIpFrom } from "./request-meta";

/** Sessions end 12 hours after sign-in whatever the activity (absolute timeout). */
export const ABSOLUTE_SESSION_SECONDS = 12 * 60 * 60;
/** Sliding idle timeout: the JWT cookie's lifetime, renewed on use. */
export const IDLE_SESSION_SECONDS = 30 * 60;

const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? devSecret(),
  session: { strategy: "jwt", maxAge: IDLE_SESSION_SECONDS, updateAge: 0 },
  pages: { signIn: "/login", error: "/login" },
  cookies: {
    sessionToken: {
      name: secure ? "__Secure-kotani.session" : "kotani.session",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure },
    },
  },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        const user = await authenticatePassword(await getDb(), credentials, {
          ip: clientIpFrom((name) => headers[name]),
          userAgent: headers["user-agent"],
        });
        return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as unknown as { sessionVersion: number }).sessionVersion;
        token.authTime = Math.floor(Date.now() / 1000);
      }
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
      if (token?.uid) {
        const db = await getDb();
        await db
          .update(users)
          .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
          .where(eq(users.id, token.uid as string));
      }
    },
  },
};

function devSecret(): string {
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    // scripts/start.mjs always provides one (generated and kept in the data folder).
    console.warn("[auth] NEXTAUTH_SECRET is not set; using an insecure development secret.");
  }
  return "kotani-backoffice-insecure-dev-secret-change-me";
}
