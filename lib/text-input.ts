/**
 * The one rule for text people send (forms, actions, query strings, JSON bodies): no control
 * characters and no unpaired surrogates, refused with a message naming the field — never a 500.
 *
 * - NUL and the other C0 controls (tab, LF and CR allowed) and DEL: PostgreSQL `text` cannot hold
 *   NUL at all ("invalid byte sequence for encoding UTF8: 0x00"), and none of them belongs in a
 *   name, a search or a description.
 * - An unpaired surrogate ("\uD800" alone, which JSON and server actions can carry) is not a
 *   character: it has no UTF-8 encoding, so it would reach the database as U+FFFD or be refused
 *   there. `String.prototype.isWellFormed` says the same on Node 20, but this file is also bundled
 *   for browsers (the forms parse with the same schemas), hence the regular expression.
 *
 * Pure: imported by routes, actions, forms and list contracts alike.
 */
import { z } from "zod";

/** NUL and other control characters; tab, LF and CR are allowed (a description may have lines). */
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasControlChars(value: string): boolean {
  return CONTROL_CHARS.test(value);
}

/** Whether the string is well-formed UTF-16 (every surrogate paired), as `isWellFormed()`. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * The text with what PostgreSQL cannot store (NUL, an unpaired surrogate: also refused inside
 * jsonb) replaced by U+FFFD. For text the code records as it came (an audit row's reason or
 * refused value), never instead of refusing what a person submits.
 */
export function storableText(value: string): string {
  return value.replace(UNSTORABLE, "\uFFFD");
}

/** "The search cannot contain control characters". */
export const controlCharsMessage = (label: string) => `${label} cannot contain control characters`;
/** "The search contains an invalid character". */
export const malformedTextMessage = (label: string) => `${label} contains an invalid character (an unpaired surrogate)`;

/**
 * Refines a string schema with the rule: `cleanText(z.string().trim().max(60), "The name")`.
 * The checks run on the value as the schema produced it (after trim and friends).
 */
export function cleanText<S extends z.ZodType<string>>(schema: S, label: string) {
  return schema
    .refine((v) => !CONTROL_CHARS.test(v), controlCharsMessage(label))
    .refine((v) => !LONE_SURROGATE.test(v), malformedTextMessage(label));
}

/** A trimmed text field of at most `max` characters, with the rule (what forms use for free text). */
export const plainText = (max: number, label: string) =>
  cleanText(z.string().trim().max(max, `${label} must be at most ${max} characters`), label);
