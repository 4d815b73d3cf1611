import {
  ArrowDownToLine, ArrowUpFromLine, Bitcoin, Coins, FileStack, KeyRound, LayoutDashboard, Link2, Settings, ShieldCheck,
  UserRound, Users, Wallet, Repeat, ScrollText,
} from "lucide-react";
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  icon: typeof LayoutDashboard;
  /** Hidden when the user lacks it (the page itself refuses too). */
  permission?: Permission;
}

/** The real product's sidebar, in its order and with its labels. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/collections", label: "Collections", icon: ArrowDownToLine, permission: "collections.read" },
  { href: "/onramp", label: "Onramp Transactions", icon: Coins, permission: "onramp.read" },
  { href: "/payment-links", label: "Payment Links", icon: Link2, permission: "payment_links.read" },
  { href: "/payouts", label: "Payouts", icon: ArrowUpFromLine, permission: "payouts.read" },
  { href: "/offramp", label: "Offramp Transactions", icon: Repeat, permission: "offramp.read" },
  { href: "/bulk-payments", label: "Bulk Payments", icon: FileStack, permission: "bulk_payments.read" },
  { href: "/customers", label: "Customers", icon: UserRound, permission: "customers.read" },
  { href: "/wallets", label: "Wallets", icon: Wallet, permission: "wallets.read" },
  { href: "/crypto-wallets", label: "Crypto Wallets", icon: Bitcoin, permission: "wallets.read" },
  { href: "/api-keys", label: "API Keys", icon: KeyRound, permission: "api_keys.manage" },
  { href: "/settings", label: "Settings", icon: Settings, permission: "settings.manage" },
  { href: "/users", label: "Users", icon: Users, permission: "users.read" },
  { href: "/roles", label: "Roles & Permissions", icon: ShieldCheck, permission: "roles.manage" },
  { href: "/audit", label: "Audit Log", icon: ScrollText, permission: "audit.read" },
];

/** The sections a member sees: those whose permission they hold (the sidebar's rule; the command palette and shortcuts use it too). */
export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}
