import { readFileSync } from "node:fs";
import { env, servedOverHttps } from "@/lib/env";

/**
 * The clock of the account-security services (OTP expiry, throttling windows, TOTP steps).
 * Services take `now` as a parameter (tests pass their own); the actions call `authNow()`.
 *
 * End-to-end tests must "move the clock" of a running production build without sleeping
 * (an OTP that expired 10 minutes later). That is the only use of KOTANI_TEST_CLOCK_FILE:
 * `scripts/e2e-server.mjs` sets it to a file in the throwaway e2e data folder, and the spec
 * writes a millisecond offset into it. It is honoured only when
 *   - the variable is set (it never is outside the e2e server), and
 *   - the app is not served over https (NEXTAUTH_URL), so a real deployment can't enable it
 *     by accident,
 * and it only moves these auth services' clock: JWT expiry and everything else use real time.
 * Writing the file needs write access to the server's data folder, i.e. owning the server.
 */
const CLOCK_FILE = env().KOTANI_TEST_CLOCK_FILE;
const ENABLED = Boolean(CLOCK_FILE) && !servedOverHttps();
let warned = false;

function offsetMs(): number {
  if (!ENABLED) return 0;
  if (!warned) {
    warned = true;
    console.warn(`[auth] TEST CLOCK enabled (KOTANI_TEST_CLOCK_FILE=${CLOCK_FILE}): never set this outside end-to-end tests.`);
  }
  try {
    const value = Number(readFileSync(CLOCK_FILE!, "utf8").trim());
    return Number.isFinite(value) ? value : 0;
  } catch {
    return 0;
  }
}

export function authNow(): Date {
  return new Date(Date.now() + offsetMs());
}
