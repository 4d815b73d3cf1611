"use client";

import dynamic from "next/dynamic";
import type { UseQueryStatesKeysMap } from "nuqs";
import { Bookmark } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { SavedViewList } from "@/lib/saved-views/lists";
import type { ListUrl } from "./use-list-url";

/** The "Views" button: the applied view's name when the list shows one. */
export function SavedViewsButton({ active, ...props }: { active?: string } & React.ComponentProps<"button">) {
  return (
    <Button variant="outline" size="sm" aria-haspopup="dialog" aria-expanded={false} {...props}>
      <Bookmark aria-hidden /> Views{active ? `: ${active}` : ""}
    </Button>
  );
}

// The views are the member's, read in the browser (React Query, which the page does not otherwise
// need): the control loads right after the page, its button standing in meanwhile.
const SavedViewsControl = dynamic(() => import("./saved-views-control"), {
  ssr: false,
  loading: () => <SavedViewsButton disabled />,
});

/**
 * "Views": the list's saved views (saved-views-control.tsx). Loaded at once, not on first use:
 * arriving on a list applies the member's default view.
 */
export function SavedViewsMenu<P extends UseQueryStatesKeysMap>(props: { list: ListUrl<P>; listId: SavedViewList }) {
  return <SavedViewsControl {...(props as { list: ListUrl; listId: SavedViewList })} />;
}
