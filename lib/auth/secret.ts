/** The server secret every auth key derives from (JWT encryption, TOTP-secret encryption, code HMACs). */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    // scripts/start.mjs always provides one (generated and kept in the data folder).
    console.warn("[auth] NEXTAUTH_SECRET is not set; using an insecure development secret.");
  }
  return "kotani-backoffice-insecure-dev-secret-change-me";
}
