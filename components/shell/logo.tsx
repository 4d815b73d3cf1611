import { cn } from "@/lib/utils";

/** The Kotani Pay mark: drawn inline (no external assets or fonts). */
export function Logo({ className, withText = true }: { className?: string; withText?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-primary" />
        <path d="M10 8v16M10 16l9-8M13.5 13l6.5 11" stroke="white" strokeWidth="3" strokeLinecap="round" fill="none" />
      </svg>
      {withText && <span>Kotani Pay</span>}
    </span>
  );
}
