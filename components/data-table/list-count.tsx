/** "1,234 links": how many rows match the filters, beside a list's toolbar (announced when it changes). */
export function ListCount({ total, noun, plural = `${noun}s` }: { total: number; noun: string; plural?: string }) {
  return (
    <p className="text-sm text-muted-foreground" aria-live="polite">
      {total.toLocaleString("en-US")} {total === 1 ? noun : plural}
    </p>
  );
}
