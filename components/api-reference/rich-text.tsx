import { Fragment } from "react";
import type { JsonValue } from "@/lib/api-v3/reference-view";

/** The document's descriptions use `backticks` for code: those become <code>, the rest stays text. */
export function RichText({ text }: { text: string }) {
  const parts = text.split(/(`[^`\n]+`)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.length > 2 && part.startsWith("`") && part.endsWith("`") ? (
          <Code key={i}>{part.slice(1, -1)}</Code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-muted px-1 py-0.5 font-mono text-[0.8em] break-words">{children}</code>;
}

/** An example value as a person reads it: strings bare, anything else as JSON. */
export function exampleText(value: JsonValue): string {
  return typeof value === "string" && value !== "" ? value : JSON.stringify(value);
}
