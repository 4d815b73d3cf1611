import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanText, isWellFormedText, plainText, storableText } from "./text-input";
import { searchParam, textParam } from "./client/list-params-schema";

const messageOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("the text rule", () => {
  it("refuses NUL, the other C0 controls and DEL; keeps tab and line breaks inside", () => {
    const name = plainText(60, "The name");
    expect(messageOf(name, "a\u0000b")).toBe("The name cannot contain control characters");
    expect(messageOf(name, "\u001b[31m")).toBe("The name cannot contain control characters");
    expect(messageOf(name, "a\u007f")).toBe("The name cannot contain control characters");
    expect(messageOf(name, "two\nlines\tand a tab")).toBeNull();
    expect(name.parse("  padded  ")).toBe("padded");
  });

  it("refuses unpaired surrogates, accepts pairs", () => {
    const name = plainText(60, "The name");
    expect(messageOf(name, "\uD800")).toBe("The name contains an invalid character (an unpaired surrogate)");
    expect(messageOf(name, "x\uDC00y")).toBe("The name contains an invalid character (an unpaired surrogate)");
    expect(messageOf(name, "\uDC00\uD800")).not.toBeNull();
    expect(messageOf(name, "😀 ok")).toBeNull();
    expect(isWellFormedText("😀")).toBe(true);
    expect(isWellFormedText("a\uD83D")).toBe(false);
  });

  it("cleanText keeps the schema's own checks and messages", () => {
    const role = cleanText(z.string().trim().min(1, "Enter a role name").max(5, "Too long"), "The role name");
    expect(messageOf(role, "")).toBe("Enter a role name");
    expect(messageOf(role, "toolong")).toBe("Too long");
    expect(messageOf(role, "a\u0001")).toBe("The role name cannot contain control characters");
    expect(role.parse(" ok ")).toBe("ok");
  });

  it("query params: q and other text refuse control characters with a 400 message", () => {
    expect(messageOf(searchParam(100), "ab\u0000cd")).toBe("The search cannot contain control characters");
    expect(messageOf(searchParam(100), ["ok", "\u0000"])).toBe("The search cannot contain control characters");
    expect(searchParam(100).parse(undefined)).toBe("");
    expect(searchParam(100).parse(" ref ")).toBe("ref");
    expect(messageOf(textParam(254, "The actor", "Unknown actor"), "a\u0000")).toBe("The actor cannot contain control characters");
    expect(messageOf(textParam(3, "The actor", "Unknown actor"), "abcd")).toBe("Unknown actor");
  });

  it("storableText: what PostgreSQL cannot store becomes U+FFFD", () => {
    expect(storableText("a\u0000b\uD800c\uDC00😀")).toBe("a\uFFFDb\uFFFDc\uFFFD😀");
    expect(storableText("plain")).toBe("plain");
  });
});
