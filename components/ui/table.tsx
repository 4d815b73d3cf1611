import * as React from "react";

import { cn } from "@/lib/utils";
import { TableScrollBox } from "./table-scroll-box";

function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <TableScrollBox label={props["aria-label"]} labelledBy={props["aria-labelledby"]}>
      <table
        data-slot="table"
        className={cn("ui-table", className)}
        {...props}
      />
    </TableScrollBox>
  );
}

function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return (
    <thead
      data-slot="table-header"
      className={cn("ui-table-header", className)}
      {...props}
    />
  );
}

function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return (
    <tbody
      data-slot="table-body"
      className={cn("ui-table-body", className)}
      {...props}
    />
  );
}

function TableFooter({ className, ...props }: React.ComponentProps<"tfoot">) {
  return (
    <tfoot
      data-slot="table-footer"
      className={cn("ui-table-footer", className)}
      {...props}
    />
  );
}

function TableRow({ className, ...props }: React.ComponentProps<"tr">) {
  return (
    <tr
      data-slot="table-row"
      className={cn("ui-table-row", className)}
      {...props}
    />
  );
}

function TableHead({ className, ...props }: React.ComponentProps<"th">) {
  return (
    <th
      data-slot="table-head"
      className={cn(
        "ui-table-head",
        // A utility, not in .ui-table-head: it still wins over a caller's padding (the lists'
        // `px-2.5`) in a select-all column, as it did when tailwind-merge kept both.
        "[&:has(>input[type=checkbox])]:pr-0",
        className,
      )}
      {...props}
    />
  );
}

function TableCell({ className, ...props }: React.ComponentProps<"td">) {
  return (
    <td
      data-slot="table-cell"
      className={cn("ui-table-cell", className)}
      {...props}
    />
  );
}

function TableCaption({
  className,
  ...props
}: React.ComponentProps<"caption">) {
  return (
    <caption
      data-slot="table-caption"
      className={cn("ui-table-caption", className)}
      {...props}
    />
  );
}

export {
  Table,
  TableHeader,
  TableBody,
  TableFooter,
  TableHead,
  TableRow,
  TableCell,
  TableCaption,
};
