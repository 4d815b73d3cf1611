import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/**
 * A refused action's field messages (ActionResult.fieldErrors), each put under its field of the
 * form. Returns false when none of `fields` was named: the caller shows the action's `error` instead.
 */
export function placeFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  fieldErrors: Record<string, string[]> | undefined,
): boolean {
  let placed = false;
  for (const field of fields) {
    const message = fieldErrors?.[field]?.[0];
    if (message) {
      setError(field, { message });
      placed = true;
    }
  }
  return placed;
}
