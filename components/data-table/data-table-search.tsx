"use client";

import { useEffect, useRef, useState } from "react";
import { Search, X } from "lucide-react";
import { Input } from "@/components/ui/input";

/** A search box that writes to the table state after a pause in typing (and at once on Enter). */
export function DataTableSearch({ value, onChange, placeholder, label, delay = 350 }: { value: string; onChange: (v: string) => void; placeholder: string; label: string; delay?: number }) {
  const [draft, setDraft] = useState(value);
  const last = useRef(value);
  useEffect(() => {
    // The URL changed elsewhere (back button, reset): follow it.
    if (value !== last.current) {
      last.current = value;
      setDraft(value);
    }
  }, [value]);
  useEffect(() => {
    if (draft === last.current) return;
    const t = window.setTimeout(() => {
      last.current = draft;
      onChange(draft);
    }, delay);
    return () => window.clearTimeout(t);
  }, [draft, delay, onChange]);
  return (
    <div className="relative w-full sm:w-[23rem]">
      <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
      <Input
        type="search"
        data-list-search
        aria-label={label}
        placeholder={placeholder}
        value={draft}
        maxLength={100}
        className="h-8 pr-8 pl-8"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            last.current = draft;
            onChange(draft);
          }
        }}
      />
      {draft && (
        <button
          type="button"
          aria-label="Clear search"
          className="absolute top-1/2 right-2 -translate-y-1/2 rounded-sm text-muted-foreground hover:text-foreground"
          onClick={() => {
            setDraft("");
            last.current = "";
            onChange("");
          }}
        >
          <X className="size-4" aria-hidden />
        </button>
      )}
    </div>
  );
}
