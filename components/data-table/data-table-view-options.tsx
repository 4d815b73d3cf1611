"use client";

import dynamic from "next/dynamic";
import { Settings2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useOnDemand } from "@/components/ui/on-demand";
import type { ColumnDefaults } from "@/lib/client/list-params";
import type { ColumnChoice } from "./types";

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

export interface ViewOptionsProps {
  columns: readonly ColumnChoice[];
  /**
   * The URL's `hide` and `show` as they are now: a second change made before the server's new
   * render arrives starts from the first one, not from the columns the server last rendered.
   */
  hide: readonly string[];
  show: readonly string[];
  /** Shows exactly the columns `visible` says (useListUrl's setColumnVisibility). */
  onChange: (defaults: ColumnDefaults, visible: Record<string, boolean>) => void;
}

/** "View": which columns show (in the URL; the server renders the table with them). */
export function DataTableViewOptions(props: ViewOptionsProps) {
  const menu = useOnDemand(loadMenu);
  return menu.used ? <ViewOptionsMenu {...props} /> : <ViewOptionsButton {...menu.trigger} />;
}
