/**
 * M5 — amount fuzz: 10,000 invalid amounts, none accepted; and valid amounts round-trip exactly.
 * Covers parseAmount (lib/money.ts), the one parser of typed amounts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CURRENCIES } from "@/lib/markets";
import { MAX_MINOR_UNITS, parseAmount, toDecimalString } from "@/lib/money";
import { transferFormSchema } from "./schemas";

const currencies = Object.keys(CURRENCIES);
const currencyArb = fc.constantFrom(...currencies);
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const positiveInt = fc.bigInt({ min: 1n, max: 10n ** 12n }).map(String);

/** A valid-looking positive amount for `currency` (decimals within its exponent). */
function validAmount(currency: string) {
  const exp = CURRENCIES[currency].exponent;
  return fc.bigInt({ min: 1n, max: MAX_MINOR_UNITS }).map((minor) => toDecimalString(minor, currency).replace(exp ? /\.?0+$/ : /$^/, ""));
}

const UNICODE_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10, 0x0e50, 0x1040, 0x1d7ce];

function toScript(ascii: string, zero: number, mask: boolean[]): string {
  let i = 0;
  let replaced = false;
  const out = [...ascii]
    .map((ch) => {
      if (!/[0-9]/.test(ch)) return ch;
      const swap = mask[i++ % mask.length] || (!replaced && i === ascii.replace(/\D/g, "").length);
      if (!swap) return ch;
      replaced = true;
      return String.fromCodePoint(zero + Number(ch));
    })
    .join("");
  return out;
}

type Case = { input: string; currency: string; why: string };

const invalidCases: fc.Arbitrary<Case> = fc.oneof(
  // zero in every spelling
  fc.record({
    input: fc.constantFrom("0", "00", "0.0", "0.00", "000.00", "0,000", " 0 ", "0.", ".0"),
    currency: fc.constantFrom("KES", "USD", "ZAR"),
    why: fc.constant("zero"),
  }),
  // signs
  fc.record({ input: fc.tuple(fc.constantFrom("-", "+", "−", "–", "﹣", "＋"), positiveInt).map(([s, n]) => s + n), currency: currencyArb, why: fc.constant("sign") }),
  fc.record({ input: positiveInt.map((n) => `${n}-`), currency: currencyArb, why: fc.constant("trailing sign") }),
  // not numbers
  fc.record({
    input: fc.constantFrom("NaN", "nan", "Infinity", "-Infinity", "+Infinity", "inf", "∞", "undefined", "null", "true", "[]", "{}", "1/2", "½", "Ⅻ", "0x10", "0b101", "0o17", "1_000", "$100", "100$", "KES 100", "100KES"),
    currency: currencyArb,
    why: fc.constant("not a number"),
  }),
  // exponents
  fc.record({
    input: fc.tuple(positiveInt, fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(1, 3)).map(([m, e, s, x]) => `${m}${e}${s}${x}`),
    currency: currencyArb,
    why: fc.constant("exponent"),
  }),
  // more decimals than the currency has
  currencyArb.chain((currency) =>
    fc.record({
      input: fc.tuple(positiveInt, digits(CURRENCIES[currency].exponent + 1, CURRENCIES[currency].exponent + 12)).map(([w, f]) => `${w}.${f}`),
      currency: fc.constant(currency),
      why: fc.constant("excess decimals"),
    }),
  ),
  // above the maximum
  currencyArb.chain((currency) =>
    fc.record({
      input: fc.bigInt({ min: MAX_MINOR_UNITS + 1n, max: 10n ** 40n }).map((m) => toDecimalString(m, currency)),
      currency: fc.constant(currency),
      why: fc.constant("over max"),
    }),
  ),
  // non-ASCII digits (some or all digits swapped into another script)
  currencyArb.chain((currency) =>
    fc.record({
      input: fc
        .tuple(validAmount(currency), fc.constantFrom(...UNICODE_ZEROS), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }))
        .map(([a, zero, mask]) => toScript(a, zero, mask)),
      currency: fc.constant(currency),
      why: fc.constant("unicode digits"),
    }),
  ),
  // whitespace (or invisible characters) inside the number
  currencyArb.chain((currency) =>
    fc.record({
      input: fc
        .tuple(validAmount(currency).filter((a) => a.length >= 2), fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u2009", "\u202f", "\u200b", "\u200e", "\ufeff"), fc.nat())
        .map(([a, ws, at]) => {
          const i = 1 + (at % (a.length - 1));
          return a.slice(0, i) + ws + a.slice(i);
        }),
      currency: fc.constant(currency),
      why: fc.constant("whitespace inside"),
    }),
  ),
  // malformed decimal points
  fc.record({
    input: fc.oneof(
      positiveInt.map((n) => `${n}.`),
      positiveInt.map((n) => `.${n}`),
      fc.tuple(positiveInt, digits(1, 2), digits(1, 2)).map(([a, b, c]) => `${a}.${b}.${c}`),
      fc.constantFrom(".", "..", ",", ",.", ""),
    ),
    currency: currencyArb,
    why: fc.constant("malformed"),
  }),
  // arbitrary text with at least one character that is not a digit, dot or comma
  fc.record({
    input: fc.string({ minLength: 1, maxLength: 20, unit: "binary" }).filter((s) => /[^0-9.,]/.test(s.trim()) || s.trim() === ""),
    currency: currencyArb,
    why: fc.constant("garbage"),
  }),
);

