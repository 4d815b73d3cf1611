"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** The rows-per-page Radix Select, loaded on its first opening (data-table-pagination.tsx): opens at once. */
export default function PageSizeSelect({ pageSize, pageSizes, onPageSize }: { pageSize: number; pageSizes: readonly number[]; onPageSize: (size: number) => void }) {
  return (
    <Select defaultOpen value={String(pageSize)} onValueChange={(v) => onPageSize(Number(v))}>
      <SelectTrigger size="sm" className="w-[72px]" aria-labelledby="rows-per-page">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {pageSizes.map((s) => (
          <SelectItem key={s} value={String(s)}>
            {s}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
