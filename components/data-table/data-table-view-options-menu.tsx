"use client";

import {
  DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { columnVisibility } from "@/lib/client/list-params";
import { ViewOptionsButton, type ViewOptionsProps } from "./data-table-view-options";

/** The "View" menu, loaded on its first opening (data-table-view-options.tsx): opens at once. */
export default function ViewOptionsMenu({ columns, hide, show, onChange }: ViewOptionsProps) {
  const defaults = new Map(columns.map((c) => [c.id, c.defaultHidden]));
  const visible = columnVisibility(defaults, hide, show);
  return (
    <DropdownMenu defaultOpen>
      <DropdownMenuTrigger asChild>
        <ViewOptionsButton />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuLabel>Toggle columns</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {columns.map((column) => (
          <DropdownMenuCheckboxItem
            key={column.id}
            checked={visible[column.id] !== false}
            onCheckedChange={(v) => onChange(defaults, { ...visible, [column.id]: !!v })}
            onSelect={(e) => e.preventDefault()}
          >
            {column.label}
          </DropdownMenuCheckboxItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
