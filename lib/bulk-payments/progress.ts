import { BULK_STEPS, type BulkProgressStep, type BulkStep } from "./schemas";

/** A new batch's steps: the file was checked and the batch written; the rest waits for Process. */
export function initialProgress(at: Date): BulkProgressStep[] {
  const iso = at.toISOString();
  return BULK_STEPS.map((step) =>
    step === "validation" || step === "creation" ? { step, status: "completed", startedAt: iso, completedAt: iso } : { step, status: "pending" },
  );
}

/** The steps with some of them moved (a step keeps when it started). */
export function withSteps(
  progress: BulkProgressStep[] | null | undefined,
  changes: Partial<Record<BulkStep, Pick<BulkProgressStep, "status" | "message">>>,
  at: Date,
): BulkProgressStep[] {
  const iso = at.toISOString();
  const current = new Map((progress ?? initialProgress(at)).map((s) => [s.step, s]));
  return BULK_STEPS.map((step) => {
    const before = current.get(step) ?? { step, status: "pending" as const };
    const change = changes[step];
    if (!change) return before;
    const done = change.status === "completed" || change.status === "failed" || change.status === "cancelled";
    return {
      ...before,
      ...change,
      startedAt: before.startedAt ?? (change.status === "pending" ? undefined : iso),
      ...(done ? { completedAt: iso } : {}),
    };
  });
}
