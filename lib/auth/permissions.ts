/**
 * The one permissions table. Pure data, shared by the server guard and the UI (which only
 * hides what the server would refuse anyway).
 */

export const PERMISSION_GROUPS = [
  { area: "Collections", permissions: { read: "collections.read", manage: "collections.create" } },
  { area: "Payouts", permissions: { read: "payouts.read", manage: "payouts.create", approve: "payouts.approve" } },
  { area: "Onramp", permissions: { read: "onramp.read" } },
  { area: "Offramp", permissions: { read: "offramp.read", manage: "offramp.manage" } },
  { area: "Payment Links", permissions: { read: "payment_links.read", manage: "payment_links.manage" } },
  { area: "Bulk Payments", permissions: { read: "bulk_payments.read", manage: "bulk_payments.manage" } },
  { area: "Customers", permissions: { read: "customers.read", manage: "customers.manage" } },
  { area: "Wallets", permissions: { read: "wallets.read", transfer: "wallets.transfer", manage: "wallets.manage" } },
  { area: "API Keys", permissions: { manage: "api_keys.manage" } },
  { area: "Settings", permissions: { manage: "settings.manage" } },
  { area: "Users", permissions: { read: "users.read", manage: "users.manage" } },
  { area: "Roles", permissions: { manage: "roles.manage" } },
  { area: "Audit log", permissions: { read: "audit.read" } },
] as const;

type PermissionsOf<G> = G extends { permissions: infer P } ? P[keyof P] : never;
export type Permission = PermissionsOf<(typeof PERMISSION_GROUPS)[number]>;

export const ALL_PERMISSIONS: readonly Permission[] = PERMISSION_GROUPS.flatMap((g) => Object.values(g.permissions) as Permission[]);

export function isPermission(value: string): value is Permission {
  return (ALL_PERMISSIONS as readonly string[]).includes(value);
}

const READS: Permission[] = ALL_PERMISSIONS.filter((p) => p.endsWith(".read"));

export const BUILTIN_ROLES: Record<string, { description: string; permissions: readonly Permission[] }> = {
  Owner: { description: "Full access, including team, roles and money movement.", permissions: ALL_PERMISSIONS },
  Admin: {
    description: "Everything except managing roles.",
    permissions: ALL_PERMISSIONS.filter((p) => p !== "roles.manage"),
  },
  Developer: {
    description: "API keys, webhooks and read access to transactions. Cannot move money.",
    permissions: [
      ...READS.filter((p) => p !== "audit.read" && p !== "users.read"),
      "api_keys.manage",
      "settings.manage",
    ],
  },
  Finance: {
    description: "Reads everything financial and moves money: payouts, transfers, bulk payments.",
    permissions: [
      ...READS.filter((p) => p !== "users.read" && p !== "audit.read"),
      "collections.create",
      "payouts.create",
      "payouts.approve",
      "offramp.manage",
      "wallets.transfer",
      "bulk_payments.manage",
      "payment_links.manage",
      "customers.manage",
    ],
  },
  Viewer: { description: "Read-only access to transactions, wallets and customers.", permissions: READS.filter((p) => p !== "audit.read" && p !== "users.read") },
};

export const BUILTIN_ROLE_NAMES = Object.keys(BUILTIN_ROLES);
