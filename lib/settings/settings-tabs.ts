/**
 * The Settings page's sections, kept in the URL (`?tab=webhooks`): the server page reads it to
 * render only the open tab, the tabs read and write it. Pure: server and client.
 */
import { createLoader, parseAsStringLiteral } from "nuqs/server";

export const SETTINGS_TABS = ["account", "fees", "webhooks"] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];
export const SETTINGS_TAB_LABEL: Record<SettingsTab, string> = { account: "Account", fees: "Fees", webhooks: "Webhooks" };

export const settingsTabParsers = { tab: parseAsStringLiteral(SETTINGS_TABS).withDefault("account") };
export const loadSettingsTab = createLoader(settingsTabParsers);
