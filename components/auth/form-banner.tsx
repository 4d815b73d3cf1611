import { cn } from "@/lib/utils";

const TONES = {
  success: "border-success/40 bg-success/10 text-foreground",
  error: "border-destructive/40 bg-destructive/10 text-destructive dark:text-red-300",
} as const;

/** The one-line message above an auth form: a notice ("Your password is set…") or the form's error. */
export function FormBanner({
  tone,
  role = "status",
  testId,
  children,
}: {
  tone: keyof typeof TONES;
  role?: "status" | "alert";
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <p data-testid={testId} role={role} className={cn("rounded-md border px-3 py-2 text-sm", TONES[tone])}>
      {children}
    </p>
  );
}
