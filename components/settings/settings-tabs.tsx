"use client";

import { useQueryStates } from "nuqs";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { SETTINGS_TAB_LABEL, SETTINGS_TABS, settingsTabParsers, type SettingsTab } from "@/lib/settings/settings-tabs";

/**
 * Settings' sections as tabs, the open one in the URL (`?tab=fees`): a reload or a copied link opens
 * the same section. Each section arrives rendered (the server page built it); the tabs only pick.
 */
export function SettingsTabs({ sections }: { sections: Record<SettingsTab, React.ReactNode> }) {
  const [{ tab }, setTab] = useQueryStates(settingsTabParsers, { clearOnDefault: true, history: "replace" });
  return (
    <Tabs value={tab} onValueChange={(v) => void setTab({ tab: v as SettingsTab })} className="gap-6">
      <TabsList aria-label="Settings sections">
        {SETTINGS_TABS.map((t) => (
          <TabsTrigger key={t} value={t} className="px-4">
            {SETTINGS_TAB_LABEL[t]}
          </TabsTrigger>
        ))}
      </TabsList>
      {SETTINGS_TABS.map((t) => (
        <TabsContent key={t} value={t} className="space-y-6">
          <h2 className="sr-only">{SETTINGS_TAB_LABEL[t]}</h2>
          {sections[t]}
        </TabsContent>
      ))}
    </Tabs>
  );
}
