"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { PERMISSION_GROUPS, type Permission } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";

const COLUMNS = [
  { key: "read", label: "Read" },
  { key: "transfer", label: "Transfer" },
  { key: "manage", label: "Manage" },
  { key: "approve", label: "Approve" },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];

function permissionAt(group: (typeof PERMISSION_GROUPS)[number], key: ColumnKey): Permission | undefined {
  return (group.permissions as Partial<Record<ColumnKey, Permission>>)[key];
}

/**
 * Read / transfer / manage / approve per area. Checking any box but read also checks the area's read; clearing
 * read clears the rest of the area. Permissions the editor does not hold are shown but disabled.
 */
export function PermissionMatrix({
  value,
  onChange,
  readOnly,
  held,
  idPrefix = "perm",
}: {
  value: readonly string[];
  onChange?(next: Permission[]): void;
  readOnly?: boolean;
  /** What the editor may grant (the server refuses anything else). */
  held?: readonly Permission[];
  idPrefix?: string;
}) {
  const selected = new Set(value);
  const toggle = (group: (typeof PERMISSION_GROUPS)[number], key: ColumnKey, on: boolean) => {
    const next = new Set(selected);
    const p = permissionAt(group, key)!;
    const read = permissionAt(group, "read");
    if (on) {
      next.add(p);
      if (key !== "read" && read && (!held || held.includes(read))) next.add(read);
    } else {
      next.delete(p);
      if (key === "read") for (const v of Object.values(group.permissions)) next.delete(v);
    }
    onChange?.([...next] as Permission[]);
  };
  return (
    <div tabIndex={0} role="group" aria-label="Permissions" className="overflow-x-auto rounded-lg border">
      <table className="w-full text-sm" aria-label="Permissions">
        <thead className="bg-muted/40 text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Area
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" className="w-24 px-3 py-2 text-center font-medium">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">
          {PERMISSION_GROUPS.map((group) => (
            <tr key={group.area}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {group.area}
              </th>
              {COLUMNS.map((c) => {
                const p = permissionAt(group, c.key);
                if (!p) {
                  return (
                    <td key={c.key} className="px-3 py-2 text-center text-muted-foreground/50" aria-hidden>
                      —
                    </td>
                  );
                }
                const notHeld = held !== undefined && !held.includes(p) && !selected.has(p);
                const id = `${idPrefix}-${p.replace(/\./g, "-")}`;
                return (
                  <td key={c.key} className="px-3 py-2 text-center">
                    <Checkbox
                      id={id}
                      aria-label={`${group.area} ${c.label.toLowerCase()}`}
                      title={notHeld ? "You cannot grant a permission you do not hold" : p}
                      checked={selected.has(p)}
                      disabled={readOnly || notHeld}
                      onCheckedChange={(v) => toggle(group, c.key, v === true)}
                      className={cn(readOnly && "disabled:opacity-100")}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
