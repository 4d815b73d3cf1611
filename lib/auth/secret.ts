import { env } from "@/lib/env";

/** The server secret every auth key derives from (JWT encryption, TOTP-secret encryption, code HMACs). */
export function authSecret(): string {
  const { NEXTAUTH_SECRET: secret, NODE_ENV, NEXT_PHASE } = env();
  if (secret) return secret;
  if (NODE_ENV === "production" && NEXT_PHASE !== "phase-production-build") {
    // scripts/start.mjs always provides one (generated and kept in the data folder).
    console.warn("[auth] NEXTAUTH_SECRET is not set; using an insecure development secret.");
  }
  return "kotani-backoffice-insecure-dev-secret-change-me";
}
