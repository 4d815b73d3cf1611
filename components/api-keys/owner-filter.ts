/**
 * The API Keys owner filter, kept in the URL (`?owner=integrator`, a member's user id; none: all).
 * Pure: the server page reads it to list the keys, the filter's client island writes it.
 */
import { parseAsString } from "nuqs/server";

/** The owner filter's value when the URL has none. */
export const ALL_OWNERS = "all";

/** The owner filter's trigger (its stand-in and the select loaded on first use share them). */
export const OWNER_SELECT_ID = "api-keys-owner";
export const OWNER_SELECT_CLASS = "min-w-40 max-w-72";

/** The filter's URL key, for the client island (choosing "All" clears it). */
export const ownerFilterParsers = { owner: parseAsString.withDefault(ALL_OWNERS) };

/** The owner filter from the URL's `owner` (none or empty: all). */
export function ownerFilterOf(value: string | string[] | null | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : ALL_OWNERS;
}
