/** JSON with bigints as strings (money is bigint minor units; JSON.stringify throws on bigint). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}
