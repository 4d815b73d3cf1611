import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { ListProvider } from "@/components/data-table/list-context";
import {
  columnControls,
  selectColumn,
  ServerDataTable,
  sortHeader,
  type ListColumn,
  type ServerDataTableProps,
} from "@/components/data-table/server-data-table";

// The row's client part asks for the router (opening a row with an href); no app router here.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn() }),
  usePathname: () => "/things",
  useSearchParams: () => new URLSearchParams(),
}));

interface Row {
  id: string;
  reference: string;
  amount: number;
  note: string;
}

const rows: Row[] = [
  { id: "r1", reference: "REF-1", amount: 10, note: "first" },
  { id: "r2", reference: "REF-2", amount: 20, note: "second" },
];

const columns: ListColumn<Row>[] = [
  selectColumn<Row>((r) => `Select ${r.reference}`),
  {
    id: "reference",
    accessorKey: "reference",
    enableHiding: false,
    meta: { label: "Reference", card: "title" },
    header: sortHeader("Reference"),
  },
  {
    id: "amount",
    accessorKey: "amount",
    meta: { label: "Amount", align: "right", card: "amount" },
    header: sortHeader("Amount"),
    cell: ({ row }) => `KES ${row.original.amount.toFixed(2)}`,
  },
  {
    id: "note",
    accessorKey: "note",
    enableSorting: false,
    meta: {
      label: "Note",
      defaultHidden: true,
      filter: { key: "note", title: "Note", options: [{ value: "first", label: "First" }] },
    },
    header: "Note",
  },
];

function render(props: Partial<ServerDataTableProps<Row>> = {}): string {
  const table = createElement(ServerDataTable<Row>, {
    columns,
    rows,
    getRowId: (r: Row) => r.id,
    defaultSort: "amount.desc",
    "aria-label": "Things",
    ...props,
  });
  // (ListProvider's children are required: createElement's third argument gives them, which its types do not see.)
  const Provider = ListProvider as React.FC<{ rowIds: readonly string[]; children?: ReactNode }>;
  const list = createElement(Provider, { rowIds: (props.rows ?? rows).map((r) => r.id) }, table);
  const tree: ReactNode = createElement(NuqsTestingAdapter, null, list);
  return renderToStaticMarkup(tree);
}

const headers = (html: string) => [...html.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

describe("ServerDataTable: the rows and headers a list's URL asks for, as HTML", () => {
  it("shows the default columns, sorted by the default sort, one row per record", () => {
    const html = render();
    expect(headers(html)).toEqual(["", "Reference", "Amount"]);
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*>.*?Amount/);
    expect(html).toMatch(/<th[^>]*aria-sort="none"[^>]*>.*?Reference/);
    expect(html.match(/data-slot="table-row"/g)?.length).toBe(3); // the header row and two body rows
    expect(html).toContain("KES 20.00");
    expect(html).toContain('aria-label="Select REF-2"');
    expect(html).toContain('aria-rowcount="3"');
  });

  it("follows the URL's sort, `show` and `hide`; a column that cannot hide stays", () => {
    const html = render({ sort: "reference.asc", show: ["note"], hide: ["amount", "reference"] });
    expect(headers(html)).toEqual(["", "Reference", "Note"]);
    expect(html).toMatch(/<th[^>]*aria-sort="ascending"[^>]*>.*?Reference/);
    expect(html).toContain("second");
    expect(html).not.toContain("KES 10.00");
  });

  it("places cells on the phone card and labels the fields", () => {
    const html = render({ show: ["note"] });
    expect(html).toMatch(/data-card="title"[^>]*>(<span[^>]*>)?REF-1/);
    expect(html).toContain('data-card="amount"');
    // A column without a place is left off the card (no `data-card`); placed ones carry no label.
    expect(html).not.toContain("Note:");
  });

  it("makes rows actions when they open something, named by rowLabel", () => {
    const html = render({ rowOpen: () => ({ param: "thing" }), rowLabel: (r) => `Open thing ${r.reference}` });
    expect(html).toMatch(/<tr[^>]*tabindex="0"[^>]*aria-label="Open thing REF-1"/);
    expect(render()).not.toMatch(/<tr[^>]*tabindex=/);
  });

  it("shows the empty state without rows, and the error instead of rows", () => {
    expect(render({ rows: [] })).toContain("No data found");
    const failed = render({ error: createElement("p", null, "Invalid date") });
    expect(failed).toContain("Invalid date");
    expect(failed).not.toContain("REF-1");
  });
});

describe("columnControls: what the toolbar offers for the columns", () => {
  it("lists the hideable columns with their defaults, and the columns' filters", () => {
    const { choices, filters } = columnControls(columns);
    expect(choices).toEqual([
      { id: "amount", label: "Amount", defaultHidden: false },
      { id: "note", label: "Note", defaultHidden: true },
    ]);
    expect(filters.map((f) => f.key)).toEqual(["note"]);
  });
});
