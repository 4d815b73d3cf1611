import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names (clsx). It does not resolve conflicts between Tailwind utilities: a ui
 * primitive's own look is a component class (components/ui/ui-*.css), which any utility a caller
 * passes beats by the cascade layers, and test/components/class-conflicts.test.ts keeps two
 * utilities that set the same thing out of one element. (tailwind-merge did this at run time: 8.6
 * kB gzip in every page and ~35 ms of a list's load.)
 */
export function cn(...inputs: ClassValue[]) {
  return clsx(inputs);
}
