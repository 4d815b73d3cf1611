import type { BulkLoader } from "./loader";
import type { IdFactory, Rng } from "./prng";

/** Shared by every seed module during one run. */
export interface SeedContext {
  loader: BulkLoader;
  ids: IdFactory;
  /** "Today": the upper bound of every generated timestamp (ms since epoch). */
  now: number;
  /** The first day of generated history (ms). */
  start: number;
  log: (msg: string) => void;
}

export type { Rng };

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
