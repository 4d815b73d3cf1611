import type { RowData } from "@tanstack/react-table";

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

/** Column meta: the label for "View" and headers, cell classes, and the filter it drives. */
declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    label?: string;
    filter?: ColumnFilterMeta;
    className?: string;
    headerClassName?: string;
    align?: "left" | "right";
  }
}

export {};
