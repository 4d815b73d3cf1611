/** The accounts e2e/account/seed-accounts.mts creates (organisation "Kotani Security QA", sandbox only). */
export const QA_ORG = "Kotani Security QA";
export const QA_PASSWORD = "Demo-Backoffice-2026";

export const QA_ACCOUNTS = {
  /** Two-factor on/off, the team requirement. */
  owner: { email: "qa-owner@security.test", name: "QA Owner", role: "Owner", password: true, firstSignIn: false },
  /** No password yet, never signed in: first password + the environment gate. */
  first: { email: "qa-first@security.test", name: "QA Newcomer", role: "Viewer", password: false, firstSignIn: true },
  /** Expired and reused codes. */
  reset: { email: "qa-reset@security.test", name: "QA Reset", role: "Viewer", password: true, firstSignIn: false },
  /** Captured cookies after logout / password change. */
  sessions: { email: "qa-sessions@security.test", name: "QA Sessions", role: "Admin", password: true, firstSignIn: false },
  /** Sent to set up two-factor when the team requires it. */
  member: { email: "qa-member@security.test", name: "QA Member", role: "Viewer", password: true, firstSignIn: false },
  /** Lockout. */
  lockout: { email: "qa-lockout@security.test", name: "QA Lockout", role: "Viewer", password: true, firstSignIn: false },
} as const;
