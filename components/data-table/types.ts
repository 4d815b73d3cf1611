import type { RowData } from "@tanstack/react-table";

/** Column meta (tablecn style): the label for "View" and headers, cell classes, and the filter it drives. */
declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    label?: string;
    /** A multi-select filter the toolbar renders for this column (its URL key and options). */
    filter?: { key: string; title: string; options: readonly { value: string; label: string }[] };
    className?: string;
    headerClassName?: string;
    align?: "left" | "right";
  }
}

export {};
