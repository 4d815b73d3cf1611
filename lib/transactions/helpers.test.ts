import { describe, expect, it } from "vitest";
import { csvField, neutralizeCell } from "@/lib/csv";
import { addDays, ceilUtcDay, floorUtcDay, parseIsoDay, todayIn, zonedDayStart, zonedRange } from "./dates";
import { cryptoToDecimal, formatCrypto } from "./format";
import { decodeCursor, encodeCursor, parseSort } from "./list-contract";
import { listQuerySchema } from "./list-contract-schema";
import { escapeLike, parseFilterAmount, phoneSearchPrefix } from "./query";

describe("csv", () => {
  it("neutralises cells that start with = + - @ tab or CR, and quotes what needs it", () => {
    for (const bad of ["=1+1", "+254700", "-2", "@SUM(A1)", "\tx", "\rx", "=cmd|'/c calc'!A0\nmore"]) {
      expect(neutralizeCell(bad)).toBe(`'${bad}`);
    }
    for (const ok of ["KES", "1000.00", "a=b", " =1", ""]) expect(neutralizeCell(ok)).toBe(ok);
    expect(csvField('R,"1"')).toBe('"R,""1"""');
    expect(csvField("=a\nb")).toBe(`"'=a\nb"`);
  });
});

describe("dates", () => {
  it("turns calendar days in a zone into UTC instants, DST included", () => {
    expect(zonedDayStart("2026-03-01", "Africa/Nairobi").toISOString()).toBe("2026-02-28T21:00:00.000Z");
    expect(zonedDayStart("2026-03-01", "UTC").toISOString()).toBe("2026-03-01T00:00:00.000Z");
    // London switches to BST on 2026-03-29: that day starts at 00:00 GMT, the next at 23:00 UTC.
    const { start, end } = zonedRange("2026-03-29", "2026-03-29", "Europe/London");
    expect(start!.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(end!.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(parseIsoDay("2026-02-30")).toBeNull();
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(ceilUtcDay(new Date("2026-01-01T00:00:00Z")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(ceilUtcDay(new Date("2026-01-01T00:00:01Z")).toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(floorUtcDay(new Date("2026-01-01T23:59:59Z")).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(todayIn("Africa/Nairobi", Date.parse("2026-01-01T22:00:00Z"))).toBe("2026-01-02");
  });
});

describe("search and amounts", () => {
  it("normalises phone searches to an E.164 prefix for the market", () => {
    expect(phoneSearchPrefix("0712 345 678", "KE")).toBe("+254712345678");
    expect(phoneSearchPrefix("0712", "KE")).toBe("+254712");
    expect(phoneSearchPrefix("254712345", "KE")).toBe("+254712345");
    expect(phoneSearchPrefix("+256772", "UG")).toBe("+256772");
    expect(phoneSearchPrefix("712345678", "KE")).toBe("+254712345678");
    expect(phoneSearchPrefix("12", "KE")).toBeNull();
    expect(phoneSearchPrefix("REF123", "KE")).toBeNull();
  });
  it("escapes LIKE wildcards", () => {
    expect(escapeLike("50%_off\\")).toBe("50\\%\\_off\\\\");
  });
  it("parses typed amounts by the currency's exponent", () => {
    expect(parseFilterAmount("1,000.50", "KES")).toBe(100050n);
    expect(parseFilterAmount("0", "KES")).toBe(0n);
    expect(parseFilterAmount("1000", "UGX")).toBe(1000n);
    expect(parseFilterAmount("1.5", "UGX")).toBeNull();
    expect(parseFilterAmount("1e5", "KES")).toBeNull();
    expect(parseFilterAmount("-5", "KES")).toBeNull();
  });
  it("formats token base units with the token's decimals", () => {
    expect(cryptoToDecimal("1500000", "USDT")).toBe("1.5");
    expect(cryptoToDecimal("1000000000000000000", "CUSD")).toBe("1");
    expect(formatCrypto("1234567890000", "USDC")).toBe("1,234,567.89 USDC");
  });
});

describe("list query", () => {
  it("cursors round-trip and reject garbage", () => {
    const c = { dir: "a" as const, ts: "2026-01-01T10:00:00.123456Z", id: "abc123", scope: "sandbox:KE-KES" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(Buffer.from("a|2026-01-01T10:00:00Z|x|elsewhere").toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from("c|2026-01-01T10:00:00Z|x").toString("base64url"))).toBeNull();
  });
  it("sort values are column.direction of a known column", () => {
    expect(parseSort("amount.asc")).toEqual({ column: "amount", dir: "asc" });
    expect(parseSort("amount")).toBeNull();
    expect(parseSort("password.desc")).toBeNull();
  });
  it("accepts comma lists and repeated keys, and defaults the rest", () => {
    const v = listQuerySchema.parse({ status: ["FAILED,PENDING", "FAILED"], size: "50" });
    expect(v.status).toEqual(["FAILED", "PENDING"]);
    expect(v.size).toBe(50);
    expect(v.sort).toBe("createdAt.desc");
    expect(v.page).toBe(1);
  });
});
