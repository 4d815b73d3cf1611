import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { appBaseUrl } from "@/lib/env";

/** A fresh invite token: 256 CSPRNG bits, base64url (43 characters). Only its hash is stored. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

/** SHA-256 hex: a 256-bit random secret needs no slow KDF (ASVS 6.5.2 / 11.5.1). */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The link in the mail, on the public base URL of the app. */
export function inviteUrl(token: string, baseUrl = appBaseUrl()): string {
  return `${baseUrl.replace(/\/+$/, "")}/invite/${token}`;
}
