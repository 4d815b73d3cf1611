"use client";

import type { Table } from "@tanstack/react-table";
import dynamic from "next/dynamic";
import { Settings2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useOnDemand } from "@/components/ui/on-demand";
import "./types";

/** The "View" button (the menu's trigger, and its stand-in until the menu's code is loaded). */
export function ViewOptionsButton(props: React.ComponentProps<"button">) {
  return (
    <Button variant="outline" size="sm" aria-label="View: choose columns" aria-haspopup="menu" aria-expanded={false} {...props}>
      <Settings2 aria-hidden /> View
    </Button>
  );
}

// The menu (Radix DropdownMenu) loads on first use; until then its button stands in.
const loadMenu = () => import("./data-table-view-options-menu");
const ViewOptionsMenu = dynamic(() => import("./data-table-view-options-menu"), { ssr: false, loading: () => <ViewOptionsButton /> });

/** "View": which columns show (stored in the URL by the owner of the table state). */
export function DataTableViewOptions<TData>({ table }: { table: Table<TData> }) {
  const menu = useOnDemand(loadMenu);
  return menu.used ? <ViewOptionsMenu table={table as Table<unknown>} /> : <ViewOptionsButton {...menu.trigger} />;
}
