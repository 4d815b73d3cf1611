import type { RowData } from "@tanstack/table-core";

/** A filter the toolbar renders for a column: its URL key, title and options (tablecn style). */
export interface ColumnFilterMeta {
  /** The URL key (a key of the list contract's parser map). */
  key: string;
  title: string;
  options: readonly { value: string; label: string }[];
  /** "multiSelect" (default): a popover of checkboxes, an array in the URL; "select": one value. */
  variant?: "multiSelect" | "select";
  /** "select" only: the label of the no-filter option ("All kinds"). */
  allLabel?: string;
}

/** A column "View" lists: its id, its label and whether it is hidden by default (the URL's `hide`/`show` say the rest). */
export interface ColumnChoice {
  id: string;
  label: string;
  defaultHidden: boolean;
}

/**
 * Where a cell goes when a row is a card (below `md`): the title (the reference or name, top left),
 * the status (top right), the row's actions (top right, last), the amount (second line, left), the
 * time (second line, right), or a labelled line of its own ("field"). Cells without a place are
 * left out of the card; a list that places none shows every visible column as a field, the first
 * one as the title.
 */
export type CardPlace = "title" | "status" | "actions" | "amount" | "time" | "field";

/** Column meta: the label for "View" and headers, cell classes, and the filter it drives. */
declare module "@tanstack/table-core" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    label?: string;
    filter?: ColumnFilterMeta;
    className?: string;
    headerClassName?: string;
    /** "right": money and counts (right-aligned, tabular figures). */
    align?: "left" | "right";
    /**
     * Hidden until turned on under "View", so the default columns fit a 1280 px screen. The
     * URL keeps only changes from these defaults (`hide`, `show`: lib/client/list-params.ts).
     */
    defaultHidden?: boolean;
    /** A long value: cut to the cell's width with an ellipsis, the whole text on hover. */
    truncate?: boolean;
    card?: CardPlace;
  }
}

export {};