/** Commas that are not thousands separators (a decimal comma would multiply the amount). */
const misplacedCommas: fc.Arbitrary<Case> = fc.record({
  input: fc.oneof(
    fc.tuple(digits(1, 6), digits(1, 2)).map(([a, b]) => `${a},${b}`),
    fc.tuple(digits(1, 3), digits(4, 6)).map(([a, b]) => `${a},${b}`),
    fc.tuple(digits(1, 3), digits(3, 3)).map(([a, b]) => `${a},,${b}`),
    digits(1, 6).map((a) => `,${a}`),
    digits(1, 6).map((a) => `${a},`),
    fc.tuple(digits(4, 6), digits(3, 3)).map(([a, b]) => `${a},${b}`),
  ),
  currency: fc.constantFrom("KES", "UGX", "USD"),
  why: fc.constant("misplaced comma"),
});

describe("M5: amount fuzz", () => {
  it("parseAmount accepts none of 10,000 invalid amounts", () => {
    const accepted: Case[] = [];
    fc.assert(
      fc.property(invalidCases, (c) => {
        const a = parseAmount(c.input, c.currency);
        if (a.ok) accepted.push(c);
        return !a.ok && typeof a.error === "string" && a.error.length > 0;
      }),
      { numRuns: 10_000, seed: 20260505 },
    );
    expect(accepted).toEqual([]);
  });

  it("parseAmount refuses commas that are not thousands separators (2,000 cases)", () => {
    fc.assert(
      fc.property(misplacedCommas, (c) => !parseAmount(c.input, c.currency).ok),
      { numRuns: 2_000 },
    );
    expect(parseAmount("1,00", "KES")).toMatchObject({ ok: false });
    expect(parseAmount("1,000.50", "KES")).toEqual({ ok: true, minor: 100_050n });
    expect(parseAmount("12,345,678", "UGX")).toEqual({ ok: true, minor: 12_345_678n });
  });

  it("every valid amount round-trips exactly (5,000 cases, with and without grouping)", () => {
    fc.assert(
      fc.property(currencyArb, fc.bigInt({ min: 1n, max: MAX_MINOR_UNITS }), fc.boolean(), (currency, minor, group) => {
        let text = toDecimalString(minor, currency);
        if (group) text = text.replace(/^(\d+)/, (w) => w.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
        const a = parseAmount(text, currency);
        const b = parseAmount(text, currency);
        return a.ok && b.ok && a.minor === minor && b.minor === minor;
      }),
      { numRuns: 5_000 },
    );
  });

  it("the transfer form schema refuses a missing amount, key or wallet", () => {
    const base = { walletId: "abc123", mode: "specific" as const, amount: "10", idempotencyKey: crypto.randomUUID() };
    expect(transferFormSchema.safeParse(base).success).toBe(true);
    expect(transferFormSchema.safeParse({ ...base, amount: "  " }).success).toBe(false);
    expect(transferFormSchema.safeParse({ ...base, idempotencyKey: "" }).success).toBe(false);
    expect(transferFormSchema.safeParse({ ...base, idempotencyKey: "has spaces in it" }).success).toBe(false);
    expect(transferFormSchema.safeParse({ ...base, walletId: "" }).success).toBe(false);
    expect(transferFormSchema.safeParse({ ...base, mode: "entire", amount: undefined }).success).toBe(true);
    expect(transferFormSchema.safeParse({ ...base, amount: "1".repeat(65) }).success).toBe(false);
  });
});
