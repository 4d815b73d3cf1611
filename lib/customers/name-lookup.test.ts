import { describe, expect, it } from "vitest";
import {
  maskName,
  matchScore,
  mnoName,
  nameLookupSummary,
  nameMatch,
  nameTokens,
  NO_SANDBOX_NAME_REASON,
  sandboxNameLookup,
} from "./name-lookup";

describe("sandbox name lookup (§6, by the last 9 digits)", () => {
  it.each([
    ["+254700000001", "MATCHED", "JANE MARY DOE", false],
    ["+256700000002", "MATCHED", "ROBERT JAMES SMITH", false],
    ["0700000003", "NOT_FOUND", null, false],
    ["+255 700 000 004", "UNSUPPORTED", null, false],
    ["254700000005", "TIMEOUT", null, false],
    ["+254700000006", "ERROR", null, false],
    ["+254700000007", "MATCHED", "J*** M*** D**", true],
  ] as const)("%s → %s", (phone, status, accountName, masked) => {
    const r = sandboxNameLookup(phone);
    expect(r).toMatchObject({ status, accountName, masked });
    if (status === "MATCHED") expect(r.reason).toBeNull();
    else expect(r.reason).toEqual(expect.any(String));
  });

  it("any other number has no registered name", () => {
    for (const phone of ["+254712345678", "+254700000008", "+254700000010"]) {
      expect(sandboxNameLookup(phone)).toEqual({ status: "NOT_FOUND", accountName: null, reason: NO_SANDBOX_NAME_REASON, masked: false });
    }
  });

  it("masks each word to its initial", () => {
    expect(maskName("JANE MARY DOE")).toBe("J*** M*** D**");
    expect(maskName("  A  Bc ")).toBe("A B*");
  });
});

describe("token match score", () => {
  it("compares upper-cased token sets: matched / max(token counts) × 100, rounded", () => {
    expect(matchScore("Jane Mary Doe", "JANE MARY DOE")).toBe(100);
    expect(matchScore("doe jane mary", "JANE MARY DOE")).toBe(100);
    expect(matchScore("Jane Doe", "JANE MARY DOE")).toBe(67);
    expect(matchScore("Jane", "JANE MARY DOE")).toBe(33);
    expect(matchScore("Jane Mary Doe Smith", "JANE MARY DOE")).toBe(75);
    expect(matchScore("John Smith", "JANE MARY DOE")).toBe(0);
    expect(matchScore("Robert Smith", "ROBERT JAMES SMITH")).toBe(67);
    expect(matchScore("", "JANE MARY DOE")).toBe(0);
    // Repeated words count once, accents and punctuation do not matter.
    expect(matchScore("Jane Jane Mary-Doe", "JANE MARY DOE")).toBe(100);
    expect(matchScore("Jané Mary Doe", "JANE MARY DOE")).toBe(100);
    expect(nameTokens("  jane,  MARY. doe ")).toEqual(["JANE", "MARY", "DOE"]);
  });

  it("threshold 70: 67 does not match, 75 does", () => {
    expect(nameMatch("Jane Doe", "JANE MARY DOE", false)).toEqual({ provided: "Jane Doe", score: 67, matched: false, threshold: 70, masked: false });
    expect(nameMatch("Jane Mary Doe Smith", "JANE MARY DOE", false)).toMatchObject({ score: 75, matched: true });
  });

  it("a masked name matches by initial and length, each registered word once", () => {
    expect(nameMatch("Jane Mary Doe", "J*** M*** D**", true)).toEqual({ provided: "Jane Mary Doe", score: 100, matched: true, threshold: 70, masked: true });
    expect(matchScore("John Mark Dan", "J*** M*** D**")).toBe(100);
    expect(matchScore("Jane Doe", "J*** M*** D**")).toBe(67);
    expect(matchScore("Jo Mary Doe", "J*** M*** D**")).toBe(67);
    expect(matchScore("Jane Jack", "J*** D**")).toBe(50);
  });
});

describe("answer pieces", () => {
  it("names the operator", () => {
    expect(mnoName("KE", "MPESA")).toBe("SAFARICOM KENYA");
    expect(mnoName("KE", "AIRTEL")).toBe("AIRTEL KENYA");
    expect(mnoName("UG", "MTN")).toBe("MTN UGANDA");
    expect(mnoName("KE", "NOT_SUPPORTED")).toBeNull();
  });

  it("summarises a result as the dialogs show it", () => {
    expect(nameLookupSummary({ nameLookupStatus: "MATCHED", accountName: "JANE MARY DOE", nameMatch: { score: 100, matched: true } })).toBe(
      "JANE MARY DOE · matched 100%",
    );
    expect(nameLookupSummary({ nameLookupStatus: "MATCHED", accountName: "JANE MARY DOE", nameMatch: { score: 33, matched: false } })).toBe(
      "JANE MARY DOE · does not match 33%",
    );
    expect(nameLookupSummary({ nameLookupStatus: "MATCHED", accountName: "JANE MARY DOE", nameMatch: null })).toBe("JANE MARY DOE");
    expect(nameLookupSummary({ nameLookupStatus: "NOT_FOUND", accountName: null, nameMatch: null })).toBe("Not found");
  });
});
