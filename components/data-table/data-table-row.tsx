"use client";

import { useRouter } from "next/navigation";
import { parseAsString, useQueryState } from "nuqs";
import { Checkbox } from "@/components/ui/checkbox";
import { useList } from "./list-context";

/** What opening a row does: put its id in a URL key (a detail sheet), or go to its page. */
export type RowOpen = { param: string } | { href: string };

/**
 * A body row of a server-rendered table: the server renders its cells; this adds what a person
 * does with it (open it by click, Enter or Space) and its selected state.
 */
export function DataTableRow({
  id,
  open,
  label,
  children,
  ...props
}: {
  id: string;
  open?: RowOpen;
  /** The accessible name of the open action ("Open transaction REF123"). */
  label?: string;
  children: React.ReactNode;
} & Record<`data-${string}`, string | undefined>) {
  const { selected } = useList();
  const router = useRouter();
  // An open detail is client state (the sheet fetches it): a shallow URL change, in the history.
  const [, setOpenId] = useQueryState(open && "param" in open ? open.param : "_", parseAsString.withOptions({ history: "push" }));
  const act = open
    ? () => {
        if ("href" in open) router.push(open.href);
        else void setOpenId(id);
      }
    : undefined;
  return (
    <tr
      role="row"
      data-slot="table-row"
      {...props}
      data-state={selected.has(id) ? "selected" : undefined}
      className={act ? "ui-table-row dt-row cursor-pointer" : "ui-table-row dt-row"}
      tabIndex={act ? 0 : undefined}
      aria-label={label}
      onClick={act}
      onKeyDown={
        act
          ? (e) => {
              if ((e.key === "Enter" || e.key === " ") && e.target === e.currentTarget) {
                e.preventDefault();
                act();
              }
            }
          : undefined
      }
    >
      {children}
    </tr>
  );
}

/** A row's selection checkbox (the row stays closed: the click is the checkbox's). */
export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { selected, setSelected } = useList();
  return (
    <Checkbox
      aria-label={label}
      checked={selected.has(id)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
      onCheckedChange={(v) => {
        const next = new Set(selected);
        if (v) next.add(id);
        else next.delete(id);
        setSelected(next);
      }}
    />
  );
}

/** "Select all rows on this page". */
export function PageCheckbox() {
  const { rowIds, selected, setSelected } = useList();
  const all = rowIds.length > 0 && rowIds.every((id) => selected.has(id));
  return (
    <Checkbox
      aria-label="Select all rows on this page"
      checked={all ? true : selected.size > 0 ? "indeterminate" : false}
      onCheckedChange={(v) => setSelected(v ? new Set(rowIds) : new Set())}
    />
  );
}
