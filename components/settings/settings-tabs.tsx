"use client";

import { useOptimistic, useTransition } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { LinkTabs } from "@/components/ui/link-tabs";
import { SETTINGS_TAB_LABEL, SETTINGS_TABS, type SettingsTab } from "@/lib/settings/settings-tabs";

/**
 * Settings' sections as tabs, the open one in the URL (`?tab=fees`): a reload or a copied link opens
 * the same section. The server renders only the open section (`children`). A tab is a link to the
 * page with another `tab`, followed as a server navigation (the section on screen dims until the
 * next one arrives). Every tab's client code comes with the page (a few kB): a section's controls
 * must work as soon as it shows, not once a chunk of its own has loaded.
 */
export function SettingsTabs({ tab, children }: { tab: SettingsTab; children: React.ReactNode }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  // The chosen tab shows as selected at once, before its section arrives.
  const [selected, select] = useOptimistic(tab);

  // The other keys (market, environment, the log's filters) stay, as they did with every section on the page.
  const hrefOf = (t: SettingsTab) => {
    const params = new URLSearchParams(searchParams.toString());
    if (t === "account") params.delete("tab");
    else params.set("tab", t);
    const query = params.toString();
    return query ? `/settings?${query}` : "/settings";
  };

  return (
    <LinkTabs
      label="Settings sections"
      idPrefix="settings"
      tabs={SETTINGS_TABS.map((t) => ({ value: t, label: SETTINGS_TAB_LABEL[t], href: hrefOf(t) }))}
      selected={selected}
      onOpen={(t) =>
        startTransition(() => {
          select(t);
          router.replace(hrefOf(t), { scroll: false });
        })
      }
      pending={pending}
      className="gap-6"
      triggerClassName="px-4"
      panelClassName="space-y-6"
    >
      <h2 className="sr-only">{SETTINGS_TAB_LABEL[tab]}</h2>
      {children}
    </LinkTabs>
  );
}
