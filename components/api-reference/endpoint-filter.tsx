"use client";

import {
  createContext,
  createElement,
  useContext,
  useId,
  useMemo,
  useState,
  type HTMLAttributes,
  type ReactNode,
} from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/**
 * The reference's endpoint filter: the only client state of the page. The cards and the table of
 * contents are rendered on the server; each sits in a <Filterable> that hides it (the `hidden`
 * attribute) when its text does not contain every word typed.
 */

interface FilterState {
  query: string;
  setQuery: (q: string) => void;
  terms: string[];
  total: number;
  matching: number;
}

const FilterContext = createContext<FilterState | null>(null);

function useFilter(): FilterState {
  const state = useContext(FilterContext);
  if (!state) throw new Error("<Filterable> and <EndpointFilterInput> need an <EndpointFilterProvider>");
  return state;
}

const termsOf = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Every word of the query appears in the text (case-insensitive); an empty query matches all. */
export function matchesFilter(text: string, terms: string[]): boolean {
  const haystack = text.toLowerCase();
  return terms.every((t) => haystack.includes(t));
}

/** `texts`: one per endpoint (method, path, summary, tag), for the count. */
export function EndpointFilterProvider({ texts, children }: { texts: string[]; children: ReactNode }) {
  const [query, setQuery] = useState("");
  const terms = useMemo(() => termsOf(query), [query]);
  const matching = useMemo(() => texts.filter((t) => matchesFilter(t, terms)).length, [texts, terms]);
  const value = useMemo(
    () => ({ query, setQuery, terms, total: texts.length, matching }),
    [query, terms, texts.length, matching],
  );
  return <FilterContext.Provider value={value}>{children}</FilterContext.Provider>;
}

export function EndpointFilterInput() {
  const { query, setQuery, terms, total, matching } = useFilter();
  const id = useId();
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>Filter endpoints</Label>
      <Input
        id={id}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder="Path or summary"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-status`}
      />
      <p id={`${id}-status`} role="status" className="text-xs text-muted-foreground">
        {terms.length === 0 ? `${total} endpoints` : `${matching} of ${total} endpoints`}
      </p>
    </div>
  );
}

type FilterableTag = "div" | "li" | "section" | "article";

/** Hidden while the filter matches none of `text` (one text, or a group's: a tag shows while any of its endpoints does). */
export function Filterable({
  as = "div",
  text,
  children,
  ...rest
}: { as?: FilterableTag; text: string | string[]; children: ReactNode } & Omit<
  HTMLAttributes<HTMLElement>,
  "hidden" | "children"
>) {
  const { terms } = useFilter();
  const texts = Array.isArray(text) ? text : [text];
  const visible = terms.length === 0 || texts.some((t) => matchesFilter(t, terms));
  return createElement(as, { ...rest, hidden: !visible || undefined }, children);
}

/** Shown only when the filter matches nothing. */
export function FilterNoMatch({ children }: { children: ReactNode }) {
  const { terms, matching } = useFilter();
  if (terms.length === 0 || matching > 0) return null;
  return <>{children}</>;
}
