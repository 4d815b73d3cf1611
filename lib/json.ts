/** JSON with bigints as strings (money is bigint minor units; JSON.stringify throws on bigint). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
}

/** The value as the API's JSON answer has it (bigints and dates as strings): what a server page hands its client components. */
export function jsonValue<T>(value: T): Jsonified<T> {
  return JSON.parse(toJson(value)) as Jsonified<T>;
}

/** What `toJson` makes of a value's type: bigints and dates become strings, undefined fields vanish. */
export type Jsonified<T> = T extends bigint | Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends readonly (infer U)[]
      ? readonly Jsonified<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonified<T[K]> }
        : T;
