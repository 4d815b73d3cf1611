"use client";

import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { goShortcutsFor } from "./use-shortcuts";
import { useScope } from "./scope-context";

function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="flex shrink-0 items-center gap-1">
      {keys.map((k, i) => (
        <kbd key={i} className="min-w-6 rounded border bg-muted px-1.5 py-0.5 text-center font-mono text-xs text-foreground">
          {k}
        </kbd>
      ))}
    </span>
  );
}

type Shortcut = { keys: string[]; label: string };

function ShortcutList({ shortcuts }: { shortcuts: Shortcut[] }) {
  return (
    <dl className="space-y-2 text-sm">
      {shortcuts.map((s) => (
        <div key={s.label} className="flex items-center justify-between gap-4">
          <dt className="text-muted-foreground">{s.label}</dt>
          <dd>
            <Keys keys={s.keys} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What `?` opens: every keyboard shortcut this member has (the `g` ones only for sections they may see). */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { permissions } = useScope();
  const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
  const general: Shortcut[] = [
    { keys: [isMac ? "⌘" : "Ctrl", "K"], label: "Open the command palette" },
    { keys: ["/"], label: "Search the list on this page" },
    { keys: ["?"], label: "Show these shortcuts" },
  ];
  const go = goShortcutsFor(permissions).map(({ key, item }) => ({ keys: ["G", key.toUpperCase()], label: item.label }));
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogDescription>Single keys work when you are not typing in a field.</DialogDescription>
        </DialogHeader>
        <section aria-labelledby="shortcuts-general">
          <h3 id="shortcuts-general" className="mb-2 text-sm font-medium">
            General
          </h3>
          <ShortcutList shortcuts={general} />
        </section>
        {go.length > 0 && (
          <section aria-labelledby="shortcuts-go">
            <h3 id="shortcuts-go" className="mb-2 text-sm font-medium">
              Go to <span className="font-normal text-muted-foreground">(press G, then the letter)</span>
            </h3>
            <ShortcutList shortcuts={go} />
          </section>
        )}
      </DialogContent>
    </Dialog>
  );
}
