/**
 * The Settings page's sections, kept in the URL (`?tab=webhooks`): the server page reads it to
 * render only the open tab (its loader is in the page: the tabs, client side, do not ship it), the
 * tabs read and write it. Pure: server and client.
 */
import { parseAsStringLiteral } from "nuqs/server";

export const SETTINGS_TABS = ["account", "fees", "webhooks"] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];
export const SETTINGS_TAB_LABEL: Record<SettingsTab, string> = { account: "Account", fees: "Fees", webhooks: "Webhooks" };

export const settingsTabParsers = { tab: parseAsStringLiteral(SETTINGS_TABS).withDefault("account") };
